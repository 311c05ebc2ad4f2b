"""Decision flowcharts (assets/flowcharts/<id>.yml): question nodes lead to outcome nodes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from spasmcourse.content.base import ContentModel, Slug, Text

Level = Literal["self-care", "see-a-doctor", "doctor-within-days", "emergency"]
LEVELS: tuple[str, ...] = ("self-care", "see-a-doctor", "doctor-within-days", "emergency")


def urgency(level: str) -> int:
    """How urgent a level is: 0 (self-care) to 3 (emergency)."""
    return LEVELS.index(level)


class Choice(ContentModel):
    """One answer to a question and the node it leads to."""

    label: Text
    to: Slug
    positive: bool = False


class QuestionNode(ContentModel):
    """A question with two or more answers; a red flag names a sign that needs urgent care.

    A positive answer to a red flag must lead to an emergency outcome, or to one within days
    only when `within_days_because` says why.
    """

    id: Slug
    text: Text
    detail: Text | None = None
    red_flag: bool = False
    within_days_because: Text | None = None
    choices: list[Choice] = Field(min_length=2, max_length=6)


class OutcomeNode(ContentModel):
    """Where a path ends: how urgent, what to do, why, and the sources."""

    id: Slug
    level: Level
    title: Text
    advice: Text
    why: Text
    references: list[Slug] = Field(min_length=1)


class Flowchart(ContentModel):
    """A triage flowchart: a start question, more questions, and outcomes."""

    id: Slug
    title: Text
    intro: Text | None = None
    start: Slug
    questions: list[QuestionNode] = Field(min_length=1)
    outcomes: list[OutcomeNode] = Field(min_length=1)

    def node(self, node_id: str) -> QuestionNode | OutcomeNode | None:
        """The question or outcome with this id."""
        return next((n for n in [*self.questions, *self.outcomes] if n.id == node_id), None)
