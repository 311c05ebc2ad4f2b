"""The kinds of damage tests/fuzz.py does to a copy of the course, one function each.

Each change(rng, root, path) breaks the file at `path` (or puts something else in its place) and
says what it did, or returns None when it does not apply to that file. The mutations are generic:
they know YAML, notebooks and files, not the meaning of any one content field.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HOSTILE_TEXT = ["\u202eevil\u202c", "zero\u200bwidth", "e\u0301\u0301\u0301", "\U0001f600", "\ufeffbom",
                "<script>alert(1)</script>", "{{ 7*7 }}", "nul\x00byte", "a" * 5000]


@dataclass(frozen=True)
class Mutation:
    """A kind of damage; `must_refuse` when accepting it is always wrong."""

    name: str
    applies_to: tuple[str, ...]
    change: Callable[[random.Random, Path, Path], str | None]
    must_refuse: bool = False


def _write_yaml(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def _places(data: Any, at: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(path, value) of every value in a YAML document."""
    yield at, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _places(value, (*at, index))


def _at(data: Any, at: tuple) -> Any:
    for step in at:
        data = data[step]
    return data


def _pick(rng: random.Random, path: Path, wanted: Callable[[tuple, Any], bool]) -> tuple[Any, tuple | None]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    places = [at for at, value in _places(data) if at and wanted(at, value)]
    return data, (rng.choice(places) if places else None)


def _set(data: Any, at: tuple, value: Any) -> None:
    _at(data, at[:-1])[at[-1]] = value


def key_deleted(rng: random.Random, root: Path, path: Path) -> str | None:
    data, at = _pick(rng, path, lambda at, value: isinstance(at[-1], str))
    if at is None:
        return None
    del _at(data, at[:-1])[at[-1]]
    _write_yaml(path, data)
    return f"deleted {at[-1]!r}"


def key_renamed(rng: random.Random, root: Path, path: Path) -> str | None:
    data, at = _pick(rng, path, lambda at, value: isinstance(at[-1], str))
    if at is None:
        return None
    parent = _at(data, at[:-1])
    new = rng.choice([at[-1] + "s", at[-1][:-1], at[-1].upper(), "x-" + at[-1], ""])
    parent[new] = parent.pop(at[-1])
    _write_yaml(path, data)
    return f"renamed {at[-1]!r} to {new!r}"


def value_retyped(rng: random.Random, root: Path, path: Path) -> str | None:
    data, at = _pick(rng, path, lambda at, value: True)
    if at is None:
        return None
    new = rng.choice([None, 0, -1, 3.5, True, "", "text", [], ["a", 1], {}, {"a": 1}, [[[]]]])
    _set(data, at, new)
    _write_yaml(path, data)
    return f"{'.'.join(map(str, at))} = {new!r}"


def duplicate_id(rng: random.Random, root: Path, path: Path) -> str | None:
    data, at = _pick(rng, path, lambda at, value: isinstance(value, dict) and "id" in value and isinstance(at[-1], int))
    if at is None:
        return None
    _at(data, at[:-1]).append(_at(data, at))
    _write_yaml(path, data)
    return f"copied the entry with id {_at(data, at)['id']!r}"


def missing_reference(rng: random.Random, root: Path, path: Path) -> str | None:
    linked = ("reference", "references", "requires", "lesson", "to", "start", "groups", "next")
    data, at = _pick(rng, path, lambda at, value: isinstance(value, str) and
                     any(str(step) in linked for step in at[-2:]))
    if at is None:
        return None
    _set(data, at, "no-such-" + _at(data, at))
    _write_yaml(path, data)
    return f"{'.'.join(map(str, at))} points nowhere"


def lesson_cycle(rng: random.Random, root: Path, path: Path) -> str | None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lessons = data.get("lessons") if isinstance(data, dict) else None
    if not isinstance(lessons, list) or len(lessons) < 3:
        return None
    first, second = sorted(rng.sample(range(1, len(lessons)), 2))
    lessons[first].setdefault("requires", []).append(lessons[second]["id"])
    lessons[second].setdefault("requires", []).append(lessons[first]["id"])
    _write_yaml(path, data)
    return f"lessons {first} and {second} require each other"


def huge_value(rng: random.Random, root: Path, path: Path) -> str | None:
    data, at = _pick(rng, path, lambda at, value: isinstance(value, str | list))
    if at is None:
        return None
    huge = "x" * 1_500_000 if isinstance(_at(data, at), str) else [_at(data, at)[0] if _at(data, at) else 1] * 60_000
    _set(data, at, huge)
    _write_yaml(path, data)
    return f"{'.'.join(map(str, at))} made huge"


def deep_nesting(rng: random.Random, root: Path, path: Path) -> str | None:
    depth = rng.choice([200, 3000, 50_000])
    lines = path.read_text(encoding="utf-8").splitlines()
    spots = [n for n, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    if not spots:
        return None
    n = rng.choice(spots)
    key = lines[n].split(": ", 1)[0]
    lines[n] = f"{key}: {'[' * depth}1{']' * depth}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"line {n + 1} nested {depth} deep"


def non_finite(rng: random.Random, root: Path, path: Path) -> str | None:
    data, at = _pick(rng, path, lambda at, value: isinstance(value, int | float) and not isinstance(value, bool))
    if at is None:
        return None
    _set(data, at, rng.choice([float("nan"), float("inf"), -float("inf")]))
    _write_yaml(path, data)
    return f"{'.'.join(map(str, at))} not finite"


def hostile_unicode(rng: random.Random, root: Path, path: Path) -> str | None:
    data, at = _pick(rng, path, lambda at, value: isinstance(value, str) and " " in value)
    if at is None:
        return None
    text = rng.choice(HOSTILE_TEXT)
    _set(data, at, _at(data, at) + " " + text)
    _write_yaml(path, data)
    return f"{'.'.join(map(str, at))} += {text[:20]!r}"


def path_outside(rng: random.Random, root: Path, path: Path) -> str | None:
    data, at = _pick(rng, path, lambda at, value: at[-1] in ("notebook", "file") and isinstance(value, str))
    if at is None:
        return None
    new = rng.choice(["../outside/x.ipynb", "notebooks/../../outside/x.ipynb", "/etc/passwd", "../../../x.svg",
                      "C:\\x.svg", "..\\..\\x.svg"])
    if at[-1] == "notebook" and not new.endswith(".ipynb"):
        new += ".ipynb"
    _set(data, at, new)
    _write_yaml(path, data)
    return f"{'.'.join(map(str, at))} = {new!r}"


def yaml_tag(rng: random.Random, root: Path, path: Path) -> str | None:
    lines = path.read_text(encoding="utf-8").splitlines()
    spots = [n for n, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    if not spots:
        return None
    n = rng.choice(spots)
    tag = rng.choice(["!!python/object/apply:os.system ['true']", "!custom value", "!!binary aGVsbG8=",
                      "!!set {a, b}", "!!timestamp 2001-12-14", "!!float nan", "!!int abc", "!!timestamp soon",
                      "!!bool maybe", "2001-13-45"])
    lines[n] = f"{lines[n].split(': ', 1)[0]}: {tag}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"line {n + 1}: {tag}"


def alias_bomb(rng: random.Random, root: Path, path: Path) -> str | None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]" for n in range(8)]
    path.write_text("\n".join(levels) + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return "billion laughs"


def _bytes(change: Callable[[random.Random, bytes], bytes], what: str) -> Callable[[random.Random, Path, Path], str]:
    def mutate(rng: random.Random, root: Path, path: Path) -> str:
        path.write_bytes(change(rng, path.read_bytes()))
        return what
    return mutate


def _insert(rng: random.Random, data: bytes, piece: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def _comment_line(rng: random.Random, data: bytes, piece: bytes) -> bytes:
    lines = data.split(b"\n")
    lines.insert(rng.randrange(len(lines) + 1), b"# note " + piece)
    return b"\n".join(lines)


def _tabs(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    indented = [n for n, line in enumerate(lines) if line.startswith(b"  ")]
    if indented:
        n = rng.choice(indented)
        lines[n] = b"\t" + lines[n].lstrip(b" ")
    return b"\n".join(lines)


def _duplicate_key(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    keyed = [n for n, line in enumerate(lines) if b": " in line and not line.lstrip().startswith((b"#", b"- "))]
    if keyed:
        n = rng.choice(keyed)
        lines.insert(n + 1, lines[n])
    return b"\n".join(lines)


def symlink(to: str) -> Callable[[random.Random, Path, Path], str]:
    def mutate(rng: random.Random, root: Path, path: Path) -> str:
        outside = root.parent / "outside"
        outside.mkdir(exist_ok=True)
        if path.is_file():
            shutil.copy(path, outside / path.name)
        path.unlink()
        path.symlink_to({"itself": Path(path.name), "outside": outside / path.name,
                         "nowhere": Path("no-such-file")}[to])
        return f"a link to {to}"
    return mutate


def directory_instead(rng: random.Random, root: Path, path: Path) -> str:
    path.unlink()
    path.mkdir()
    (path / "x.yml").write_text("a: 1\n", encoding="utf-8")
    return "a folder in its place"


def _notebook(change: Callable[[random.Random, dict], str | None]) -> Callable[[random.Random, Path, Path], str | None]:
    def mutate(rng: random.Random, root: Path, path: Path) -> str | None:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        said = change(rng, notebook)
        if said is not None:
            path.write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")
        return said
    return mutate


def _cell(rng: random.Random, notebook: dict, kind: str | None = None) -> dict | None:
    cells = [cell for cell in notebook.get("cells", []) if kind is None or cell.get("cell_type") == kind]
    return rng.choice(cells) if cells else None


def _set_cell(field: str, value: Any, kind: str | None = None) -> Callable[[random.Random, dict], str | None]:
    def change(rng: random.Random, notebook: dict) -> str | None:
        cell = _cell(rng, notebook, kind)
        if cell is None:
            return None
        cell[field] = value
        return f"a cell's {field} = {str(value)[:30]!r}"
    return change


def _markdown_appended(text: str) -> Callable[[random.Random, dict], str | None]:
    def change(rng: random.Random, notebook: dict) -> str | None:
        cell = _cell(rng, notebook, "markdown")
        if cell is None:
            return None
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        cell["source"] = source + "\n\n" + text
        return f"markdown += {text[:40]!r}"
    return change


def _duplicate_cell_id(rng: random.Random, notebook: dict) -> str | None:
    cells = notebook.get("cells", [])
    if len(cells) < 2:
        return None
    first, second = rng.sample(range(len(cells)), 2)
    cells[second]["id"] = cells[first]["id"]
    return "two cells share an id"


def _top(field: str, value: Any) -> Callable[[random.Random, dict], str]:
    def change(rng: random.Random, notebook: dict) -> str:
        if value is None:
            notebook.pop(field, None)
        else:
            notebook[field] = value
        return f"notebook {field} = {value!r}"
    return change


def _no_kernelspec(rng: random.Random, notebook: dict) -> str:
    notebook.get("metadata", {}).pop("kernelspec", None)
    return "kernelspec removed"


def _truncated(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(len(data))]


YAML = ("yml",)
NOTEBOOK = ("ipynb",)
ANY = ("yml", "ipynb")
MUTATIONS = [
    Mutation("key deleted", YAML, key_deleted),
    Mutation("key renamed", YAML, key_renamed),
    Mutation("value retyped", YAML, value_retyped),
    Mutation("duplicate id", YAML, duplicate_id, must_refuse=True),
    Mutation("missing reference", YAML, missing_reference),
    Mutation("lesson cycle", ("lessons.yml",), lesson_cycle, must_refuse=True),
    Mutation("huge value", YAML, huge_value),
    Mutation("deep nesting", YAML, deep_nesting),
    Mutation("non-finite number", YAML, non_finite, must_refuse=True),
    Mutation("hostile unicode", YAML, hostile_unicode),
    Mutation("path outside", YAML, path_outside, must_refuse=True),
    Mutation("yaml tag", YAML, yaml_tag),
    Mutation("alias bomb", YAML, alias_bomb, must_refuse=True),
    Mutation("empty", ANY, _bytes(lambda rng, data: b"", "emptied"), must_refuse=True),
    Mutation("binary", ANY, _bytes(lambda rng, data: rng.randbytes(2000), "random bytes"), must_refuse=True),
    Mutation("invalid UTF-8", ANY, _bytes(lambda rng, data: _insert(rng, data, b"\xff\xfe\xc3"), "bad bytes"),
             must_refuse=True),
    Mutation("BOM", ANY, _bytes(lambda rng, data: b"\xef\xbb\xbf" + data, "a byte-order mark")),
    Mutation("control character", YAML,
             _bytes(lambda rng, data: _comment_line(rng, data, rng.choice([b"\x07", b"\x1b[31m", b"\x7f"])),
                    "a control character in a comment"), must_refuse=True),
    Mutation("tabs", YAML, _bytes(_tabs, "a tab indent")),
    Mutation("duplicate key", YAML, _bytes(_duplicate_key, "a key written twice")),
    Mutation("truncated", ANY, _bytes(_truncated, "cut short")),
    Mutation("link loop", ANY, symlink("itself"), must_refuse=True),
    Mutation("link outside", ANY, symlink("outside"), must_refuse=True),
    Mutation("dangling link", ANY, symlink("nowhere"), must_refuse=True),
    Mutation("folder in place", ANY, directory_instead, must_refuse=True),
    Mutation("cells removed", NOTEBOOK, _notebook(_top("cells", None)), must_refuse=True),
    Mutation("old notebook format", NOTEBOOK, _notebook(_top("nbformat", 3)), must_refuse=True),
    Mutation("cell type unknown", NOTEBOOK, _notebook(_set_cell("cell_type", "widget")), must_refuse=True),
    Mutation("cell source not text", NOTEBOOK, _notebook(_set_cell("source", 42)), must_refuse=True),
    Mutation("duplicate cell ids", NOTEBOOK, _notebook(_duplicate_cell_id), must_refuse=True),
    Mutation("kernelspec removed", NOTEBOOK, _notebook(_no_kernelspec), must_refuse=True),
    Mutation("markdown script", NOTEBOOK, _notebook(_markdown_appended('<img src="x" alt=">" onerror="alert(1)">')),
             must_refuse=True),
    Mutation("markdown javascript link", NOTEBOOK,
             _notebook(_markdown_appended('<a href="java\nscript:alert(1)">x</a>')), must_refuse=True),
    Mutation("markdown hostile unicode", NOTEBOOK, _notebook(_markdown_appended("\u202e\u200b e\u0301 \U0001f600"))),
    Mutation("markdown huge", NOTEBOOK, _notebook(_markdown_appended("<a " * 20_000))),
]
