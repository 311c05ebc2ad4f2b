"""Decision flowcharts (assets/flowcharts/<id>.yml): question nodes lead to outcome nodes.

An answer lists in `when` the findings (assets/triage/findings.yml) for which a person picks
it; exactly one answer per question has no `when`, the answer for someone with none of them.
"""

from __future__ import annotations

from pydantic import Field

from spasmcourse.content.models.base import ContentModel, Slug, Text
from spasmcourse.content.models.findings import Level, Region


class Choice(ContentModel):
    """One answer to a question, the node it leads to, and the findings it stands for."""

    label: Text
    to: Slug
    when: list[Slug] | None = Field(default=None, min_length=1)


class QuestionNode(ContentModel):
    """A question with two or more answers."""

    id: Slug
    text: Text
    detail: Text | None = None
    choices: list[Choice] = Field(min_length=2, max_length=6)

    @property
    def findings(self) -> list[str]:
        """Every finding any answer of this question stands for, in file order."""
        return [finding for choice in self.choices for finding in choice.when or []]


class OutcomeNode(ContentModel):
    """Where a path ends: how urgent, what to do, why, and the sources."""

    id: Slug
    level: Level
    title: Text
    advice: Text
    why: Text
    references: list[Slug] = Field(min_length=1)


class Flowchart(ContentModel):
    """A triage flowchart for one body region: a start question, more questions, and outcomes."""

    id: Slug
    region: Region
    title: Text
    intro: Text | None = None
    start: Slug
    questions: list[QuestionNode] = Field(min_length=1)
    outcomes: list[OutcomeNode] = Field(min_length=1)

    def node(self, node_id: str) -> QuestionNode | OutcomeNode | None:
        """The question or outcome with this id."""
        return next((n for n in [*self.questions, *self.outcomes] if n.id == node_id), None)
