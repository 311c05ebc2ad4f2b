"""An independent, brute-force reading of the flowchart rules: walk every combination of findings.

It shares no code with spasmcourse.content (flow_rules, flow_proof, flow_walk), so the two can be
checked against each other (test_flow_rules.py) on charts small enough to try every combination.
"""

from __future__ import annotations

from itertools import combinations

LEVEL_ORDER = ["self-care", "see-a-doctor", "within-days", "urgent-today", "emergency"]


def walk(chart: dict, findings: set[str]) -> list[str] | None:
    """The node ids a person with these findings passes, outcome last; None on a loop or dead end."""
    questions = {q["id"]: q for q in chart["questions"]}
    outcomes = {o["id"] for o in chart["outcomes"]}
    node, seen = chart["start"], []
    while node in questions:
        if node in seen:
            return None
        seen.append(node)
        choices = questions[node]["choices"]
        taken = [c for c in choices if set(c.get("when") or []) & findings]
        plain = [c for c in choices if not c.get("when")]
        node = (taken or plain)[0]["to"]
    return [*seen, node] if node in outcomes else None


def every_combination(items: list[str]):
    """All subsets of `items`, the empty one first."""
    for size in range(len(items) + 1):
        yield from (set(combo) for combo in combinations(items, size))


def reachable(chart: dict) -> set[str]:
    """Every node some answer sequence reaches from the start."""
    questions = {q["id"]: q for q in chart["questions"]}
    seen, todo = {chart["start"]}, [chart["start"]]
    while todo:
        for choice in questions.get(todo.pop(), {}).get("choices", []):
            if choice["to"] not in seen:
                seen.add(choice["to"])
                todo.append(choice["to"])
    return seen


def has_cycle(chart: dict) -> bool:
    """Whether the answers can lead round in a loop (peel off nodes with no way onward until none is left)."""
    edges = {q["id"]: {c["to"] for c in q["choices"]} for q in chart["questions"]}
    while edges:
        ends = {node for node, targets in edges.items() if not targets & set(edges)}
        if not ends:
            return True
        edges = {node: targets for node, targets in edges.items() if node not in ends}
    return False


def acceptable(chart: dict, references: set[str], catalogue: dict[str, dict]) -> bool:
    """Whether the chart keeps every rule, judged by trying every combination of its region's findings."""
    questions = chart["questions"]
    ids = [q["id"] for q in questions] + [o["id"] for o in chart["outcomes"]]
    if len(ids) != len(set(ids)) or chart["start"] not in {q["id"] for q in questions}:
        return False
    if any(key not in references for o in chart["outcomes"] for key in o["references"]):
        return False
    if reachable(chart) != set(ids) or has_cycle(chart):
        return False
    region = {fid: f for fid, f in catalogue.items() if chart["region"] in f["regions"]}
    asked = set()
    for question in questions:
        choices = question["choices"]
        if len({c["label"] for c in choices}) != len(choices) or any(c["to"] not in ids for c in choices):
            return False
        if sum(1 for c in choices if not c.get("when")) != 1:
            return False
        named = [f for c in choices for f in c.get("when") or []]
        if len(named) != len(set(named)) or any(f not in region for f in named):
            return False
        if any(len({region[f]["level"] for f in c.get("when") or []}) > 1 for c in choices):
            return False
        asked |= set(named)
    if any(f["level"] != "self-care" and fid not in asked for fid, f in region.items()):
        return False
    levels = {o["id"]: LEVEL_ORDER.index(o["level"]) for o in chart["outcomes"]}
    for findings in every_combination(sorted(region)):
        path = walk(chart, findings)
        if path is None:
            return False
        need = max((LEVEL_ORDER.index(region[f]["level"]) for f in findings), default=0)
        if levels[path[-1]] < need or (not findings and levels[path[-1]] != 0):
            return False
    return True


def answer_paths(chart: dict) -> list[list[tuple[str, int | None]]]:
    """Every answer sequence from the start, as (question, answer number) pairs and (outcome, None) last."""
    questions = {q["id"]: q for q in chart["questions"]}
    paths: list[list[tuple[str, int | None]]] = []
    pending: list[tuple[str, list[tuple[str, int | None]]]] = [(chart["start"], [])]
    while pending:
        node, path = pending.pop()
        if node not in questions:
            paths.append([*path, (node, None)])
            continue
        for index, choice in enumerate(questions[node]["choices"]):
            pending.append((choice["to"], [*path, (node, index)]))
    return paths
