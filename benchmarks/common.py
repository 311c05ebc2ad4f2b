"""Shared pieces of the benchmark: the scratch course, settings, figures, timing and subprocesses."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COURSE_PARTS = ("lessons.yml", "assets", "notebooks")
KB = 1024
_STARTED = time.perf_counter()


class BenchError(Exception):
    """A measurement could not be taken; the message says what failed."""


@dataclass(frozen=True)
class Settings:
    """How much to measure and where the scratch files go."""

    runs: int
    quick: bool
    work: Path

    @property
    def repeats(self) -> int:
        """How many page loads or fresh interpreters a cheap figure is the median of."""
        return 2 if self.quick else 5 * self.runs

    @property
    def course(self) -> Path:
        """The scratch copy of the course."""
        return self.work / "course"

    @property
    def out(self) -> Path:
        """The build folder inside the scratch copy."""
        return self.course / "_build"


@dataclass
class Figure:
    """One measured figure, with its target (an upper limit) and the peers it is compared with."""

    name: str
    value: float
    unit: str
    target: float | None = None
    compared: list[tuple[str, float]] = field(default_factory=list)
    reason: str = ""
    note: str = ""
    samples: list[float] = field(default_factory=list)
    floor: tuple[str, float] | None = None

    @property
    def met(self) -> bool | None:
        """Whether the target is met (None when there is none)."""
        return None if self.target is None else self.value <= self.target


@dataclass
class Section:
    """The figures of one part of the benchmark, and any detail tables (Markdown) behind them."""

    title: str
    figures: list[Figure] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


def log(message: str) -> None:
    """Print a progress line with the time since the benchmark started."""
    print(f"[{time.perf_counter() - _STARTED:6.0f} s] {message}", flush=True)


def median(values: Sequence[float]) -> float:
    """The median of the values."""
    return statistics.median(values)


def run(command: Sequence[str | Path], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run a command to completion; returns its wall time in seconds and its output (stdout then stderr)."""
    started = time.perf_counter()
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    if done.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-15:])
        raise BenchError(f"{Path(str(command[0])).name} {' '.join(map(str, command[1:4]))}... "
                         f"exited with {done.returncode}:\n{tail}")
    return seconds, output


def copy_course(target: Path) -> Path:
    """Copy the course content (not the code) to `target`, as tests/conftest.py does, and return it."""
    target.mkdir(parents=True, exist_ok=True)
    for part in COURSE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            shutil.copy2(source, target / part)
    return target


def lesson_notebooks(course: Path) -> dict[str, Path]:
    """Lesson id to notebook path, in course order, from lessons.yml."""
    manifest = yaml.safe_load((course / "lessons.yml").read_text(encoding="utf-8"))
    return {lesson["id"]: course / lesson["notebook"] for lesson in manifest["lessons"]}


def kilobytes(size: int) -> float:
    """Bytes as KB (1 KB = 1,024 bytes)."""
    return size / KB
