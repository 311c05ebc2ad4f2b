"""Stepping through a flowchart: the path taken so far, with Back and Restart. Mirrored in flowchart.js."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from spasmcourse.content.models.flowcharts import Flowchart, OutcomeNode, QuestionNode

CRUMB_CHARACTERS = 90


def crumb_text(question: QuestionNode) -> str:
    """The question as the breadcrumb shows it: its opening words, so a long question stays one line."""
    return textwrap.shorten(question.text, CRUMB_CHARACTERS, placeholder="\u2026")


@dataclass
class FlowWalk:
    """Where a learner is in a flowchart, and the answers that led there."""

    chart: Flowchart
    answers: list[tuple[str, int]] = field(default_factory=list)

    @property
    def current(self) -> QuestionNode | OutcomeNode:
        """The node shown now."""
        if not self.answers:
            return self.chart.node(self.chart.start)
        node_id, choice = self.answers[-1]
        return self.chart.node(self.chart.node(node_id).choices[choice].to)

    def choose(self, index: int) -> None:
        """Answer the current question with its choice number `index`."""
        node = self.current
        if isinstance(node, QuestionNode) and 0 <= index < len(node.choices):
            self.answers.append((node.id, index))

    def back(self) -> None:
        """Undo the last answer."""
        if self.answers:
            self.answers.pop()

    def restart(self) -> None:
        """Forget every answer."""
        self.answers.clear()

    def path(self) -> list[str]:
        """The ids of the nodes visited, the current one last."""
        return [node_id for node_id, _ in self.answers] + [self.current.id]

    def crumbs(self) -> list[tuple[str, str]]:
        """(the question's opening words, answer given) for every answer so far."""
        return [(crumb_text(self.chart.node(node_id)), self.chart.node(node_id).choices[choice].label)
                for node_id, choice in self.answers]
