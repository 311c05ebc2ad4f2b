"""Content problems as values a course author can act on: file, line, location, message."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the course content, located as precisely as we can."""

    file: str
    location: str = ""
    message: str = ""
    line: int | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.location}: {self.message}" if self.location else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentError(Exception):
    """Raised when course content is invalid; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_problem_order)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, as shown to an author."""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the course content:"
        return "\n".join([head, *(f"  {problem}" for problem in self.problems)])

    def _render_traceback_(self) -> list[str]:
        """Show the report instead of a traceback in IPython and Jupyter."""
        return self.report().splitlines()


def _problem_order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.location, problem.message)


def relative_name(path: Path, root: Path) -> str:
    """A path as an author sees it: relative to the course root when it lies inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
