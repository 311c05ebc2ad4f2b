"""Measure the course's performance against the targets of issues 9 and 17 and write benchmarks/results.md.

Run by `make bench`. Everything happens in a scratch copy of the course; `--quick` (one run, fewer
notebooks, loads and questions) is for trying the benchmark out, not for the results file.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from browser import measure_browser
from builds import Builder, measure_builds
from commands import measure_commands
from common import REPO, Section, Settings, copy_course, log
from imports import measure_imports
from peer import measure_peer
from report import results_markdown, table
from validation import measure_validation
from weight import measure_weight

SECTIONS: dict[str, Callable[[Settings], Section]] = {
    "commands": measure_commands, "validation": measure_validation, "builds": measure_builds, "weight": measure_weight,
    "browser": measure_browser, "peer": measure_peer, "imports": measure_imports,
}
NEEDS_SITE = ("weight", "browser", "peer")
RESULTS = REPO / "benchmarks" / "results.md"


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure, the median is reported (default 3)")
    parser.add_argument("--quick", action="store_true", help="1 run and fewer items, for development")
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), help="measure only these parts")
    parser.add_argument("--output", type=Path, default=RESULTS, help="the results file (default benchmarks/results.md)")
    return parser.parse_args(argv)


def chromium_version() -> str:
    """Debian's chromium, as it reports itself."""
    chromium = shutil.which("chromium")
    if chromium is None:
        return "not found"
    done = subprocess.run([chromium, "--version"], capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def git_commit() -> str:
    """The commit the repository is at, and whether its work tree has changes on top."""
    changed = " (with uncommitted changes in the work tree)" if _git("status", "--porcelain") else ""
    return (_git("rev-parse", "--short", "HEAD") or "unknown") + changed


def _git(*arguments: str) -> str:
    return subprocess.run(["git", *arguments], cwd=REPO, capture_output=True, text=True).stdout.strip()


def load_average() -> str:
    """The 1, 5 and 15 minute load averages."""
    return " / ".join(f"{load:.1f}" for load in os.getloadavg())


def machine_facts(settings: Settings) -> list[str]:
    """What the figures were measured on."""
    runs = f"{settings.runs} run{'s' * (settings.runs != 1)} of validation and builds"
    runs += f", {settings.repeats} page loads or fresh interpreters for the browser and import figures"
    if settings.quick:
        runs += "; quick run: fewer notebooks, loads and questions"
    return [f"Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; {runs}",
            f"CPUs: {os.cpu_count()} ({platform.machine()}); load average at start (1/5/15 min): {load_average()}",
            f"Python {platform.python_version()}; {chromium_version()}; commit {git_commit()}"]


def measure(settings: Settings, names: list[str]) -> list[Section]:
    """Run the chosen parts; a part that fails is reported as not measured and the others still run."""
    sections = []
    for name in names:
        if name in NEEDS_SITE and not (settings.out / "html").is_dir():
            log("building the course once for the parts that need a site (not measured)")
            Builder(settings.course, settings.out).build()
        try:
            sections.append(SECTIONS[name](settings))
        except Exception as error:
            log(f"{name}: not measured: {error}")
            sections.append(Section(f"{name.capitalize()} (not measured)", details=[f"Not measured: {error}"]))
    return sections


def mark_quick(sections: list[Section]) -> None:
    """Say in each figure's name that it comes from a quick run (one run, fewer items)."""
    for section in sections:
        for figure in section.figures:
            figure.name += " [quick run]"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table and write the results file."""
    arguments = parse_arguments(argv)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="spasmcourse-bench-"))
    os.environ["SPASMCOURSE_DATA_DIR"] = str(work / "progress")
    os.environ.pop("SPASMCOURSE_LANGUAGE", None)
    settings = Settings(1 if arguments.quick else arguments.runs, arguments.quick, work)
    try:
        copy_course(settings.course)
        facts = machine_facts(settings)
        sections = measure(settings, arguments.only or list(SECTIONS))
        if settings.quick:
            mark_quick(sections)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    facts.append(f"Load average at the end: {load_average()}; the benchmark took {time.perf_counter() - started:.0f} s")
    print("\n" + table(sections))
    arguments.output.write_text(results_markdown(facts, sections), encoding="utf-8")
    shown = arguments.output.resolve()
    print(f"\nResults written to {shown.relative_to(REPO) if shown.is_relative_to(REPO) else shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
