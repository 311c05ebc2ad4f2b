"""An independent, brute-force reading of the flowchart rules: walk every path from the start.

It shares no code with spasmcourse.content.flow_rules, so the two can be checked against each
other (test_flow_rules.py) and against the shipped flowcharts.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVEL_ORDER = ["self-care", "see-a-doctor", "doctor-within-days", "emergency"]


@dataclass
class Walk:
    """Every path from the start, or why the chart has none that can be trusted."""

    paths: list[list[tuple[str, int | None]]]
    broken: list[str]


def walk(chart: dict) -> Walk:
    """Enumerate all paths of a chart given as plain data (questions, outcomes, start)."""
    questions = {q["id"]: q for q in chart["questions"]}
    outcomes = {o["id"]: o for o in chart["outcomes"]}
    paths: list[list[tuple[str, int | None]]] = []
    broken: list[str] = []

    def step(node_id: str, path: list[tuple[str, int | None]], seen: set[str]) -> None:
        if node_id in seen:
            broken.append(f"loop at {node_id}")
            return
        if node_id in outcomes:
            paths.append([*path, (node_id, None)])
            return
        if node_id not in questions:
            broken.append(f"dead end at {node_id}")
            return
        for index, choice in enumerate(questions[node_id]["choices"]):
            step(choice["to"], [*path, (node_id, index)], seen | {node_id})

    if chart["start"] not in questions:
        broken.append("no start question")
    else:
        step(chart["start"], [], set())
    return Walk(paths, broken)


def required(question: dict) -> str:
    """The least urgent outcome allowed after a positive answer to this red flag."""
    return "doctor-within-days" if question.get("within_days_because") else "emergency"


def unsafe_paths(chart: dict, paths: list[list[tuple[str, int | None]]]) -> list[str]:
    """Paths whose outcome is less urgent than a red flag answered positively on the way."""
    questions = {q["id"]: q for q in chart["questions"]}
    levels = {o["id"]: o["level"] for o in chart["outcomes"]}
    unsafe = []
    for path in paths:
        need = -1
        for node_id, choice in path[:-1]:
            question = questions[node_id]
            if question.get("red_flag") and question["choices"][choice].get("positive"):
                need = max(need, LEVEL_ORDER.index(required(question)))
        end = path[-1][0]
        if LEVEL_ORDER.index(levels[end]) < need:
            unsafe.append(" -> ".join(node for node, _ in path))
    return unsafe


def acceptable(chart: dict, references: set[str]) -> bool:
    """Whether the chart keeps every rule, judged by walking every path."""
    ids = [q["id"] for q in chart["questions"]] + [o["id"] for o in chart["outcomes"]]
    if len(ids) != len(set(ids)):
        return False
    result = walk(chart)
    if result.broken:
        return False
    visited = {node for path in result.paths for node, _ in path}
    if visited != set(ids):
        return False
    for question in chart["questions"]:
        positives = [c for c in question["choices"] if c.get("positive")]
        labels = [c["label"] for c in question["choices"]]
        if len(labels) != len(set(labels)):
            return False
        if question.get("red_flag") and (not positives or len(positives) == len(labels)):
            return False
        if not question.get("red_flag") and (positives or question.get("within_days_because")):
            return False
    if any(key not in references for o in chart["outcomes"] for key in o["references"]):
        return False
    return not unsafe_paths(chart, result.paths)
