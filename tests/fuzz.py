"""A seeded mutation fuzzer for the course content: break a copy of the real course, check it, classify the result.

Each mutation changes one thing in a fresh copy of the course (a YAML file, a notebook, or a link in
their place) and runs `spasmcourse check` in this process, under an alarm. The result is one of:

- clean error: exit 1 and a located problem report, nothing else;
- harmless accept: exit 0, and every element of every lesson still renders;
- traceback: an exception escaped, or one was printed;
- wrong exit: any other exit status or output;
- hang: the check took longer than the time limit;
- accepted but broken: exit 0 although the mutation is one the check must refuse (a script, a path
  out of the course, a number that is not finite, ...), or an element could not render afterwards,
  or, for a sample of the accepted mutations, a page failed in Chromium (offline): a page of the
  elements' renderings (--open-every), or the lesson pages built with nbconvert (--build-every).

`python tests/fuzz.py --count 1000 --seed 7` (or `make fuzz N=1000 SEED=7`) prints one summary line
and the details of anything that is not a clean error or a harmless accept; it exits 1 if any.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
COURSE_PARTS = ("lessons.yml", "assets", "notebooks")
KINDS = ("clean error", "harmless accept", "traceback", "wrong exit", "hang", "accepted but broken")
TIME_LIMIT = 60
HOSTILE_TEXT = ["\u202eevil\u202c", "zero\u200bwidth", "e\u0301\u0301\u0301", "\U0001f600", "\ufeffbom",
                "<script>alert(1)</script>", "{{ 7*7 }}", "nul\x00byte", "a" * 5000]
ELEMENTS = ("quiz", "flowchart", "figure", "explorer", "slider_chart", "case_study", "flashcards", "lesson_intro",
            "lesson_summary", "lesson_references", "course_map", "final_assessment", "progress_dashboard")


@dataclass(frozen=True)
class Result:
    """What one mutation did to `spasmcourse check`."""

    number: int
    mutation: str
    target: str
    kind: str
    detail: str = ""


class Hang(Exception):
    """The check ran past the time limit."""


# ---- mutations: each changes `path` (or what stands at it) and says what it did, or None if it cannot apply


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
                      "!!set {a, b}", "!!timestamp 2001-12-14", "!!float nan"])
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


# ---- running and classifying


def fresh_copy(template: Path, target: Path) -> Path:
    """A copy of the pristine course at `target` (what a mutation may break)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target, symlinks=True)
    shutil.rmtree(target.parent / "outside", ignore_errors=True)
    return target


def targets(root: Path, kinds: tuple[str, ...]) -> list[Path]:
    found = [root / "lessons.yml"] if "lessons.yml" in kinds or "yml" in kinds else []
    if "yml" in kinds:
        found += sorted((root / "assets").rglob("*.yml"))
    if "ipynb" in kinds:
        found += sorted((root / "notebooks").glob("*.ipynb"))
    return found


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: Any) -> None:
        raise Hang
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_check(root: Path) -> tuple[str, int | None, str, str]:
    """('ran' | 'hang' | 'traceback', exit status, stdout, stderr) of `spasmcourse check` in this process."""
    from spasmcourse.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with time_limit(TIME_LIMIT), redirect_stdout(out), redirect_stderr(err):
            code = main(["--root", str(root), "check"])
    except Hang:
        return "hang", None, out.getvalue(), err.getvalue()
    except SystemExit as stop:
        return "ran", stop.code if isinstance(stop.code, int) else 2, out.getvalue(), err.getvalue()
    except BaseException:  # anything that escapes is what we are looking for
        return "traceback", None, out.getvalue(), err.getvalue() + traceback.format_exc()
    return "ran", code, out.getvalue(), err.getvalue()


def classify_check(how: str, code: int | None, out: str, err: str) -> tuple[str, str]:
    if how != "ran":
        return how, err[-2000:]
    if "Traceback" in out + err:
        return "traceback", (out + err)[-2000:]
    if code == 1 and out == "":
        head, *lines = err.splitlines() or [""]
        located = lines and all(line.startswith("  ") and ": " in line for line in lines)
        if head.endswith("in the course content:") and located:
            return "clean error", lines[0].strip()[:200]
    if code == 0 and out.startswith("Course OK") and err == "":
        return "accepted", ""
    return "wrong exit", f"exit {code}: {(out + err)[:500]}"


def element_calls(notebook: Path) -> list[str]:
    """The element calls a lesson's code cells make, as the kernel would evaluate them."""
    import nbformat

    calls = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for statement in ast.parse(cell.source).body:
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and \
                    isinstance(statement.value.func, ast.Name) and statement.value.func.id in ELEMENTS:
                calls.append(ast.unparse(statement.value))
    return calls


def lessons_touched(where: str) -> str | None:
    """The one lesson a changed file belongs to (its notebook or quiz file), or None for a file all lessons use."""
    name = Path(where).name
    if where.startswith(("notebooks/", "assets/quizzes/")) and name[:2].isdigit():
        return name.split(".")[0]
    return None


def rendered_elements(root: Path, only: str | None = None) -> tuple[list[str], str]:
    """The HTML of every element the lessons show (or lesson `only`), and what went wrong making it ('' if nothing)."""
    import os

    import spasmcourse
    from spasmcourse.content import load_course
    from spasmcourse.elements.failure import ContentProblemView
    from spasmcourse.progress import open_store

    previous = os.environ.get("SPASMCOURSE_ROOT")
    os.environ["SPASMCOURSE_ROOT"] = str(root)
    open_store.cache_clear()
    parts: list[str] = []
    try:
        course = load_course(root)
        for lesson in course.lessons:
            if only is not None and not course.notebook_path(lesson).name.startswith(only):
                continue
            for call in element_calls(course.notebook_path(lesson)):
                shown = eval(call, vars(spasmcourse))
                if isinstance(shown, ContentProblemView):
                    return parts, f"{lesson.id}: {call} shows a problem: {shown.text()[:300]}"
                bundle = shown._repr_mimebundle_() if hasattr(shown, "_repr_mimebundle_") else {}
                parts.append(bundle.get("text/html") or shown._repr_html_())
    except Exception:  # any failure after a passing check is a finding
        return parts, traceback.format_exc()[-1500:]
    finally:
        if previous is None:
            os.environ.pop("SPASMCOURSE_ROOT", None)
        else:
            os.environ["SPASMCOURSE_ROOT"] = previous
    return parts, ""


def opened_in_browser(parts: list[str], folder: Path) -> str:
    """Open a page of the elements offline in Chromium; what went wrong there ('' if nothing)."""
    page_path = folder / "elements.html"
    page_path.write_text("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>fuzz</title></head><body>"
                         + "".join(f"<section>{part}</section>" for part in parts) + "</body></html>",
                         encoding="utf-8")
    return opened_pages([page_path])


def built_and_opened(root: Path, out: Path, only: str | None) -> str:
    """Build the course's pages into `out` (lessons that did not change come from its build cache), open them."""
    from spasmcourse.build.pipeline import build_course

    try:
        with time_limit(30 * TIME_LIMIT):
            report = build_course(root, out, ("html",))
    except Exception:  # a build that fails after a passing check is a finding
        return traceback.format_exc()[-1500:]
    pages = [page for page in report.pages if only is None or page.name.startswith(only)]
    return opened_pages(pages or report.pages)


def opened_pages(pages: list[Path]) -> str:
    """Open each page offline in Chromium: no script error, no dialog, no element that could not start."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        try:
            context = browser.new_context()
            context.set_offline(True)
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
            for path in pages:
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
                failed = page.evaluate("document.querySelectorAll('[data-sc-failed]').length")
                if failed:
                    errors.append(f"{path.name}: {failed} elements could not start")
        finally:
            browser.close()
    return "; ".join(errors)[:500]


def fuzz(count: int, seed: int, work: Path, open_every: int = 0, build_every: int = 0) -> list[Result]:
    """`count` seeded mutations of copies of the course; each result classified.

    Every `open_every`th accepted mutation has its elements opened in Chromium; every
    `build_every`th is built with nbconvert and its pages opened (0: never).
    """
    rng = random.Random(seed)
    template = work / "pristine"
    if not template.exists():
        template.mkdir(parents=True)
        for part in COURSE_PARTS:
            source = REPO / part
            if source.is_dir():
                shutil.copytree(source, template / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints",
                                                                                      "screenshots"))
            else:
                shutil.copy2(source, template / part)
    results: list[Result] = []
    accepted = 0
    number = 0
    while len(results) < count:
        number += 1
        mutation = rng.choice(MUTATIONS)
        root = fresh_copy(template, work / "course")
        candidates = targets(root, mutation.applies_to)
        if not candidates:
            continue
        target = rng.choice(candidates)
        said = mutation.change(rng, root, target)
        if said is None:
            continue
        where = target.relative_to(root).as_posix()
        kind, detail = classify_check(*run_check(root))
        if kind == "accepted":
            kind, detail = _judge_acceptance(mutation, root, work, lessons_touched(where),
                                             bool(open_every) and accepted % open_every == 0,
                                             bool(build_every) and accepted % build_every == 0)
            accepted += 1
        results.append(Result(len(results) + 1, mutation.name, f"{where}: {said}", kind, detail))
    return results


def _judge_acceptance(mutation: Mutation, root: Path, work: Path, only: str | None, in_browser: bool,
                      built: bool) -> tuple[str, str]:
    if mutation.must_refuse:
        return "accepted but broken", "the check accepted it"
    parts, failure = rendered_elements(root, only)
    if not failure and in_browser:
        failure = opened_in_browser(parts, work)
    if not failure and built:
        failure = built_and_opened(root, work / "_build", only)
    return ("accepted but broken", failure) if failure else ("harmless accept", "")


def summary(results: list[Result], seed: int, seconds: float) -> str:
    counts = Counter(result.kind for result in results)
    said = ", ".join(f"{counts.get(kind, 0)} {kind}" for kind in KINDS)
    return f"fuzz seed={seed}: {len(results)} mutations of {len({r.mutation for r in results})} kinds: {said} " \
           f"({seconds:.0f} s)"


def problems(results: list[Result]) -> list[Result]:
    """The results that are neither a clean error nor a harmless accept."""
    return [result for result in results if result.kind not in ("clean error", "harmless accept")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--open-every", type=int, default=25,
                        help="open every Nth accepted mutation's elements in Chromium (0: never)")
    parser.add_argument("--build-every", type=int, default=0,
                        help="build every Nth accepted mutation with nbconvert and open its pages (0: never)")
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="spasmcourse-fuzz-") as work:
        results = fuzz(arguments.count, arguments.seed, Path(work), arguments.open_every, arguments.build_every)
    for result in problems(results):
        print(f"  #{result.number} {result.kind}: {result.mutation} ({result.target}): {result.detail}")
    print(summary(results, arguments.seed, time.perf_counter() - started))
    return 1 if problems(results) else 0


if __name__ == "__main__":
    sys.exit(main())
