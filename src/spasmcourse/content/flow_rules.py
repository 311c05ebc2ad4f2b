"""The safety rules of a triage flowchart, checked on the model so every issue names a node.

Rules: one start question; no dangling targets; every node reachable; no cycles (so every
path ends in an outcome); outcomes cite known references; a red flag's positive answer leads
to an emergency (or to a doctor within days where the node says why); and no outcome is less
urgent than a red flag already answered positively on the way to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spasmcourse.content.flowcharts import Flowchart, OutcomeNode, QuestionNode, urgency
from spasmcourse.content.graphs import Graph, find_cycles, reachable, topological
from spasmcourse.content.suggest import suggestion
from spasmcourse.content.yamlfile import Location

EMERGENCY = urgency("emergency")
WITHIN_DAYS = urgency("doctor-within-days")
Nodes = dict[str, QuestionNode | OutcomeNode]


@dataclass(frozen=True, order=True)
class FlowIssue:
    """One broken rule, at one node."""

    node: str
    location: Location
    message: str
    hint: str = ""


def flowchart_issues(chart: Flowchart, references: set[str] | None = None) -> list[FlowIssue]:
    """Every rule the flowchart breaks; empty when it is safe to show."""
    nodes: Nodes = {}
    for node in [*chart.questions, *chart.outcomes]:
        nodes.setdefault(node.id, node)
    issues = list(_shape_issues(chart, nodes))
    if references is not None:
        issues += _reference_issues(chart, references)
    if any(issue.message.startswith(("duplicate node", "start")) for issue in issues):
        return sorted(set(issues))
    graph: Graph = {outcome.id: [] for outcome in chart.outcomes}
    graph |= {q.id: [c.to for c in q.choices if c.to in nodes] for q in chart.questions}
    issues += _unreachable(chart, graph)
    cycles = [FlowIssue(node, _at(chart, node), "answers lead round in a loop: " + " -> ".join(loop),
                        "every path must end in an outcome") for node, loop in find_cycles(graph)]
    issues += cycles
    if not cycles:
        issues += _red_flag_paths(chart, nodes, graph)
    return sorted(set(issues))


def required_level(question: QuestionNode) -> int:
    """How urgent care must be after a positive answer to this red flag."""
    return WITHIN_DAYS if question.within_days_because else EMERGENCY


def _needed(level: int) -> str:
    return "emergency" if level == EMERGENCY else "doctor-within-days"


def _at(chart: Flowchart, node_id: str) -> Location:
    for index, question in enumerate(chart.questions):
        if question.id == node_id:
            return ("questions", index)
    for index, outcome in enumerate(chart.outcomes):
        if outcome.id == node_id:
            return ("outcomes", index)
    return ()


def _shape_issues(chart: Flowchart, nodes: Nodes) -> Iterator[FlowIssue]:
    seen: set[str] = set()
    for kind, group in (("questions", chart.questions), ("outcomes", chart.outcomes)):
        for index, node in enumerate(group):
            if node.id in seen:
                yield FlowIssue(node.id, (kind, index, "id"), f"duplicate node id '{node.id}'",
                                "every question and outcome needs its own id")
            seen.add(node.id)
    start = nodes.get(chart.start)
    question_ids = [question.id for question in chart.questions]
    if start is None:
        yield FlowIssue(chart.start, ("start",), f"start node '{chart.start}' does not exist",
                        suggestion(chart.start, question_ids) or "set start to the id of the first question")
    elif isinstance(start, OutcomeNode):
        yield FlowIssue(chart.start, ("start",), f"start '{chart.start}' is an outcome; the start must be a question",
                        "set start to the id of the first question")
    for index, question in enumerate(chart.questions):
        yield from _question_issues(nodes, index, question)


def _question_issues(nodes: Nodes, index: int, question: QuestionNode) -> Iterator[FlowIssue]:
    at: Location = ("questions", index)
    labels: set[str] = set()
    for number, choice in enumerate(question.choices):
        if choice.label in labels:
            yield FlowIssue(question.id, (*at, "choices", number, "label"),
                            f"question '{question.id}' offers the answer '{choice.label}' twice",
                            "give each answer its own label")
        labels.add(choice.label)
        if choice.to not in nodes:
            yield FlowIssue(question.id, (*at, "choices", number, "to"),
                            f"question '{question.id}': answer '{choice.label}' leads to '{choice.to}', "
                            "which does not exist, so that path never reaches an outcome",
                            suggestion(choice.to, list(nodes)) or "point it at a question or outcome of this chart")
        if choice.positive and not question.red_flag:
            yield FlowIssue(question.id, (*at, "choices", number, "positive"),
                            f"question '{question.id}' is not a red flag, so no answer can be positive",
                            "add red_flag: true or remove positive")
    positives = [choice for choice in question.choices if choice.positive]
    if question.red_flag and not positives:
        yield FlowIssue(question.id, (*at, "choices"),
                        f"red flag '{question.id}' has no positive answer",
                        "mark the answer that means the warning sign is present with positive: true")
    if question.red_flag and len(positives) == len(question.choices):
        yield FlowIssue(question.id, (*at, "choices"), f"every answer to red flag '{question.id}' is positive",
                        "remove positive: true from the answer that means the warning sign is absent")
    if question.within_days_because and not question.red_flag:
        yield FlowIssue(question.id, (*at, "within_days_because"),
                        f"question '{question.id}' is not a red flag, so within_days_because has no effect",
                        "add red_flag: true, or remove within_days_because")
    for number, choice in enumerate(question.choices):
        target = nodes.get(choice.to)
        if choice.positive and isinstance(target, OutcomeNode) and urgency(target.level) < required_level(question):
            yield FlowIssue(question.id, (*at, "choices", number, "to"),
                            f"red flag '{question.id}': a positive answer leads to '{target.id}' "
                            f"({target.level}), which is less urgent than {_needed(required_level(question))}",
                            f"lead it to a {_needed(required_level(question))} outcome" if question.within_days_because
                            else "lead it to an emergency outcome, or say why a few days is safe "
                            "with within_days_because")


def _reference_issues(chart: Flowchart, references: set[str]) -> Iterator[FlowIssue]:
    for index, outcome in enumerate(chart.outcomes):
        for number, key in enumerate(outcome.references):
            if key not in references:
                yield FlowIssue(outcome.id, ("outcomes", index, "references", number),
                                f"outcome '{outcome.id}' cites unknown reference '{key}'",
                                suggestion(key, sorted(references)) or "add it to assets/references.yml")


def _unreachable(chart: Flowchart, graph: Graph) -> Iterator[FlowIssue]:
    seen = reachable(graph, chart.start)
    for node_id in graph:
        if node_id not in seen:
            yield FlowIssue(node_id, _at(chart, node_id), f"node '{node_id}' cannot be reached from the start",
                            "lead an answer to it, or remove it")


def _red_flag_paths(chart: Flowchart, nodes: Nodes, graph: Graph) -> Iterator[FlowIssue]:
    """Carry the strictest positive red flag seen so far down every path (graph is acyclic)."""
    arriving: dict[str, dict[int, str]] = {chart.start: {-1: ""}}
    for node_id in topological(graph, chart.start):
        node = nodes[node_id]
        demands = arriving.get(node_id, {})
        if isinstance(node, OutcomeNode):
            for level, flag in demands.items():
                direct = any(c.positive and c.to == node_id for c in nodes[flag].choices) if flag else False
                if urgency(node.level) < level and not direct:
                    yield FlowIssue(node_id, _at(chart, node_id),
                                    f"outcome '{node_id}' ({node.level}) can follow a positive answer to "
                                    f"red flag '{flag}', which needs {_needed(level)}",
                                    f"make every path after that answer end in a {_needed(level)} outcome or one "
                                    "more urgent")
            continue
        for choice in node.choices:
            if choice.to not in nodes:
                continue
            onward = arriving.setdefault(choice.to, {})
            for level, flag in demands.items():
                if choice.positive and node.red_flag and required_level(node) > level:
                    onward.setdefault(required_level(node), node_id)
                else:
                    onward.setdefault(level, flag)
