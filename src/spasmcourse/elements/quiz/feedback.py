"""What a learner reads after checking: verdict, one line per marked item, and the answer.

Mirrored by verdict(), feedbackLines() and answerText() in static/quiz-check.js.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spasmcourse.content.models.questions import (
    Categorize,
    Matching,
    MultipleSelect,
    Numeric,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)
from spasmcourse.elements.quiz.checking import (
    AnswerCheck,
    choice_options,
    definitions,
    numeric_bounds,
)
from spasmcourse.i18n import text

_EMPTY_KEYS = {"single": "no_choice_single", "true-false": "no_choice_single",
               "multiple": "no_choice_multiple", "numeric": "numeric_empty"}
_COUNT_KEYS = {"matching": "matched_count", "ordering": "ordered_count", "categorize": "sorted_count"}


@dataclass(frozen=True)
class FeedbackLine:
    """One marked item: right or wrong, what it was, and its feedback (if any)."""

    correct: bool
    text: str
    feedback: str


def verdict(question: Question, check: AnswerCheck) -> str:
    """The one-line verdict."""
    if not check.answered:
        if check.note == "not-a-number":
            return text("not_a_number")
        return text(_EMPTY_KEYS.get(question.type, "no_choice_items"))
    if check.correct:
        return text("correct")
    parts = [text("incorrect")]
    if isinstance(question, MultipleSelect):
        wrong = sum(not mark.correct for mark in check.marks)
        if wrong:
            parts.append(text("wrong_chosen_one") if wrong == 1 else text("wrong_chosen_many", n=wrong))
        if check.missed:
            parts.append(text("missed_one") if check.missed == 1 else text("missed_many", n=check.missed))
    if question.type in _COUNT_KEYS:
        parts.append(text(_COUNT_KEYS[question.type], n=check.right, m=check.total))
    if check.note == "duplicates":
        parts.append(text("duplicates"))
    return " ".join(parts)


def feedback_lines(question: Question, check: AnswerCheck, answer: Any) -> list[FeedbackLine]:
    """One line per marked option, term, position or item."""
    if isinstance(question, SingleChoice | MultipleSelect | TrueFalse):
        options = choice_options(question)
        return [FeedbackLine(m.correct, options[m.index].text, options[m.index].feedback)
                for m in check.marks]
    if isinstance(question, Numeric):
        feedback = {"too-low": question.feedback.too_low, "too-high": question.feedback.too_high}
        said = feedback.get(check.note, question.feedback.correct)
        return [FeedbackLine(m.correct, answer.strip(), said) for m in check.marks]
    if isinstance(question, Matching):
        names = definitions(question)
        pairs = question.pairs
        return [FeedbackLine(m.correct, f"{pairs[m.index].term} \u2192 {_pick(names, answer, m.index)}",
                             "" if m.correct else pairs[m.index].feedback) for m in check.marks]
    if isinstance(question, Categorize):
        return [FeedbackLine(m.correct,
                             f"{question.items[m.index].text} \u2192 "
                             f"{_pick(question.categories, answer, m.index)}",
                             "" if m.correct else question.items[m.index].feedback) for m in check.marks]
    return [FeedbackLine(m.correct, question.items[m.index].text,
                         "" if m.correct else question.items[m.index].feedback) for m in check.marks]


def answer_text(question: Question) -> str:
    """The right answer in words, shown when the learner asks for it."""
    if isinstance(question, SingleChoice | MultipleSelect | TrueFalse):
        return "; ".join(option.text for option in choice_options(question) if option.correct)
    if isinstance(question, Numeric):
        spec = question.answer
        unit = f" {question.unit}" if question.unit else ""
        if spec.value is None:
            low, high = numeric_bounds(question)
            return text("range", low=number_text(low), high=number_text(high)) + unit
        if spec.tolerance:
            return text("plus_minus", value=number_text(spec.value),
                        tolerance=number_text(spec.tolerance)) + unit
        return number_text(spec.value) + unit
    if isinstance(question, Matching):
        return "; ".join(f"{pair.term} \u2192 {pair.definition}" for pair in question.pairs)
    if isinstance(question, Ordering):
        return text("then").join(item.text for item in question.items)
    groups = [(category, [item.text for item in question.items if item.category == category])
              for category in question.categories]
    return "; ".join(f"{category}: {', '.join(items)}" for category, items in groups if items)


def number_text(value: float) -> str:
    """A number as JavaScript's String() writes it for the values quizzes use: 70, 0.5."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _pick(names: list[str], answer: Any, index: int) -> str:
    chosen = answer[index] if isinstance(answer, list) and index < len(answer) else None
    valid = isinstance(chosen, int) and 0 <= chosen < len(names)
    return names[chosen] if valid else text("no_answer")
