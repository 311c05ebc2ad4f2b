"""A lesson cell whose content is broken says what is wrong and how to fix it, and the lesson runs on."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from markupsafe import escape

from spasmcourse.problems import ContentError, Problem

P = ParamSpec("P")
T = TypeVar("T")
_BOX = "border-left:4px solid #b00020;background:#fdf1f1;color:#1a1a1a;padding:0.5em 1em;margin:0.5em 0"


class ContentProblemView:
    """What is wrong with the content an element needs, shown in its output cell instead of a traceback."""

    def __init__(self, call: str, problems: list[Problem]) -> None:
        self.call = call
        self.problems = problems

    def heading(self) -> str:
        """One line: which element could not be shown and how many problems stopped it."""
        count = len(self.problems)
        return f"{self.call} could not be shown: {count} problem{'s' if count != 1 else ''} in the course content."

    def text(self) -> str:
        """The message as plain text, one problem a line."""
        return "\n".join([self.heading(), *(f"  {problem}" for problem in self.problems),
                          "Fix it, save the file and run this cell again; the rest of the lesson still runs."])

    def _repr_html_(self) -> str:
        items = "".join(_item_html(problem) for problem in self.problems)
        return (f'<div class="sc-content-problem" role="alert" style="{_BOX}">'
                f"<p><strong>{escape(self.heading())}</strong></p><ul>{items}</ul>"
                "<p>Fix it, save the file and run this cell again; the rest of the lesson still runs.</p></div>")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": self.text(), "text/html": self._repr_html_()}

    def __repr__(self) -> str:
        return self.text()


def shows_problems(function: Callable[P, T]) -> Callable[P, T | ContentProblemView]:
    """The element function, returning a ContentProblemView instead of raising on broken course content."""
    @functools.wraps(function)
    def element(*args: P.args, **kwargs: P.kwargs) -> T | ContentProblemView:
        try:
            return function(*args, **kwargs)
        except ContentError as error:
            shown = ", ".join([*(repr(arg) for arg in args), *(f"{key}={value!r}" for key, value in kwargs.items())])
            return ContentProblemView(f"{function.__name__}({shown})", error.problems)
    return element


def _item_html(problem: Problem) -> str:
    where = problem.file if problem.line is None else f"{problem.file}:{problem.line}"
    location = f" <code>{escape(problem.location)}</code>" if problem.location else ""
    fix = f"<br>How to fix it: {escape(problem.hint)}" if problem.hint else ""
    return f"<li><code>{escape(where)}</code>{location}: {escape(problem.message)}{fix}</li>"
