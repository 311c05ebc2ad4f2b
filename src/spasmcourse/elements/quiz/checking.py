"""Answer checking for every question type: pure functions, mirrored by static/quiz-check.js.

Answers have one shape in both worlds: a list of option indexes (single, multiple,
true-false), the typed text (numeric), a definition index or None per term (matching), the
item indexes in the learner's order (ordering), a category index or None per item
(categorize). tests/quiz_cases.yml holds the cases both implementations must meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spasmcourse.content.models.questions import (
    Categorize,
    Matching,
    MultipleSelect,
    Numeric,
    Option,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)
from spasmcourse.i18n import text

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_EPSILON = 1e-9


@dataclass(frozen=True)
class Mark:
    """One option, term, position or item marked right or wrong."""

    index: int
    correct: bool


@dataclass(frozen=True)
class AnswerCheck:
    """The outcome of checking one answer."""

    answered: bool
    correct: bool
    marks: tuple[Mark, ...] = field(default_factory=tuple)
    right: int = 0
    total: int = 0
    missed: int = 0
    note: str = ""


def choice_options(question: SingleChoice | MultipleSelect | TrueFalse) -> list[Option]:
    """The options of a choice question; true-false offers True then False."""
    if isinstance(question, TrueFalse):
        return [Option(text=text("true"), correct=question.answer, feedback=question.if_true),
                Option(text=text("false"), correct=not question.answer, feedback=question.if_false)]
    return list(question.options)


def definitions(question: Matching) -> list[str]:
    """The definitions a term can be matched with: each pair's, then the distractors."""
    return [pair.definition for pair in question.pairs] + list(question.distractors)


def check(question: Question, answer: Any) -> AnswerCheck:
    """Check a learner's answer to any question type."""
    if isinstance(question, Numeric):
        return _check_numeric(question, answer)
    if isinstance(question, Matching):
        return _check_slots(answer, len(question.pairs), list(range(len(question.pairs))),
                            len(definitions(question)), duplicates_matter=True)
    if isinstance(question, Categorize):
        wanted = [question.categories.index(item.category) for item in question.items]
        return _check_slots(answer, len(question.items), wanted, len(question.categories))
    if isinstance(question, Ordering):
        return _check_order(answer, len(question.items))
    return _check_choice(choice_options(question), answer)


def parse_number(typed: str, unit: str | None) -> float | None:
    """The number in what the learner typed (a trailing unit or % is allowed), or None."""
    value = typed.strip()
    for suffix in (unit, "%"):
        if suffix and value.lower().endswith(suffix.lower()):
            value = value[: len(value) - len(suffix)].strip()
    if not _NUMBER.match(value):
        return None
    return float(value.replace(",", "."))


def numeric_bounds(question: Numeric) -> tuple[float, float]:
    """The lowest and highest accepted values."""
    spec = question.answer
    if spec.value is None:
        return spec.min, spec.max
    tolerance = spec.tolerance or 0.0
    return spec.value - tolerance, spec.value + tolerance


def _check_choice(options: list[Option], answer: Any) -> AnswerCheck:
    chosen = answer if isinstance(answer, list) else []
    picked = sorted({i for i in chosen if _is_index(i, len(options))})
    marks = tuple(Mark(i, options[i].correct) for i in picked)
    wrong = sum(not mark.correct for mark in marks)
    missed = sum(option.correct for i, option in enumerate(options) if i not in picked)
    answered = bool(picked)
    return AnswerCheck(answered, answered and wrong == 0 and missed == 0, marks,
                       len(picked) - wrong, len(options), missed)


def _check_numeric(question: Numeric, answer: Any) -> AnswerCheck:
    typed = answer if isinstance(answer, str) else ""
    if not typed.strip():
        return AnswerCheck(False, False)
    value = parse_number(typed, question.unit)
    if value is None:
        return AnswerCheck(False, False, note="not-a-number")
    low, high = numeric_bounds(question)
    if value < low - _EPSILON:
        return AnswerCheck(True, False, (Mark(0, False),), note="too-low")
    if value > high + _EPSILON:
        return AnswerCheck(True, False, (Mark(0, False),), note="too-high")
    return AnswerCheck(True, True, (Mark(0, True),))


def _check_slots(answer: Any, count: int, wanted: list[int], choices: int,
                 duplicates_matter: bool = False) -> AnswerCheck:
    given = answer if isinstance(answer, list) else []
    slots = [given[i] if i < len(given) and _is_index(given[i], choices) else None for i in range(count)]
    if all(slot is None for slot in slots):
        return AnswerCheck(False, False, total=count)
    marks = tuple(Mark(i, slots[i] == wanted[i]) for i in range(count))
    right = sum(mark.correct for mark in marks)
    used = [slot for slot in slots if slot is not None]
    note = "duplicates" if duplicates_matter and len(used) != len(set(used)) else ""
    return AnswerCheck(True, right == count, marks, right, count, note=note)


def _check_order(answer: Any, count: int) -> AnswerCheck:
    order = answer if isinstance(answer, list) else []
    if len(order) != count or sorted(i for i in order if _is_index(i, count)) != list(range(count)):
        return AnswerCheck(False, False, total=count)
    marks = tuple(Mark(item, item == position) for position, item in enumerate(order))
    right = sum(mark.correct for mark in marks)
    return AnswerCheck(True, right == count, marks, right, count)


def _is_index(value: Any, limit: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < limit
