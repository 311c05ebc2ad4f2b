"""The proof that no combination of findings ends below its most urgent finding.

A person's walk is fixed by which answers' `when` lists meet their findings, so every person
follows exactly one path, and a path is followed by exactly the people who have none of the
findings it passed over (the `when` of answers before the one taken, or of every answer where
the plain one was taken) and at least one finding of every `when` it took. So a path is unsafe
if and only if it can be followed at all and some finding it did not pass over is more urgent
than its outcome: checking every path checks every combination of findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from spasmcourse.content.models.findings import Finding, urgency
from spasmcourse.content.models.flowcharts import Flowchart, OutcomeNode, QuestionNode

MAX_PATHS = 200_000


@dataclass(frozen=True)
class UnsafePath:
    """A path some people follow to an outcome less urgent than one of their findings."""

    steps: tuple[tuple[str, int], ...]
    outcome: str
    finding: str
    example: tuple[str, ...]


class TooManyPaths(ValueError):
    """The chart has more paths than the proof will enumerate."""


def unsafe_paths(chart: Flowchart, region: dict[str, Finding]) -> list[UnsafePath]:
    """One unsafe path per (outcome, finding), with a combination of findings that follows it.

    `region` holds the findings a person using this chart may have; `when` ids outside it are ignored.
    The chart must be walkable (acyclic, one plain answer per question, every answer leads somewhere).
    """
    found: dict[tuple[str, str], UnsafePath] = {}
    count = 0
    pending: list[tuple[str, tuple[tuple[str, int], ...], frozenset[str], tuple[frozenset[str], ...]]] = [
        (chart.start, (), frozenset(), ())]
    while pending:
        node_id, steps, excluded, required = pending.pop()
        node = chart.node(node_id)
        if isinstance(node, OutcomeNode):
            count += 1
            if count > MAX_PATHS:
                raise TooManyPaths(f"flowchart '{chart.id}' has more than {MAX_PATHS} paths")
            _judge(node, steps, excluded, required, region, found)
            continue
        assert isinstance(node, QuestionNode)
        passed: frozenset[str] = frozenset()
        for index, choice in enumerate(node.choices):
            if not choice.when:
                continue
            onward = excluded | passed
            needs = (*(need - onward for need in required), frozenset(f for f in choice.when if f in region) - onward)
            passed |= frozenset(choice.when)
            if all(needs):
                pending.append((choice.to, (*steps, (node_id, index)), onward, needs))
        plain = next(index for index, choice in enumerate(node.choices) if not choice.when)
        onward = excluded | passed
        needs = tuple(need - onward for need in required)
        if all(needs):
            pending.append((node.choices[plain].to, (*steps, (node_id, plain)), onward, needs))
    return sorted(found.values(), key=lambda u: (u.outcome, u.finding))


def _judge(outcome: OutcomeNode, steps: tuple[tuple[str, int], ...], excluded: frozenset[str],
           required: tuple[frozenset[str], ...], region: dict[str, Finding],
           found: dict[tuple[str, str], UnsafePath]) -> None:
    open_findings = [f for f in region.values() if f.id not in excluded]
    worst = max(open_findings, key=lambda f: (urgency(f.level), f.id), default=None)
    if worst is None or urgency(worst.level) <= urgency(outcome.level):
        return
    picks = sorted({min(need) for need in required} | {worst.id})
    found.setdefault((outcome.id, worst.id), UnsafePath(steps, outcome.id, worst.id, tuple(picks)))
