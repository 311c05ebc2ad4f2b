"""The rules of a triage flowchart, checked on the model so every issue names a node.

Structure: one start question, no dangling targets, every node reachable, no loops, known
references, exactly one answer without `when` per question. Safety, against the findings
catalogue: every finding of the chart's region above self-care is asked; `when` names only known
findings of that region, one level per answer; a person with no findings ends at self-care; and
no combination of findings ends below its most urgent finding (see flow_proof).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spasmcourse.content.course import FINDINGS, Course
from spasmcourse.content.models.findings import Finding, urgency
from spasmcourse.content.models.flowcharts import Flowchart, OutcomeNode, QuestionNode
from spasmcourse.content.reading import Location
from spasmcourse.content.rules.flowchart_proof import TooManyPaths, unsafe_paths
from spasmcourse.content.rules.flowchart_walk import advice
from spasmcourse.content.rules.graphs import Graph, find_cycles, reachable
from spasmcourse.content.rules.shared import file_named_for, ids_in_two_files, known_references
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem

Nodes = dict[str, QuestionNode | OutcomeNode]
CATALOGUE = "assets/triage/findings.yml"


@dataclass(frozen=True, order=True)
class FlowIssue:
    """One broken rule, at one node."""

    node: str
    location: Location
    message: str
    hint: str = ""


def flowchart_issues(chart: Flowchart, references: set[str] | None = None,
                     findings: dict[str, Finding] | None = None) -> list[FlowIssue]:
    """Every rule the flowchart breaks; empty when it is safe to show.

    Without `references` or `findings` (their files could not be read) those checks are skipped.
    """
    nodes: Nodes = {}
    for node in [*chart.questions, *chart.outcomes]:
        nodes.setdefault(node.id, node)
    issues = list(_shape_issues(chart, nodes))
    if references is not None:
        issues += _reference_issues(chart, references)
    if findings is not None:
        issues += _finding_issues(chart, findings)
    if any(issue.message.startswith(("duplicate node", "start")) for issue in issues):
        return sorted(set(issues))
    graph: Graph = {outcome.id: [] for outcome in chart.outcomes}
    graph |= {q.id: [c.to for c in q.choices if c.to in nodes] for q in chart.questions}
    issues += _unreachable(chart, graph)
    cycles = [FlowIssue(node, _at(chart, node), "answers lead round in a loop: " + " -> ".join(loop),
                        "every path must end in an outcome") for node, loop in find_cycles(graph)]
    issues += cycles
    if findings is not None and not cycles and _walkable(chart, nodes):
        issues += _safety_issues(chart, findings)
    return sorted(set(issues))


def _walkable(chart: Flowchart, nodes: Nodes) -> bool:
    """Whether every walk is defined: each question has one plain answer and every answer leads somewhere."""
    return all(sum(not c.when for c in q.choices) == 1 and all(c.to in nodes for c in q.choices)
               for q in chart.questions)


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
    plain = [number for number, choice in enumerate(question.choices) if not choice.when]
    if len(plain) != 1:
        yield FlowIssue(question.id, (*at, "choices"),
                        f"question '{question.id}' has {len(plain)} answers without `when`; it needs exactly one",
                        "give every answer but one the findings it stands for in `when`; the one left is for a "
                        "person with none of them")


def _finding_issues(chart: Flowchart, findings: dict[str, Finding]) -> Iterator[FlowIssue]:
    asked: dict[str, str] = {}
    for index, question in enumerate(chart.questions):
        in_question: set[str] = set()
        for number, choice in enumerate(question.choices):
            levels: dict[str, str] = {}
            for position, finding_id in enumerate(choice.when or []):
                at: Location = ("questions", index, "choices", number, "when", position)
                finding = findings.get(finding_id)
                if finding is None:
                    yield FlowIssue(question.id, at, f"question '{question.id}' names unknown finding '{finding_id}'",
                                    suggestion(finding_id, sorted(findings)) or f"use an id from {CATALOGUE}")
                    continue
                if chart.region not in finding.regions:
                    yield FlowIssue(question.id, at,
                                    f"question '{question.id}' names finding '{finding_id}', which is not a "
                                    f"{chart.region} finding",
                                    f"add {chart.region} to its regions in {CATALOGUE}, or remove it")
                if finding_id in in_question:
                    yield FlowIssue(question.id, at,
                                    f"question '{question.id}' names finding '{finding_id}' in two answers; "
                                    "only the first can ever be taken", "keep it in one answer")
                in_question.add(finding_id)
                asked.setdefault(finding_id, question.id)
                levels.setdefault(finding.level, finding_id)
            if len(levels) > 1:
                named = ", ".join(f"'{f}' ({level})" for level, f in levels.items())
                yield FlowIssue(question.id, ("questions", index, "choices", number, "when"),
                                f"question '{question.id}': answer '{choice.label}' groups findings of different "
                                f"levels: {named}", "split it into one answer (or question) per level, the most "
                                "urgent first")
    for finding in findings.values():
        if chart.region in finding.regions and urgency(finding.level) > 0 and finding.id not in asked:
            yield FlowIssue(finding.id, ("questions",),
                            f"the {chart.region} finding '{finding.id}' ({finding.level}) is never asked",
                            "name it in the `when` of an answer, in a question placed with the others of its level")


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


def _safety_issues(chart: Flowchart, findings: dict[str, Finding]) -> Iterator[FlowIssue]:
    calm = advice(chart, set())
    if calm.level != "self-care":
        yield FlowIssue(calm.id, _at(chart, calm.id),
                        f"a person with none of the findings ends at '{calm.id}' ({calm.level}), not at self-care",
                        "lead the answers without `when` to a self-care outcome")
    region = {f.id: f for f in findings.values() if chart.region in f.regions}
    try:
        unsafe = unsafe_paths(chart, region)
    except TooManyPaths as error:
        yield FlowIssue(chart.start, ("start",), str(error) + ", too many to prove safe",
                        "split it into smaller charts, or join questions that lead to the same outcome")
        return
    for path in unsafe:
        question, number = path.steps[-1]
        outcome = chart.node(path.outcome)
        needed = region[path.finding].level
        yield FlowIssue(question, (*_at(chart, question), "choices", number),
                        f"a person with the findings [{', '.join(path.example)}] ends at '{outcome.id}' "
                        f"({outcome.level}), but finding '{path.finding}' needs at least {needed}",
                        f"ask '{path.finding}' before question '{question}', or lead this answer to an outcome "
                        f"of level {needed} or more urgent")


def flowchart_problems(course: Course) -> Iterator[Problem]:
    """Every flowchart issue, located in its file, and flowchart ids that do not fit their file or repeat."""
    known = known_references(course)
    findings = None if FINDINGS in course.unreadable else course.findings
    for name, chart in course.flowcharts.items():
        document = course.documents[name]
        yield from file_named_for(document, chart.id, f"the flowchart id is '{chart.id}'")
        for issue in flowchart_issues(chart, known, findings):
            yield document.problem(issue.location, issue.message, issue.hint)
    yield from ids_in_two_files(((course.documents[name], ("id",), chart.id)
                                 for name, chart in course.flowcharts.items()), "flowchart")
