"""Lay a graph out with Graphviz `dot`: boxes of given sizes, labelled edges, top to bottom."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from dataclasses import dataclass

POINTS_PER_INCH = 72
FONT = "Helvetica"
FONT_SIZE = 12
INSTALL_HINT = ("the flowchart diagrams are laid out by Graphviz's `dot`, which was not found: "
                "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)")


class GraphvizMissing(RuntimeError):
    """`dot` is not installed."""


@dataclass(frozen=True)
class Placed:
    """A box's centre and size, in SVG pixels from the top left."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Route:
    """An edge: its cubic Bezier path with the arrow's end point, and where its label goes."""

    points: tuple[tuple[float, float], ...]
    end: tuple[float, float]
    label: tuple[float, float]


@dataclass(frozen=True)
class Layout:
    """Where dot put every node and edge, and the size of the drawing."""

    nodes: dict[str, Placed]
    edges: dict[tuple[str, str], Route]
    width: float
    height: float


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_source(sizes: dict[str, tuple[float, float]], edges: list[tuple[str, str, str]],
               spine: frozenset[str] = frozenset()) -> str:
    """A DOT graph of fixed-size boxes (pixel sizes) and labelled edges, ranked top to bottom.

    Nodes in `spine` are kept in one straight column where dot can, the rest beside it.
    """
    lines = [f"digraph G {{ rankdir=TB; nodesep=0.35; ranksep=0.45; node [shape=box fixedsize=true "
             f'label="" fontname={FONT} fontsize={FONT_SIZE}]; edge [fontname={FONT} fontsize={FONT_SIZE}];']
    for node_id, (width, height) in sizes.items():
        group = " group=spine" if node_id in spine else ""
        lines.append(f"{_quote(node_id)} [width={width / POINTS_PER_INCH:.3f} "
                     f"height={height / POINTS_PER_INCH:.3f}{group}];")
    for source, target, label in edges:
        weight = 8 if source in spine and target in spine else 1
        lines.append(f"{_quote(source)} -> {_quote(target)} [label={_quote(label)} weight={weight}];")
    lines.append("}")
    return "\n".join(lines)


@functools.lru_cache(maxsize=32)
def run_dot(source: str) -> Layout:
    """Lay out `source` with `dot -Tjson` and read the positions back, y growing downwards."""
    executable = shutil.which("dot")
    if executable is None:
        raise GraphvizMissing(INSTALL_HINT)
    result = subprocess.run([executable, "-Tjson"], input=source, capture_output=True, text=True, check=True,
                            timeout=60)
    graph = json.loads(result.stdout)
    _, _, width, height = (float(v) for v in graph["bb"].split(","))
    names: dict[int, str] = {}
    nodes: dict[str, Placed] = {}
    for node in graph.get("objects", []):
        x, y = _point(node["pos"], height)
        names[node["_gvid"]] = node["name"]
        nodes[node["name"]] = Placed(x, y, float(node["width"]) * POINTS_PER_INCH,
                                     float(node["height"]) * POINTS_PER_INCH)
    edges: dict[tuple[str, str], Route] = {}
    for edge in graph.get("edges", []):
        tokens = edge["pos"].split()
        points = tuple(_point(t, height) for t in tokens if not t.startswith(("e,", "s,")))
        ends = [_point(t[2:], height) for t in tokens if t.startswith("e,")]
        edges[(names[edge["tail"]], names[edge["head"]])] = Route(points, ends[0] if ends else points[-1],
                                                                    _point(edge["lp"], height))
    return Layout(nodes, edges, width, height)


def _point(text: str, height: float) -> tuple[float, float]:
    x, y = text.split(",")[:2]
    return round(float(x), 1), round(height - float(y), 1)
