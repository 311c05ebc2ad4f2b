"""Checks on lesson notebooks, and what a notebook cites and calls."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
from nbformat.reader import NotJSONError
from nbformat.validator import NotebookValidationError

from spasmcourse.content.checks import suggestion
from spasmcourse.content.citing import cited_keys
from spasmcourse.content.course import (
    FLOWCHART_FOLDER,
    MANIFEST,
    QUIZ_FOLDER,
    REFERENCES,
    Course,
    read_course,
)
from spasmcourse.problems import Problem, relative_name

NOTEBOOK_FOLDER = "notebooks"
QUIZ_CALL = re.compile(r"\bquiz\(\s*[\"']([^\"']+)[\"']")
FLOWCHART_CALL = re.compile(r"\bflowchart\(\s*[\"']([^\"']+)[\"']")
LESSON_CALL = re.compile(r"\b(lesson_intro|lesson_references|lesson_summary)\(\s*[\"']([^\"']+)[\"']")


def check_course(root: Path) -> list[Problem]:
    """Every problem in the course: content files, notebooks, and what notebooks refer to."""
    course, problems = read_course(root)
    if course is None:
        return problems
    cited: set[str] = set()
    notebooks_readable = True
    for index in range(len(course.lessons)):
        notebook = _read_notebook(course, index)
        if isinstance(notebook, Problem):
            problems.append(notebook)
            notebooks_readable = False
            continue
        problems += _notebook_problems(course, index, notebook)
        cited |= {key for cell in notebook.cells if cell.cell_type == "markdown"
                  for key in cited_keys(cell.source)}
    problems += _orphan_notebooks(course)
    if notebooks_readable and not course.unreadable:
        problems += _unused_references(course, cited)
    return sorted(set(problems))


def _read_notebook(course: Course, index: int) -> nbformat.NotebookNode | Problem:
    lesson = course.lessons[index]
    path = course.notebook_path(lesson)
    document = course.documents[MANIFEST]
    if not path.is_file():
        return document.problem(("lessons", index, "notebook"), f"notebook '{lesson.notebook}' not found")
    name = relative_name(path, course.root)
    try:
        notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    except (NotJSONError, UnicodeDecodeError, ValueError) as error:
        return Problem(name, message=f"is not a readable notebook ({str(error).splitlines()[0][:120]})")
    try:
        nbformat.validate(notebook)
    except NotebookValidationError as error:
        return Problem(name, message=f"is not a valid notebook: {error.message[:200]}")
    if notebook.nbformat != 4 or notebook.nbformat_minor < 5:
        return Problem(name, message=f"uses notebook format {notebook.nbformat}.{notebook.nbformat_minor}",
                       hint="save it with a current JupyterLab (format 4.5 or later, with cell ids)")
    return notebook


def _notebook_problems(course: Course, index: int, notebook: nbformat.NotebookNode) -> Iterator[Problem]:
    lesson = course.lessons[index]
    name = lesson.notebook
    kernel = notebook.metadata.get("kernelspec", {}).get("name")
    if kernel != "python3":
        yield Problem(name, "metadata.kernelspec", f"kernel is {kernel!r}, not 'python3'",
                      hint="select the 'Python 3 (ipykernel)' kernel and save")
    quiz_ids = course.quiz_ids()
    calls_intro = False
    for number, cell in enumerate(notebook.cells):
        at = f"cells[{number}]"
        if cell.cell_type != "code":
            for key in cited_keys(cell.source):
                if key not in course.references and REFERENCES not in course.unreadable:
                    yield Problem(name, at, f"cites unknown reference '{key}'",
                                  hint=suggestion(key, list(course.references)) or f"add it to {REFERENCES}")
            continue
        if cell.get("outputs") or cell.get("execution_count"):
            yield Problem(name, at, "has stored outputs",
                          hint="clear all outputs before saving (Edit > Clear Outputs of All Cells)")
        for quiz_id in QUIZ_CALL.findall(cell.source):
            if quiz_id not in quiz_ids and not any(QUIZ_FOLDER in f for f in course.unreadable):
                yield Problem(name, at, f"shows unknown quiz '{quiz_id}'",
                              hint=suggestion(quiz_id, sorted(quiz_ids)) or f"add it to {QUIZ_FOLDER}/")
        chart_ids = {chart.id for chart in course.flowcharts.values()}
        for chart_id in FLOWCHART_CALL.findall(cell.source):
            if chart_id not in chart_ids and not any(FLOWCHART_FOLDER in f for f in course.unreadable):
                yield Problem(name, at, f"shows unknown flowchart '{chart_id}'",
                              hint=suggestion(chart_id, sorted(chart_ids)) or f"add it to {FLOWCHART_FOLDER}/")
        for function, lesson_id in LESSON_CALL.findall(cell.source):
            calls_intro = calls_intro or function == "lesson_intro"
            if lesson_id != lesson.id:
                yield Problem(name, at, f"{function}('{lesson_id}') names another lesson",
                              hint=f"use {function}('{lesson.id}')")
    if not calls_intro:
        yield Problem(name, message="has no lesson_intro() cell",
                      hint=f"add a code cell: lesson_intro('{lesson.id}') (objectives and safety note)")


def _orphan_notebooks(course: Course) -> Iterator[Problem]:
    listed = {course.notebook_path(lesson).resolve() for lesson in course.lessons}
    for path in sorted((course.root / NOTEBOOK_FOLDER).glob("*.ipynb")):
        if path.resolve() not in listed:
            yield Problem(relative_name(path, course.root), message=f"is not listed in {MANIFEST}",
                          hint="add it as a lesson or move it out of notebooks/")


def _unused_references(course: Course, cited: set[str]) -> Iterator[Problem]:
    used = cited | {question.reference for file in course.quiz_files.values()
                    for quiz in file.quizzes for question in quiz.questions}
    used |= {key for chart in course.flowcharts.values() for outcome in chart.outcomes
             for key in outcome.references}
    document = course.documents[REFERENCES]
    for index, key in enumerate(course.references):
        if key not in used:
            yield document.problem(("references", index, "key"), f"reference '{key}' is never cited",
                                   "cite it in a lesson or a quiz, or remove it")
