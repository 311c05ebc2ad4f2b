"""Builds of site and slides with `spasmcourse build`: cold, warm, after a markdown edit, after a quiz edit.

The build cache is keyed on the library's files too, and other people may edit src/ while this runs: an
incremental build is measured only on a cache that matches the library as it is, and redone if the library
changes during it.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import nbformat
from common import BIN, BenchError, Figure, Section, Settings, log, median, run

from spasmcourse.publish.pipeline import build_course

COLD_TARGET, WARM_TARGET, PER_LESSON_TARGET = 60.0, 2.0, 6.0
EDITED_NOTEBOOK = "notebooks/02-back-spasms.ipynb"
EDITED_QUIZ = "assets/quizzes/06-trigger-points-and-jaw-pain.yml"
WORD_SWAP = ("frightening", "alarming")
ATTEMPTS = 3
KERNEL_START = ("import time, nbformat; from nbclient import NotebookClient; notebook = nbformat.v4.new_notebook("
                "cells=[nbformat.v4.new_code_cell('pass')]); started = time.perf_counter(); "
                "NotebookClient(notebook, kernel_name='python3').execute(); "
                "print(f'kernel seconds: {time.perf_counter() - started}')")
_KERNEL_SECONDS = re.compile(r"^kernel seconds: ([0-9.]+)$", re.M)
_BUILT_LINE = re.compile(r"^\[\d+/\d+\] (\S+) built$", re.M)
Stamp = tuple[tuple[str, int], ...]


@dataclass
class BuildRun:
    """One build: its wall time, the lessons it executed again, and whether the library changed meanwhile."""

    seconds: float
    rebuilt: list[str]
    disturbed: bool = False


def library_stamp() -> Stamp:
    """Modification times of the installed spasmcourse package's files."""
    package = Path(str(files("spasmcourse")))
    return tuple(sorted((str(path), path.stat().st_mtime_ns) for path in package.rglob("*")
                        if path.is_file() and "__pycache__" not in path.parts))


@dataclass
class Builder:
    """Runs `spasmcourse build` on the scratch copy and remembers the library it last built with."""

    course: Path
    out: Path
    stamp: Stamp = field(default_factory=tuple)

    def build(self) -> BuildRun:
        """One build as a subprocess."""
        self.stamp = library_stamp()
        seconds, output = run([BIN / "spasmcourse", "--root", self.course, "build", "--out", self.out], self.course)
        return BuildRun(seconds, _BUILT_LINE.findall(output), library_stamp() != self.stamp)

    def cold(self) -> BuildRun:
        """A build into an empty folder (no cache)."""
        shutil.rmtree(self.out, ignore_errors=True)
        return self.build()

    def refresh(self) -> None:
        """Bring the cache up to date (unmeasured) if the library changed since the last build."""
        if library_stamp() != self.stamp:
            log("build: the library changed since the last build (someone edited src/): refreshing, not measured")
            self.build()

    def incremental(self, edit: Callable[[], None] | None) -> BuildRun:
        """A build after `edit` on an up-to-date cache; tried again if the library changes during it."""
        for _ in range(ATTEMPTS):
            self.refresh()
            if edit is not None:
                edit()
            done = self.build()
            if not done.disturbed:
                break
        return done


def swap_word(notebook: Path) -> None:
    """Change one word in the first markdown cell that has it (and back again on the next call)."""
    node = nbformat.read(notebook, as_version=4)
    for cell in node.cells:
        if cell.cell_type != "markdown":
            continue
        for old, new in (WORD_SWAP, WORD_SWAP[::-1]):
            if old in cell.source:
                cell.source = cell.source.replace(old, new, 1)
                nbformat.write(node, notebook)
                return
    raise BenchError(f"{notebook.name}: no markdown cell holds {' or '.join(WORD_SWAP)}")


def append_blank_line(path: Path) -> None:
    """Append an empty line to a file (a change that alters nothing it means)."""
    with path.open("a", encoding="utf-8") as stream:
        stream.write("\n")


def repeated(settings: Settings, label: str, build: Callable[[], BuildRun]) -> list[BuildRun]:
    """`runs` builds of one kind, with a progress line each."""
    done = []
    for number in range(1, settings.runs + 1):
        log(f"build: {label} {number}/{settings.runs}")
        done.append(build())
    return done


def in_process_seconds(builder: Builder) -> float:
    """A warm build_course() in this process, so without the start-up of a new interpreter."""
    builder.refresh()
    started = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        report = build_course(builder.course, builder.out)
    if report.executed:
        raise BenchError(f"a warm in-process build re-executed {report.executed} (the library changed meanwhile?)")
    return time.perf_counter() - started


def kernel_start(settings: Settings) -> float:
    """Median time nbclient takes to start a kernel, run one empty cell and stop: a lesson can build no faster."""
    log(f"build: nbclient kernel start (one empty cell), {settings.runs} runs")
    outputs = [run([sys.executable, "-c", KERNEL_START], settings.course)[1] for _ in range(settings.runs)]
    return median([float(_KERNEL_SECONDS.findall(output)[-1]) for output in outputs])


def interpreter_start(settings: Settings) -> float:
    """Median wall time of `python -c pass`: no command can finish sooner."""
    return median([run([sys.executable, "-c", "pass"], settings.course)[0] for _ in range(settings.repeats)])


def _summary(name: str, runs: list[BuildRun], target: float | None) -> Figure:
    rebuilt = runs[-1].rebuilt
    seconds = [done.seconds for done in runs]
    figure = Figure(name, median(seconds), "s", target, note=f"re-executed: {', '.join(rebuilt) or 'none'}",
                    samples=seconds)
    if any(done.rebuilt != rebuilt for done in runs):
        figure.note += f" (runs differed: {[done.rebuilt for done in runs]})"
    if any(done.disturbed for done in runs):
        figure.note += "; the library was edited during a measured build even after retries"
    return figure


def measure_builds(settings: Settings) -> Section:
    """Median wall time of each kind of build; leaves a complete build in settings.out."""
    builder = Builder(settings.course, settings.out)
    cold = repeated(settings, "cold build of site and slides", builder.cold)
    warm = repeated(settings, "warm rebuild, nothing changed", lambda: builder.incremental(None))
    log(f"build: warm build_course() in this process, {settings.runs} runs")
    in_process = median([in_process_seconds(builder) for _ in range(settings.runs)])
    markdown = repeated(settings, "rebuild after a markdown edit",
                        lambda: builder.incremental(lambda: swap_word(settings.course / EDITED_NOTEBOOK)))
    quizzes = repeated(settings, "rebuild after a quiz edit",
                       lambda: builder.incremental(lambda: append_blank_line(settings.course / EDITED_QUIZ)))
    kernel, interpreter = kernel_start(settings), interpreter_start(settings)
    lessons = len(cold[-1].rebuilt) or 1
    cold_figure = _summary(f"Cold build, site + slides ({lessons} lessons)", cold, COLD_TARGET)
    cold_figure.reason = (f"{cold_figure.value / lessons:.1f} s per lesson: each runs in a fresh kernel and is "
                          "exported as a page and a deck")
    cold_figure.floor = (f"{lessons} nbclient kernel starts", lessons * kernel)
    warm_figure = _summary("Warm rebuild, nothing changed", warm, WARM_TARGET)
    warm_figure.floor = ("bare interpreter start", interpreter)
    warm_figure.reason = (f"build_course() itself takes {in_process:.1f} s (course check, site pages and search "
                          f"index rewritten); the rest is the command's start-up")
    every_build = (f"each lesson rebuilt starts a kernel ({kernel:.1f} s), runs its cells and is exported twice, on "
                   f"top of the {warm_figure.value:.1f} s of a warm rebuild")
    markdown_figure = _summary("Rebuild after a word changed in 02's markdown", markdown, PER_LESSON_TARGET)
    markdown_figure.reason = every_build
    markdown_figure.floor = ("nbclient kernel start", kernel)
    quiz_total = _summary("Rebuild after a blank line added to quiz 06 (total)", quizzes, None)
    rebuilt = max(1, len(quizzes[-1].rebuilt))
    per_lesson = Figure(f"Rebuild after the quiz edit, per lesson rebuilt ({rebuilt})", quiz_total.value / rebuilt,
                        "s", PER_LESSON_TARGET, reason=every_build, note=quiz_total.note,
                        floor=("nbclient kernel start", kernel))
    in_process_figure = Figure("Warm rebuild, build_course() in-process (no interpreter start-up)", in_process, "s",
                               WARM_TARGET, reason="checking the course and rewriting the site pages and search index")
    return Section("Builds (`spasmcourse build` subprocess)", [
        cold_figure, warm_figure, in_process_figure, markdown_figure, quiz_total, per_lesson])
