"""Whole-course validation: pytest --nbval-lax serial and on 2 workers, plain nbconvert, and the nbclient floor."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from common import BIN, Figure, Section, Settings, lesson_notebooks, log, median, run
from nbclient import NotebookClient

TARGET_SECONDS = 30.0
QUICK_NOTEBOOKS = 3


def pytest_command(course: Path, notebooks: list[Path], workers: int) -> list[str | Path]:
    """nbval over the notebooks, isolated from any pytest configuration around the copy."""
    parallel = ["-n", str(workers), "--dist", "loadfile"] if workers > 1 else []
    return [sys.executable, "-m", "pytest", "-c", os.devnull, "--rootdir", course, "-o", "addopts=",
            "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env", "-q", *parallel, *notebooks]


def nbconvert_seconds(notebooks: list[Path], work: Path) -> float:
    """Wall time of one `jupyter nbconvert --to notebook --execute` over all the notebooks."""
    with tempfile.TemporaryDirectory(dir=work) as target:
        command = [BIN / "jupyter", "nbconvert", "--to", "notebook", "--execute", "--output-dir", target, *notebooks]
        seconds, _ = run(command, notebooks[0].parent)
    return seconds


def bare_execution_seconds(notebook: Path) -> float:
    """Time of a bare nbclient execution of one notebook in its own folder."""
    node = nbformat.read(notebook, as_version=4)
    client = NotebookClient(node, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}})
    started = time.perf_counter()
    client.execute(stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def floor_seconds(notebooks: list[Path]) -> float:
    """The sum of each notebook's bare execution time, divided by the number of cores."""
    return sum(bare_execution_seconds(notebook) for notebook in notebooks) / (os.cpu_count() or 1)


def measure_validation(settings: Settings) -> Section:
    """Median wall time of each way to validate the whole course."""
    notebooks = list(lesson_notebooks(settings.course).values())
    if settings.quick:
        notebooks = notebooks[:QUICK_NOTEBOOKS]
    course = settings.course
    times: dict[str, list[float]] = {"serial": [], "parallel": [], "nbconvert": [], "floor": []}
    for number in range(1, settings.runs + 1):
        log(f"validation run {number}/{settings.runs}: pytest serial ({len(notebooks)} notebooks)")
        times["serial"].append(run(pytest_command(course, notebooks, 1), course)[0])
        log(f"validation run {number}/{settings.runs}: pytest -n 2 --dist loadfile")
        times["parallel"].append(run(pytest_command(course, notebooks, 2), course)[0])
        log(f"validation run {number}/{settings.runs}: jupyter nbconvert --execute")
        times["nbconvert"].append(nbconvert_seconds(notebooks, settings.work))
        log(f"validation run {number}/{settings.runs}: bare nbclient, one notebook after another")
        times["floor"].append(floor_seconds(notebooks))
    serial, parallel, nbconvert, floor = (median(times[key]) for key in ("serial", "parallel", "nbconvert", "floor"))
    cores = os.cpu_count() or 1
    what = f"{len(notebooks)} notebooks"
    headline = Figure(f"Validation, pytest --nbval-lax -n 2 --dist loadfile ({what})", parallel, "s", TARGET_SECONDS,
                      [("serial pytest", serial), ("nbconvert --execute", nbconvert)],
                      floor=(f"bare nbclient executions / {cores} cores", floor))
    headline.reason = (f"executing the notebooks is most of it: the floor (bare execution / {cores} cores) is "
                       f"{floor:.0f} s, and pytest and nbval add a kernel start per notebook")
    if parallel >= serial:
        headline.reason += (f"; 2 workers were no faster than 1 ({serial:.0f} s): the {cores} cores were likely busy "
                            "with other work during the run")
    headline.samples = times["parallel"]
    return Section("Whole-course validation", [
        headline,
        Figure(f"Validation, pytest --nbval-lax serial ({what})", serial, "s",
               compared=[("nbconvert --execute", nbconvert)], samples=times["serial"]),
        Figure(f"jupyter nbconvert --to notebook --execute, one command ({what})", nbconvert, "s",
               samples=times["nbconvert"]),
        Figure(f"Floor: sum of bare nbclient executions / {cores} cores", floor, "s", samples=times["floor"]),
    ])
