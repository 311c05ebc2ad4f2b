"""Answer checking for choice questions: pure functions, mirrored exactly by static/quiz.js."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spasmcourse.content.models import ChoiceQuestion
from spasmcourse.i18n import text


@dataclass(frozen=True)
class AnswerCheck:
    """The outcome of checking one answer: which chosen options were wrong, what was missed."""

    answered: bool
    correct: bool
    chosen: tuple[int, ...]
    wrong_chosen: tuple[int, ...]
    missed: int


def check_answer(question: ChoiceQuestion, chosen: Iterable[int]) -> AnswerCheck:
    """Check the option indexes a learner chose; right means exactly the correct set."""
    picked = tuple(sorted({index for index in chosen if 0 <= index < len(question.options)}))
    right = {index for index, option in enumerate(question.options) if option.correct}
    wrong = tuple(index for index in picked if index not in right)
    missed = len(right - set(picked))
    return AnswerCheck(bool(picked), bool(picked) and not wrong and missed == 0, picked, wrong, missed)


def verdict(question: ChoiceQuestion, check: AnswerCheck) -> str:
    """The one-line verdict a learner reads after checking."""
    if not check.answered:
        return text("no_choice_single" if question.type == "single" else "no_choice_multiple")
    if check.correct:
        return text("correct")
    parts = [text("incorrect")]
    if question.type == "multiple":
        count = len(check.wrong_chosen)
        if count:
            parts.append(text("wrong_chosen_one") if count == 1 else text("wrong_chosen_many", n=count))
        if check.missed:
            parts.append(text("missed_one") if check.missed == 1 else text("missed_many", n=check.missed))
    return " ".join(parts)
