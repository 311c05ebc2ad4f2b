"""Checks on lesson notebooks, and what a notebook cites and calls."""

from __future__ import annotations

import re
from collections.abc import Iterator

import nbformat

from spasmcourse.content.course import FINDINGS, GLOSSARY, MANIFEST, REFERENCES, Course
from spasmcourse.content.notebook_file import read_notebook
from spasmcourse.content.notebook_text import cited_keys
from spasmcourse.content.rules.markdown_safety import active_content
from spasmcourse.content.rules.references import unused_references
from spasmcourse.content.start_cell import FIX, start_cell_problems
from spasmcourse.content.suggest import suggestion
from spasmcourse.content.working_copy import committed_notebook, open_notes_cells, stored_output_cells
from spasmcourse.problems import ContentError, Problem, leaves, relative_name, resolved

NOTEBOOK_FOLDER = "notebooks"
TERM_LINK = re.compile(r"\]\(#term-([a-z0-9-]+)\)")
KEY_POINTS = re.compile(r"^#{2,3}\s+key points\s*$", re.I | re.M)
LESSON_CALL = re.compile(
    r"\b(lesson_intro|lesson_references|lesson_summary|flashcards|warning_signs)\(\s*[\"']([^\"']+)[\"']")
ELEMENT_CALL = re.compile(r"\b(quiz|flowchart|figure|explorer|slider_chart|case_study)\(\s*[\"']([^\"']+)[\"']")
ASSESSMENT_CALL = re.compile(r"\bfinal_assessment\(")
INTERACTIVE = ("flowchart", "explorer", "slider_chart", "case_study")
MINIMUM_QUESTIONS = 8
MINIMUM_TYPES = 3
MINIMUM_REFERENCES = 4


def notebook_problems(course: Course, manifest_sound: bool) -> list[Problem]:
    """Every problem in the lesson notebooks and in what they refer to, and references nobody cites.

    A start cell is compared with lessons.yml only when lessons.yml itself is sound.
    """
    problems: list[Problem] = []
    cited: set[str] = set()
    notebooks_readable = True
    for index in range(len(course.lessons)):
        notebook = _read_notebook(course, index)
        if isinstance(notebook, list):
            problems += notebook
            notebooks_readable = False
            continue
        problems += _notebook_problems(course, index, notebook, manifest_sound)
        cited |= {key for cell in notebook.cells if cell.cell_type == "markdown"
                  for key in cited_keys(cell.source)}
    problems += _orphan_notebooks(course)
    if notebooks_readable and not course.unreadable:
        problems += unused_references(course, cited)
    return problems


def _read_notebook(course: Course, index: int) -> nbformat.NotebookNode | list[Problem]:
    lesson = course.lessons[index]
    path = course.notebook_path(lesson)
    if leaves(path, course.root):
        return [course.documents[MANIFEST].problem(("lessons", index, "notebook"),
                                                   f"notebook '{lesson.notebook}' is a link that leads outside the "
                                                   "course folder, to itself or nowhere",
                                                   "keep lesson notebooks in notebooks/, as files, not links")]
    if not path.is_file():
        return [course.documents[MANIFEST].problem(("lessons", index, "notebook"),
                                                   f"notebook '{lesson.notebook}' not found",
                                                   "create it, or correct the path in this line")]
    try:
        return read_notebook(path, relative_name(path, course.root))
    except ContentError as error:
        return error.problems


def _element_ids(course: Course) -> dict[str, set[str]]:
    return {"quiz": course.quiz_ids(), "flowchart": {c.id for c in course.flowcharts.values()},
            "figure": set(course.figures), "explorer": {e.id for e in course.explorers.values()},
            "slider_chart": {c.id for c in course.charts.values()},
            "case_study": {c.id for c in course.cases.values()}}


def _notebook_problems(course: Course, index: int, notebook: nbformat.NotebookNode,
                       manifest_sound: bool = True) -> Iterator[Problem]:
    lesson = course.lessons[index]
    name = lesson.notebook
    kernel = notebook.metadata.get("kernelspec", {}).get("name")
    if kernel != "python3":
        said = f"kernel is {kernel!r}, not 'python3'" if kernel else "has no kernelspec (no kernel is chosen)"
        yield Problem(name, "metadata.kernelspec", said, hint="select the 'Python 3 (ipykernel)' kernel and save")
    yield from start_cell_problems(course, lesson, notebook, compare=manifest_sound)
    yield from _stored_outputs(course, lesson, notebook)
    known = _element_ids(course)
    calls: set[str] = set()
    elements: set[str] = set()
    markdown = ""
    for number, cell in enumerate(notebook.cells):
        at = f"cells[{number}]"
        if cell.cell_type != "code":
            markdown += cell.source + "\n"
            yield from _markdown_problems(course, name, at, cell.source)
            continue
        for kind, element_id in ELEMENT_CALL.findall(cell.source):
            elements.add(kind)
            if element_id not in known[kind] and not course.unreadable:
                yield Problem(name, at, f"shows unknown {kind.replace('_', ' ')} '{element_id}'",
                              hint=suggestion(element_id, sorted(known[kind]))
                              or f"use one of: {', '.join(sorted(known[kind])) or 'none yet'}")
        if ASSESSMENT_CALL.search(cell.source):
            calls.add("final_assessment")
        for function, lesson_id in LESSON_CALL.findall(cell.source):
            calls.add(function)
            if lesson_id != lesson.id:
                yield Problem(name, at, f"{function}('{lesson_id}') names another lesson",
                              hint=f"use {function}('{lesson.id}')")
    if "lesson_intro" not in calls:
        yield Problem(name, message="has no lesson_intro() cell",
                      hint=f"add a code cell lesson_intro('{lesson.id}') for the objectives and safety note")
    listed = bool(course.lesson_findings(lesson.id))
    if listed and "warning_signs" not in calls:
        yield Problem(name, message="lists warning signs in assets/triage/findings.yml but shows none",
                      hint=f"add a code cell warning_signs('{lesson.id}') where the lesson talks about getting help")
    if "warning_signs" in calls and not listed and FINDINGS not in course.unreadable:
        yield Problem(name, message="shows warning_signs() but no finding lists this lesson",
                      hint=f"add '{lesson.id}' to the lessons of the findings it should show in {FINDINGS}")
    if not lesson.orientation:
        yield from _lesson_standard(course, lesson, markdown, calls, elements)


def _stored_outputs(course: Course, lesson, notebook: nbformat.NotebookNode) -> Iterator[Problem]:
    """Outputs and open teacher's notes are errors only where they were committed (content/working_copy.py)."""
    if not stored_output_cells(notebook) and not open_notes_cells(notebook):
        return
    committed = committed_notebook(course.root, course.notebook_path(lesson))
    if committed is None:
        return
    for number in stored_output_cells(committed):
        yield Problem(lesson.notebook, f"cells[{number}]", "was committed with outputs or an execution count",
                      hint=f"run `{FIX}` (or Edit > Clear Outputs of All Cells and save), then commit")
    for number in open_notes_cells(committed):
        yield Problem(lesson.notebook, f"cells[{number}]", "teacher's notes would show to a learner in JupyterLab",
                      hint=f"collapse them (cell metadata jupyter.source_hidden: true): run `{FIX}`, then commit")


def _markdown_problems(course: Course, name: str, at: str, source: str) -> Iterator[Problem]:
    for line, what in active_content(source):
        yield Problem(name, at, f"line {line} of this Markdown cell has {what}",
                      hint="remove it, or put it in `backticks` to show it as code")
    for key in cited_keys(source):
        if key not in course.references and REFERENCES not in course.unreadable:
            yield Problem(name, at, f"cites unknown reference '{key}'",
                          hint=suggestion(key, list(course.references)) or f"add it to {REFERENCES}")
    for term in TERM_LINK.findall(source):
        if term not in course.glossary and GLOSSARY not in course.unreadable:
            yield Problem(name, at, f"marks '{term}' as a glossary term, but it is not in {GLOSSARY}",
                          hint=suggestion(term, list(course.glossary)) or f"define it in {GLOSSARY}")


def _lesson_standard(course: Course, lesson, markdown: str, calls: set[str], elements: set[str]) -> Iterator[Problem]:
    """What every content lesson carries (lessons marked orientation: true are exempt)."""
    name = lesson.notebook
    questions = [q for quiz in course.lesson_quizzes(lesson.id) for q in quiz.questions]
    types = {question.type for question in questions}
    cited = set(cited_keys(markdown)) | {question.reference for question in questions}
    wanted = [
        (KEY_POINTS.search(markdown), "has no '## Key points' section", "end the lesson with its key points"),
        ("final_assessment" in calls or (len(questions) >= MINIMUM_QUESTIONS and len(types) >= MINIMUM_TYPES),
         f"its quizzes have {len(questions)} questions of {len(types)} types",
         f"a lesson needs at least {MINIMUM_QUESTIONS} questions of {MINIMUM_TYPES} types"),
        (len(cited) >= MINIMUM_REFERENCES, f"cites {len(cited)} references",
         f"a lesson rests on at least {MINIMUM_REFERENCES} sources"),
        ("figure" in elements, "shows no figure", "add a figure('id') cell with a figure from assets/figures"),
        (elements & set(INTERACTIVE), "has no interactive element besides quizzes",
         "add a flowchart, explorer or slider_chart cell"),
        (TERM_LINK.search(markdown), "marks no glossary terms", "mark terms as [term](#term-id)"),
        ("flashcards" in calls, "has no flashcards cell", f"add flashcards('{lesson.id}')"),
    ]
    for ok, message, hint in wanted:
        if not ok:
            yield Problem(name, message=message, hint=hint)


def _orphan_notebooks(course: Course) -> Iterator[Problem]:
    listed = {resolved(course.notebook_path(lesson)) for lesson in course.lessons}
    for path in sorted((course.root / NOTEBOOK_FOLDER).glob("*.ipynb")):
        if resolved(path) not in listed:
            yield Problem(relative_name(path, course.root), message=f"is not listed in {MANIFEST}",
                          hint="add it as a lesson or move it out of notebooks/")
