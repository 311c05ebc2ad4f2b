"""Read a YAML content file, keeping the node tree so problems can name a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from spasmcourse.problems import ContentError, Problem

MAX_CONTENT_BYTES = 2_000_000

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: its data, its display name and its node tree for line lookups."""

    name: str
    data: Any
    node: yaml.Node | None

    def line_of(self, location: Location) -> int | None:
        """The 1-based line of the deepest node on the way to `location`."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else None
        for step in location:
            node = _child(node, step)
            if node is None:
                break
            line = node.start_mark.line + 1
        return line

    def problem(self, location: Location, message: str, hint: str = "") -> Problem:
        """A problem located at `location` in this file."""
        return Problem(self.name, format_location(location), message, self.line_of(location), hint)


def format_location(location: Location) -> str:
    """('lessons', 2, 'requires', 0) -> 'lessons[2].requires[0]'."""
    text = ""
    for step in location:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def load_yaml(path: Path, name: str) -> YamlDocument:
    """Parse one YAML file; any reading or syntax problem becomes a ContentError naming it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError([Problem(name, message="file not found")]) from None
    except OSError as error:
        raise ContentError([Problem(name, message=f"cannot be read: {error.strerror}")]) from None
    if len(raw) > MAX_CONTENT_BYTES:
        limit = MAX_CONTENT_BYTES // 1_000_000
        raise ContentError([Problem(name, message=f"is larger than {limit} MB; is this the right file?")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            [Problem(name, message=f"is not UTF-8 text (bad byte at offset {error.start})")]
        ) from None
    if "\x00" in text:
        raise ContentError([Problem(name, message="is not a text file (it contains NUL bytes)")])
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise ContentError([_syntax_problem(name, error)]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(name, message=f"is not valid YAML: {error}")]) from None
    finally:
        loader.dispose()
    if data is None:
        raise ContentError([Problem(name, message="is empty")])
    document = YamlDocument(name, data, node)
    duplicates = list(_duplicate_keys(document, node, ()))
    if duplicates:
        raise ContentError(duplicates)
    return document


def _syntax_problem(name: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    what = error.problem or "invalid YAML"
    hint = "indent with spaces, not tabs" if "\\t" in what or "tab" in what else ""
    return Problem(name, message=f"YAML syntax error: {what}", line=line, hint=hint)


def _child(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(step):
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None


def _duplicate_keys(document: YamlDocument, node: yaml.Node | None, at: Location):
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                yield Problem(
                    document.name,
                    format_location((*at, key.value)),
                    f"the key '{key.value}' appears twice in the same mapping",
                    key.start_mark.line + 1,
                    "keep one of them",
                )
            seen.add(key.value)
            yield from _duplicate_keys(document, value, (*at, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(document, item, (*at, index))
