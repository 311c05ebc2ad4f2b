"""The whole flowchart as an SVG diagram, laid out by Graphviz `dot` from the start question down.

Boxes carry short labels (a question's number and first words, an outcome's level and title);
the full text is in the list beside the diagram. dot places boxes and answer labels so that none
overlaps another; the SVG is drawn here, so the stepper can mark the path taken.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from spasmcourse.content.models.findings import LEVELS
from spasmcourse.content.models.flowcharts import Flowchart, OutcomeNode, QuestionNode
from spasmcourse.elements.flowchart.graphviz import dot_source, run_dot
from spasmcourse.i18n import text
from spasmcourse.rendering import render

BOX_WIDTH = 196
LINE_HEIGHT = 16
PADDING = 9
MARGIN = 8
CHARS_PER_LINE = 25
LABEL_CHARS = 44
ANSWER_CHARS = 16
_REFERS = re.compile(r"\(\d+(?:, \d+)*(?:,? (?:or|and) \d+)?\)$")
_LEAD_QUESTION = re.compile(r"^[^?]{0,60}\?\s+(?=\S)")
_ENUMERATION = re.compile(r"\(\d+\)\s*")


@dataclass(frozen=True)
class Box:
    """A node's place and short label in the diagram."""

    id: str
    kind: str
    level: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Edge:
    """An answer drawn as a path from a question to the node it leads to, with its label."""

    source: str
    target: str
    label: str
    path: str
    label_x: float
    label_y: float


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


def question_numbers(chart: Flowchart) -> dict[str, int]:
    """Each question's number, in the order a learner meets them (as in the list)."""
    ids = [node_id for layer in layers(chart) for node_id in layer]
    questions = [node_id for node_id in ids if isinstance(chart.node(node_id), QuestionNode)]
    return {node_id: number for number, node_id in enumerate(questions, start=1)}


def layout(chart: Flowchart) -> tuple[list[Box], list[Edge], float, float]:
    """Boxes, edges and the overall width and height, as dot lays them out."""
    numbers = question_numbers(chart)
    reachable = [node_id for layer in layers(chart) for node_id in layer]
    lines = {node_id: _lines(chart.node(node_id), numbers.get(node_id, 0)) for node_id in reachable}
    sizes = {node_id: (BOX_WIDTH, len(lines[node_id]) * LINE_HEIGHT + 2 * PADDING) for node_id in reachable}
    answers = [(question.id, choice.to, short_answer(choice.label)) for question in chart.questions
               if question.id in sizes for choice in question.choices if choice.to in sizes]
    placed = run_dot(dot_source(sizes, answers, frozenset(numbers)))
    boxes = []
    for node_id in reachable:
        spot = placed.nodes[node_id]
        node = chart.node(node_id)
        boxes.append(Box(node_id, "outcome" if isinstance(node, OutcomeNode) else "question",
                         getattr(node, "level", ""), round(spot.x - spot.width / 2 + MARGIN, 1),
                         round(spot.y - spot.height / 2 + MARGIN, 1), spot.width, spot.height, lines[node_id]))
    edges = []
    for source, target, label in answers:
        route = placed.edges[(source, target)]
        edges.append(Edge(source, target, label, _path(route.points, route.end),
                          route.label[0] + MARGIN, route.label[1] + MARGIN))
    return boxes, edges, round(placed.width + 2 * MARGIN), round(placed.height + 2 * MARGIN)


def diagram_svg(chart: Flowchart, dom_id: str, path: list[str] | None = None) -> Markup:
    """The diagram as inline SVG; nodes and answers on `path` are marked as taken."""
    boxes, edges, width, height = layout(chart)
    taken_nodes = set(path or [])
    taken_edges = set(zip(path or [], (path or [])[1:], strict=False))
    return Markup(render("elements/flow_diagram.svg.j2", dom_id=dom_id, boxes=boxes, edges=edges,
                         width=width, height=height, taken_nodes=taken_nodes, taken_edges=taken_edges,
                         current=(path or [None])[-1], label=text("flow_diagram_label", title=chart.title),
                         levels={level: text(f"level_{level}") for level in LEVELS}))


def short_text(question_text: str) -> str:
    """A question's first words, after a lead-in question such as "Does any of these apply?"."""
    body = _ENUMERATION.sub("", _LEAD_QUESTION.sub("", question_text, count=1))
    if len(body) <= LABEL_CHARS:
        return body
    return body[:LABEL_CHARS].rsplit(" ", 1)[0].rstrip(".,;:(") + "\u2026"


def short_answer(label: str) -> str:
    """An answer's label as drawn on its arrow: its first words, with any "(1)" it refers to."""
    if len(label) <= ANSWER_CHARS:
        return label
    refers = _REFERS.search(label)
    return label[:ANSWER_CHARS].rsplit(" ", 1)[0].rstrip(".,;:(") + "\u2026" + (f" {refers.group(0)}" if refers else "")


def _lines(node: QuestionNode | OutcomeNode, number: int) -> tuple[str, ...]:
    if isinstance(node, OutcomeNode):
        return (text(f"level_{node.level}"), *textwrap.wrap(node.title, CHARS_PER_LINE)[:2])
    return tuple(textwrap.wrap(f"{number}. {short_text(node.text)}", CHARS_PER_LINE))


def _path(points: tuple[tuple[float, float], ...], end: tuple[float, float]) -> str:
    """An SVG path through dot's Bezier control points, then a line to the arrow's tip."""
    moved = [f"{x + MARGIN:g},{y + MARGIN:g}" for x, y in points]
    curves = " ".join(f"C{' '.join(moved[i:i + 3])}" for i in range(1, len(moved) - 2, 3))
    return f"M{moved[0]} {curves} L{end[0] + MARGIN:g},{end[1] + MARGIN:g}"


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
