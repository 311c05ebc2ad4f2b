"""The whole flowchart as an SVG diagram, laid out in layers from the start question down.

Each node is a box in the layer of its longest path from the start; boxes in a layer are
ordered by the position of their parents, questions before outcomes, so the usual triage
shape (a spine of questions with outcomes to the side) reads top to bottom.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from spasmcourse.content.findings import LEVELS
from spasmcourse.content.flowcharts import Flowchart, OutcomeNode, QuestionNode
from spasmcourse.i18n import text
from spasmcourse.rendering import render

BOX_WIDTH = 230
LINE_HEIGHT = 16
PADDING = 10
GAP_X = 40
GAP_Y = 46
MARGIN = 12
CHARS_PER_LINE = 32
MAX_LINES = 5


@dataclass(frozen=True)
class Box:
    """A node's place and wrapped text in the diagram."""

    id: str
    kind: str
    level: str
    x: int
    y: int
    width: int
    height: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Edge:
    """An answer drawn as a line from a question to the node it leads to."""

    source: str
    target: str
    label: str
    x1: int
    y1: int
    x2: int
    y2: int


def layers(chart: Flowchart) -> list[list[str]]:
    """The reachable nodes grouped by their longest distance from the start."""
    depth: dict[str, int] = {}
    order = _topological(chart)
    for node_id in order:
        depth.setdefault(node_id, 0)
        node = chart.node(node_id)
        if isinstance(node, QuestionNode):
            for choice in node.choices:
                depth[choice.to] = max(depth.get(choice.to, 0), depth[node_id] + 1)
    grouped: list[list[str]] = [[] for _ in range(max(depth.values(), default=0) + 1)]
    for node_id in order:
        grouped[depth[node_id]].append(node_id)
    return grouped


def layout(chart: Flowchart) -> tuple[list[Box], list[Edge], int, int]:
    """Boxes, edges and the overall width and height."""
    column: dict[str, float] = {}
    boxes: dict[str, Box] = {}
    parents = _parents(chart)
    y = MARGIN
    width = 0
    for layer in layers(chart):
        def key(node_id: str) -> tuple[float, int]:
            mine = [column[p] for p in parents.get(node_id, []) if p in column]
            kind = 1 if isinstance(chart.node(node_id), OutcomeNode) else 0
            return (sum(mine) / len(mine) if mine else 0.0, kind)
        ordered = sorted(layer, key=key)
        wrapped = {node_id: _lines(chart.node(node_id)) for node_id in ordered}
        height = max(len(lines) for lines in wrapped.values()) * LINE_HEIGHT + 2 * PADDING
        for index, node_id in enumerate(ordered):
            column[node_id] = index
            node = chart.node(node_id)
            x = MARGIN + index * (BOX_WIDTH + GAP_X)
            boxes[node_id] = Box(node_id, "outcome" if isinstance(node, OutcomeNode) else "question",
                                 getattr(node, "level", ""), x, y, BOX_WIDTH, height, wrapped[node_id])
            width = max(width, x + BOX_WIDTH + MARGIN)
        y += height + GAP_Y
    edges = [Edge(question.id, choice.to, choice.label,
                  boxes[question.id].x + BOX_WIDTH // 2, boxes[question.id].y + boxes[question.id].height,
                  boxes[choice.to].x + BOX_WIDTH // 2, boxes[choice.to].y)
             for question in chart.questions if question.id in boxes
             for choice in question.choices if choice.to in boxes]
    return list(boxes.values()), edges, width, y - GAP_Y + MARGIN


def diagram_svg(chart: Flowchart, dom_id: str, path: list[str] | None = None) -> Markup:
    """The diagram as inline SVG; nodes and answers on `path` are marked as taken."""
    boxes, edges, width, height = layout(chart)
    taken_nodes = set(path or [])
    taken_edges = set(zip(path or [], (path or [])[1:], strict=False))
    return Markup(render("elements/flow_diagram.svg.j2", dom_id=dom_id, boxes=boxes, edges=edges,
                         width=width, height=height, taken_nodes=taken_nodes, taken_edges=taken_edges,
                         current=(path or [None])[-1], label=text("flow_diagram_label", title=chart.title),
                         levels={level: text(f"level_{level}") for level in LEVELS}))


def _lines(node: QuestionNode | OutcomeNode) -> tuple[str, ...]:
    if isinstance(node, OutcomeNode):
        lines = [text(f"level_{node.level}"), *textwrap.wrap(node.title, CHARS_PER_LINE)]
    else:
        lines = textwrap.wrap(node.text, CHARS_PER_LINE)
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1].rstrip(".,;:") + "\u2026"]
    return tuple(lines)


def _parents(chart: Flowchart) -> dict[str, list[str]]:
    parents: dict[str, list[str]] = {}
    for question in chart.questions:
        for choice in question.choices:
            parents.setdefault(choice.to, []).append(question.id)
    return parents


def _topological(chart: Flowchart) -> list[str]:
    order: list[str] = []
    done: set[str] = set()

    def visit(node_id: str) -> None:
        done.add(node_id)
        node = chart.node(node_id)
        if isinstance(node, QuestionNode):
            for choice in node.choices:
                if choice.to not in done and chart.node(choice.to) is not None:
                    visit(choice.to)
        order.append(node_id)

    visit(chart.start)
    return order[::-1]
