"""The first cell of every lesson, generated from lessons.yml: how to start, objectives, safety note.

It is Markdown, so JupyterLab shows it before anything runs. Exports drop it (tag
`remove-cell`): pages and slides show the same facts through lesson_intro().
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import nbformat

from spasmcourse.content.course import MANIFEST, Course
from spasmcourse.content.models import Lesson
from spasmcourse.content.notebook_text import START_ID
from spasmcourse.i18n import catalogue
from spasmcourse.problems import Problem

LAB_ONLY_TAG = "remove-cell"
FIX = "spasmcourse check --fix"
HOW_TO_START = (
    "**How to start:** choose **Run > Run All Cells** in the menu bar at the top. The quizzes, "
    "diagrams and other activities below then come to life, and when every cell has run you are "
    "brought back here to the top. Until then, each quiz or activity shows only as a grey line of code.")


def as_text(value: str) -> str:
    """Lesson text shown as itself in Markdown: no HTML, links or emphasis can come from lessons.yml."""
    return re.sub(r"([\\`*_\[\]|~#])", r"\\\1", html.escape(value, quote=False))


def start_source(course: Course, lesson: Lesson) -> str:
    """The Markdown of a lesson's start cell."""
    words = catalogue(course.manifest.language)
    known = {other.id: as_text(other.title) for other in course.lessons}
    before = [known[required] for required in lesson.requires if required in known]
    holds = f"**In this lesson** (about {lesson.minutes} minutes"
    holds += f"; take *{'*, *'.join(before)}* first" if before else ""
    holds += "), you will learn to:"
    objectives = "\n".join(f"- {as_text(objective)}" for objective in lesson.objectives)
    safety = (f"> **{words['safety_title']}** {words['safety_text']}\n>\n"
              f"> **{words['urgent_title']}** {words['urgent_text']}")
    return f"{HOW_TO_START}\n\n{holds}\n\n{objectives}\n\n{safety}"


def start_cell(course: Course, lesson: Lesson) -> nbformat.NotebookNode:
    """A fresh start cell for `lesson`."""
    cell = nbformat.v4.new_markdown_cell(start_source(course, lesson))
    cell.id = START_ID
    cell.metadata = {"slideshow": {"slide_type": "skip"}, "tags": [LAB_ONLY_TAG], "editable": False}
    return cell


def is_start_cell(cell: dict[str, Any]) -> bool:
    """Whether a cell is the generated start cell."""
    return cell.get("id") == START_ID


def start_cell_problems(course: Course, lesson: Lesson, notebook: nbformat.NotebookNode,
                        compare: bool = True) -> Iterator[Problem]:
    """Where the start cell is missing, misplaced or (when `compare`) out of step with lessons.yml."""
    name = lesson.notebook
    found = [number for number, cell in enumerate(notebook.cells) if is_start_cell(cell)]
    if not found or found[0] != 0:
        yield Problem(name, "cells[0]", "does not open with the start cell generated from "
                      f"{MANIFEST} (how to start, objectives, not-medical-advice note)", hint=f"run `{FIX}` to add it")
    for number in found[1:] if found and found[0] == 0 else found:
        yield Problem(name, f"cells[{number}]", "holds a start cell that is not the first cell",
                      hint=f"run `{FIX}` to move it to the top")
    if compare and found and notebook.cells[found[0]].source != start_source(course, lesson):
        yield Problem(name, f"cells[{found[0]}]", f"the start cell is out of step with {MANIFEST} "
                      f"(lesson '{lesson.id}'): it is generated, so edit {MANIFEST}, not the cell",
                      hint=f"run `{FIX}` to regenerate it")
