"""Walks over a YAML node tree without recursion: a child by key, repeated keys, size with aliases expanded."""

from __future__ import annotations

from collections.abc import Iterator

import yaml

Location = tuple[str | int, ...]


def child(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    """The value under a mapping key or at a list index, or None."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(step):
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None


def repeated_keys(root: yaml.Node) -> Iterator[tuple[Location, yaml.Node]]:
    """(location, key node) of every key that appears a second time in the same mapping."""
    visited: set[int] = set()
    stack: list[tuple[yaml.Node, Location]] = [(root, ())]
    while stack:
        node, at = stack.pop()
        if id(node) in visited:
            continue
        visited.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, _ in node.value:
                if str(key.value) in seen:
                    yield (*at, str(key.value)), key
                seen.add(str(key.value))
            stack.extend((value, (*at, str(key.value))) for key, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*at, index)) for index, item in reversed(list(enumerate(node.value))))


def expanded_size(root: yaml.Node) -> int | None:
    """How many values the file holds with every alias (*name) written out; None if an alias contains itself."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        parts = _parts(node)
        if children_done:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(part)] for part in parts)
            continue
        if id(node) in sizes:
            continue
        if id(node) in open_nodes:
            return None
        open_nodes.add(id(node))
        stack.append((node, True))
        for part in parts:
            if id(part) in open_nodes:
                return None
            if id(part) not in sizes:
                stack.append((part, False))
    return sizes[id(root)]


def _parts(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def scalars(root: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Every scalar node, in file order, each once (an alias repeats a node, not its scalars)."""
    visited: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in visited:
            continue
        visited.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            yield node
        else:
            stack.extend(reversed(_parts(node)))
