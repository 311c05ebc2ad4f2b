"""Content problems as values a course author can act on: file, line, location, message."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

MAX_PER_FILE = 50
MAX_MESSAGE = 400


def shorten(text: str, limit: int = 60) -> str:
    """`text` cut to about `limit` characters, saying how long it was, so a huge value is never echoed whole."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the course content, located as precisely as we can."""

    file: str
    location: str = ""
    message: str = ""
    line: int | None = None
    hint: str = ""

    def __post_init__(self) -> None:
        for name in ("file", "location", "message", "hint"):
            object.__setattr__(self, name, shorten(getattr(self, name), MAX_MESSAGE))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.location}: {self.message}" if self.location else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentError(Exception):
    """Raised when course content is invalid; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = _at_most_per_file(sorted(set(problems), key=_problem_order))
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


def _at_most_per_file(problems: list[Problem]) -> list[Problem]:
    """The first MAX_PER_FILE problems of each file (problems come sorted by file), then one line counting the rest."""
    kept: list[Problem] = []
    for file, group in groupby(problems, key=lambda problem: problem.file):
        listed = list(group)
        kept += listed[:MAX_PER_FILE]
        if len(listed) > MAX_PER_FILE:
            kept.append(Problem(file, message=f"and {len(listed) - MAX_PER_FILE} more problems in this file",
                                hint="fix the ones above, then check again to see the rest"))
    return kept


def relative_name(path: Path, root: Path) -> str:
    """A path as an author sees it: relative to the course root when it lies inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, RuntimeError, OSError):
        pass
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def resolved(path: Path) -> Path:
    """`path` with links followed, or only made absolute where a link loops."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def leaves(path: Path, folder: Path) -> bool:
    """Whether `path`, links followed, lies outside `folder` or cannot be followed (a link loop)."""
    try:
        return not path.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
    except (RuntimeError, OSError):
        return path.is_symlink()
