"""Depth-first walks over small directed graphs, without recursion so a long chain cannot overflow."""

from __future__ import annotations

Graph = dict[str, list[str]]


def find_cycles(graph: Graph) -> list[tuple[str, list[str]]]:
    """Each distinct cycle once: (the node whose edge closes it, the cycle as a path a -> ... -> a)."""
    state: dict[str, str] = {}
    found: list[tuple[str, list[str]]] = []
    reported: set[frozenset[str]] = set()
    for root in graph:
        if root in state:
            continue
        state[root] = "active"
        path, pending = [root], [iter(graph[root])]
        while pending:
            target = next(pending[-1], None)
            if target is None:
                state[path.pop()] = "done"
                pending.pop()
            elif target not in graph:
                continue
            elif state.get(target) == "active":
                cycle = [*path[path.index(target):], target]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    found.append((path[-1], cycle))
            elif target not in state:
                state[target] = "active"
                path.append(target)
                pending.append(iter(graph[target]))
    return found


def reachable(graph: Graph, start: str) -> set[str]:
    """Every node a path from `start` can reach, `start` included."""
    seen, stack = {start}, [start]
    while stack:
        for target in graph.get(stack.pop(), []):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def topological(graph: Graph, start: str) -> list[str]:
    """The nodes reachable from `start` (an acyclic graph), each before every node it leads to."""
    order: list[str] = []
    done = {start}
    pending = [(start, iter(graph[start]))]
    while pending:
        node, targets = pending[-1]
        target = next((t for t in targets if t not in done), None)
        if target is None:
            order.append(node)
            pending.pop()
        else:
            done.add(target)
            pending.append((target, iter(graph[target])))
    return order[::-1]
