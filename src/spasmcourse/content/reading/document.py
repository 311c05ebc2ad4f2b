"""Read a YAML content file, keeping the node tree so problems can name a line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from spasmcourse.content.reading.nodes import Location, child, expanded_size, repeated_keys, scalars
from spasmcourse.problems import ContentError, Problem, shorten

_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
MAX_CONTENT_BYTES = 2_000_000
MAX_VALUES = 200_000
RESTORE = "restore the last good copy, for example with git restore"
# What PyYAML refuses to read anywhere in a file, comments included (yaml.reader.Reader.NON_PRINTABLE).
_UNPRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
# What PyYAML raises, besides its own errors, for a value it cannot construct ('!!int abc', '!!timestamp x').
_UNCONSTRUCTIBLE = (ValueError, KeyError, AttributeError, TypeError, OverflowError)
_TAG_WORDS = {"timestamp": "a date", "int": "a whole number", "float": "a number", "bool": "true or false"}
_SYNTAX_HINTS = (
    ("tab", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put text that contains ': ' in quotes, and check this line's indentation"),
    ("could not find expected ':'", "each line needs 'key: value'; look for a missing colon or an unclosed quote"),
    ("expected ',' or ']'", "close the [ opened earlier, or put the text in quotes"),
    ("expected ',' or '}'", "close the { opened earlier, or put the text in quotes"),
    ("end of stream", "close the quote or bracket opened earlier"),
    ("stream end", "close the quote or bracket opened earlier"),
    ("expected <block end>", "line this up with the keys above it"),
    ("did not find expected", "check the indentation of this line against the lines above it"),
    ("constructor for the tag", "remove the '!' tag: content files hold plain text, numbers, lists and mappings"),
    ("undefined alias", "define the anchor (&name) before using *name, or write the value out"),
    ("unhashable key", "use a plain word as the key"),
    ("cannot start any token", "put text that starts with @, ` or % in quotes"),
)

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
            node = child(node, step)
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
    node = _compose(_text(path, name), name)
    if node is None:
        raise ContentError([_empty(name)])
    size = expanded_size(node)
    if size is None or size > MAX_VALUES:
        message = ("has an alias (*name) inside the value it names" if size is None else
                   f"holds more than {MAX_VALUES} values once its aliases (*name) are written out")
        raise ContentError([Problem(name, message=message, line=node.start_mark.line + 1,
                                    hint="write the values out instead of using aliases")])
    loader = yaml.SafeLoader("")
    try:
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise ContentError([_syntax_problem(name, error)]) from None
    except RecursionError:
        raise ContentError([_too_deep(name)]) from None
    except _UNCONSTRUCTIBLE:
        raise ContentError([_unreadable_value(name, node)]) from None
    finally:
        loader.dispose()
    if data is None:
        raise ContentError([_empty(name)])
    document = YamlDocument(name, data, node)
    duplicates = [Problem(name, format_location(at), f"the key '{key.value}' appears twice in the same mapping",
                          key.start_mark.line + 1, "keep one of them") for at, key in repeated_keys(node)]
    if duplicates:
        raise ContentError(duplicates)
    return document


def _text(path: Path, name: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError([Problem(name, message="file not found")]) from None
    except OSError as error:
        raise ContentError([Problem(name, message=f"cannot be read: {error.strerror}",
                                    hint="check that the file exists and that you may read it")]) from None
    if len(raw) > MAX_CONTENT_BYTES:
        limit = MAX_CONTENT_BYTES // 1_000_000
        raise ContentError([Problem(name, message=f"is larger than {limit} MB; is this the right file?",
                                    hint=f"content files are small text files: {RESTORE}, or split it")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([Problem(name, message=f"is not UTF-8 text (bad byte at offset {error.start})",
                                    hint="save it as UTF-8 text, from your editor's Save As menu")]) from None
    if "\x00" in text:
        raise ContentError([Problem(name, message="is not a text file (it contains NUL bytes)", hint=RESTORE)])
    unprintable = _UNPRINTABLE.search(text)
    if unprintable:
        code = ord(unprintable.group(0))
        raise ContentError([Problem(name, message=f"contains a control character (U+{code:04X}) that YAML does "
                                                  "not allow, even in a comment",
                                    line=text.count("\n", 0, unprintable.start()) + 1,
                                    hint="delete it; it often comes in with text pasted from another program")])
    return text


def _compose(text: str, name: str) -> yaml.Node | None:
    """The node tree, read by libyaml when it is there; errors are worded by PyYAML's own parser."""
    if _FAST_LOADER is not None:
        fast = _FAST_LOADER(text)
        try:
            return fast.get_single_node()
        except (yaml.YAMLError, RecursionError):
            pass
        finally:
            fast.dispose()
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise ContentError([_syntax_problem(name, error)]) from None
    except yaml.YAMLError as error:
        problem = Problem(name, message=f"is not valid YAML: {error}", hint=_syntax_hint(str(error)))
        raise ContentError([problem]) from None
    except RecursionError:
        raise ContentError([_too_deep(name)]) from None
    finally:
        loader.dispose()


def _unreadable_value(name: str, root: yaml.Node) -> Problem:
    """The first value PyYAML cannot turn into data (a '!!' tag it cannot apply, or a date like 2001-13-45)."""
    loader = yaml.SafeLoader("")
    try:
        for node in scalars(root):
            try:
                loader.construct_object(node)
            except _UNCONSTRUCTIBLE:
                kind = node.tag.rsplit(":", 1)[-1]
                said = _TAG_WORDS.get(kind, f"'{kind}'")
                return Problem(name, message=f"the value '{shorten(node.value)}' cannot be read as {said}",
                               line=node.start_mark.line + 1,
                               hint="put the value in quotes, or remove the '!!' tag in front of it")
            except yaml.YAMLError:
                continue
    finally:
        loader.dispose()
    return Problem(name, message="holds a value that cannot be read", hint=RESTORE)


def _empty(name: str) -> Problem:
    return Problem(name, message="is empty", hint=f"write its content, or {RESTORE}")


def _too_deep(name: str) -> Problem:
    return Problem(name, message="is nested too deeply to read",
                   hint="content files need only a few levels of indentation or brackets")


def _syntax_problem(name: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    what = error.problem or "invalid YAML"
    context = error.context_mark
    began = (f" ({error.context} on line {context.line + 1})"
             if error.context and context is not None and mark is not None and context.line != mark.line else "")
    return Problem(name, message=f"YAML syntax error: {what}{began}", line=line, hint=_syntax_hint(what))


def _syntax_hint(what: str) -> str:
    if "\\t" in what:
        return _SYNTAX_HINTS[0][1]
    return next((hint for fragment, hint in _SYNTAX_HINTS if fragment in what),
                "check the quoting and indentation of this line and the one above it")
