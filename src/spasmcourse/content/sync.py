"""`spasmcourse check --fix`: regenerate each lesson's start cell and save its notebook clean."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import nbformat

from spasmcourse.content.course import Course
from spasmcourse.content.models import Lesson
from spasmcourse.content.start_cell import is_start_cell, start_cell
from spasmcourse.content.working_copy import session_note
from spasmcourse.lab.clean import clean_notebook
from spasmcourse.problems import relative_name


def _readable_notebooks(course: Course) -> Iterator[tuple[Lesson, Path, nbformat.NotebookNode]]:
    """Each lesson with its notebook's path and content, leaving out notebooks that cannot be read."""
    for lesson in course.lessons:
        path = course.notebook_path(lesson)
        try:
            yield lesson, path, nbformat.read(path, as_version=nbformat.NO_CONVERT)
        except (OSError, ValueError):
            continue


def fix_notebooks(course: Course) -> list[str]:
    """Bring every readable lesson notebook in step; returns one line per notebook changed."""
    changed = []
    for lesson, path, notebook in _readable_notebooks(course):
        before = copy.deepcopy(notebook)
        fresh = start_cell(course, lesson)
        kept = [cell for cell in notebook.cells if not is_start_cell(cell)]
        old = next((cell for cell in notebook.cells if is_start_cell(cell)), None)
        if old is not None and old.cell_type == fresh.cell_type:
            old.source, old.metadata = fresh.source, fresh.metadata
            fresh = old
        notebook.cells = [fresh, *kept]
        clean_notebook(notebook)
        if notebook != before:
            nbformat.write(notebook, path)
            changed.append(f"{relative_name(path, course.root)}: start cell regenerated, saved clean")
    return changed


def working_copy_notes(course: Course) -> list[str]:
    """Notes on notebooks that carry state from a JupyterLab session (not problems)."""
    notes = []
    for _, path, notebook in _readable_notebooks(course):
        note = session_note(relative_name(path, course.root), notebook)
        if note:
            notes.append(note)
    return notes
