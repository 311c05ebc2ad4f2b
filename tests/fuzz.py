"""A seeded mutation fuzzer for the course content: break a copy of the real course, check it, classify the result.

Each mutation (tests/fuzz_mutations.py) changes one thing in a fresh copy of the course (a YAML file,
a notebook, or a link in their place) and runs `spasmcourse check` in this process, under an alarm.
The result is one of:

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
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fuzz_mutations import MUTATIONS, Mutation

REPO = Path(__file__).resolve().parents[1]
COURSE_PARTS = ("lessons.yml", "assets", "notebooks")
KINDS = ("clean error", "harmless accept", "traceback", "wrong exit", "hang", "accepted but broken")
TIME_LIMIT = 60
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


def opened_in_browser(parts: list[str], folder: Path, browser: Any = None) -> str:
    """Open a page of the elements offline in Chromium; what went wrong there ('' if nothing)."""
    page_path = folder / "elements.html"
    page_path.write_text("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>fuzz</title></head><body>"
                         + "".join(f"<section>{part}</section>" for part in parts) + "</body></html>",
                         encoding="utf-8")
    return opened_pages([page_path], browser)


def built_and_opened(root: Path, out: Path, only: str | None, browser: Any = None) -> str:
    """Build the course's pages into `out` (lessons that did not change come from its build cache), open them."""
    from spasmcourse.publish.pipeline import build_course

    try:
        with time_limit(30 * TIME_LIMIT):
            report = build_course(root, out, ("html",))
    except Exception:  # a build that fails after a passing check is a finding
        return traceback.format_exc()[-1500:]
    pages = [page for page in report.pages if only is None or page.name.startswith(only)]
    return opened_pages(pages or report.pages, browser)


def opened_pages(pages: list[Path], browser: Any = None) -> str:
    """Open each page offline in Chromium (`browser`, or one of its own): no script error, dialog or failed element."""
    if browser is not None:
        return _visited(browser, pages)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        try:
            return _visited(launched, pages)
        finally:
            launched.close()


def _visited(browser: Any, pages: list[Path]) -> str:
    errors: list[str] = []
    context = browser.new_context()
    try:
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
        context.close()
    return "; ".join(errors)[:500]


def fuzz(count: int, seed: int, work: Path, open_every: int = 0, build_every: int = 0,
         browser: Any = None) -> list[Result]:
    """`count` seeded mutations of copies of the course; each result classified.

    Every `open_every`th accepted mutation has its elements opened in Chromium; every
    `build_every`th is built with nbconvert and its pages opened (0: never), in `browser` if given.
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
                                             bool(build_every) and accepted % build_every == 0, browser)
            accepted += 1
        results.append(Result(len(results) + 1, mutation.name, f"{where}: {said}", kind, detail))
    return results


def _judge_acceptance(mutation: Mutation, root: Path, work: Path, only: str | None, in_browser: bool,
                      built: bool, browser: Any) -> tuple[str, str]:
    if mutation.must_refuse:
        return "accepted but broken", "the check accepted it"
    parts, failure = rendered_elements(root, only)
    if not failure and in_browser:
        failure = opened_in_browser(parts, work, browser)
    if not failure and built:
        failure = built_and_opened(root, work / "_build", only, browser)
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
