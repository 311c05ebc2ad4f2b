"""The walk rule, a contract: how a person with a set of findings goes through a flowchart.

Start at `start`; at each question take the first answer in file order whose `when` names one
of the person's findings, otherwise the answer without `when`; the outcome reached is the advice.
"""

from __future__ import annotations

from collections.abc import Collection

from spasmcourse.content.models.flowcharts import Flowchart, OutcomeNode, QuestionNode


def pick(question: QuestionNode, findings: Collection[str]) -> int:
    """The number of the answer a person with these findings gives to this question."""
    for index, choice in enumerate(question.choices):
        if choice.when and any(finding in findings for finding in choice.when):
            return index
    return next(index for index, choice in enumerate(question.choices) if not choice.when)


def walk(chart: Flowchart, findings: Collection[str]) -> list[tuple[str, int]]:
    """The (question id, answer number) pairs of the walk, in order; the last answer leads to the outcome."""
    steps: list[tuple[str, int]] = []
    node = chart.node(chart.start)
    while isinstance(node, QuestionNode):
        if len(steps) > len(chart.questions):
            raise ValueError(f"flowchart '{chart.id}' loops")
        index = pick(node, findings)
        steps.append((node.id, index))
        node = chart.node(node.choices[index].to)
    return steps


def advice(chart: Flowchart, findings: Collection[str]) -> OutcomeNode:
    """The outcome a person with these findings reaches."""
    steps = walk(chart, findings)
    last, index = steps[-1]
    outcome = chart.node(chart.node(last).choices[index].to)
    if not isinstance(outcome, OutcomeNode):
        raise ValueError(f"flowchart '{chart.id}' has a dead end after '{last}'")
    return outcome
