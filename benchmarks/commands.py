"""Start-up of the command line: `spasmcourse --help`, `check` and `progress`, against a bare interpreter."""

from __future__ import annotations

import sys

from common import BIN, Figure, Section, Settings, log, median, run
from imports import import_times, package_totals

HELP_TARGET, CHECK_TARGET, PROGRESS_TARGET = 0.3, 2.0, 1.0
COMMANDS = (("`spasmcourse --help`", ["--help"], HELP_TARGET),
            ("`spasmcourse check`", ["check"], CHECK_TARGET),
            ("`spasmcourse progress`", ["progress"], PROGRESS_TARGET),
            ("`spasmcourse progress --csv`", ["progress", "--csv"], PROGRESS_TARGET))
FLOOR = "bare interpreter start (python -c pass)"


def interpreter_seconds(settings: Settings) -> float:
    """Median wall time of a Python that does nothing: no command can start faster."""
    return median([run([sys.executable, "-c", "pass"], settings.course)[0] for _ in range(settings.repeats)])


def heaviest_imports(arguments: list[str], count: int = 3) -> str:
    """The packages with the most import self time when the command runs."""
    statement = f"from spasmcourse.cli import main; main({arguments!r})"
    modules = [(name, own) for name, own, _, _ in import_times(statement)]
    return ", ".join(f"{package} {own / 1000:.0f} ms" for package, own in package_totals(modules).most_common(count))


def measure_commands(settings: Settings) -> Section:
    """Median wall time of each command, in fresh processes on the scratch course."""
    runs = max(3, settings.runs * 3)
    log(f"commands: a bare interpreter and {len(COMMANDS)} commands, {runs} runs each")
    floor = interpreter_seconds(settings)
    figures = []
    for label, arguments, target in COMMANDS:
        seconds = [run([BIN / "spasmcourse", "--root", settings.course, *arguments], settings.course)[0]
                   for _ in range(runs)]
        heaviest = heaviest_imports(["--root", str(settings.course), *arguments])
        figures.append(Figure(f"Start-up and run: {label}", median(seconds), "s", target, samples=seconds,
                              floor=(FLOOR, floor), reason=f"heaviest imports: {heaviest}"))
    return Section("Commands (fresh processes)", figures)
