"""Notebooks in use: the save hook, the clean copy, working copy versus commit, the generated start cell."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import yaml

from conftest import git_commit
from spasmcourse.cli import main
from spasmcourse.content import load_course
from spasmcourse.content.rules import check_course
from spasmcourse.content.start_cell import START_ID, start_source
from spasmcourse.lab.clean import LANGUAGE_INFO, clean_notebook, is_teacher_notes
from spasmcourse.lab.save_hook import is_course_notebook, pre_save_hook

LESSON = "02-back-spasms"


class Manager:
    """The one attribute of a Jupyter contents manager the hook reads."""

    def __init__(self, root: Path) -> None:
        self.root_dir = str(root)


def session(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """`notebook` as JupyterLab saves it after Run All, a learner's edit and a peek at the notes."""
    ran = copy.deepcopy(notebook)
    for number, cell in enumerate(ran.cells):
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output("display_data", data={"text/plain": "x"})]
            cell.execution_count = number
            cell.metadata["execution"] = {"iopub.status.idle": "2026-12-04T20:00:00Z"}
            cell.metadata["scrolled"] = True
        if is_teacher_notes(cell):
            cell.metadata["jupyter"] = {"source_hidden": False}
    ran.cells.insert(2, nbformat.v4.new_code_cell("# my own note"))
    ran.metadata["language_info"] = {**LANGUAGE_INFO, "version": "3.12.7"}
    ran.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return ran


def lesson_path(root: Path) -> Path:
    return root / "notebooks" / f"{LESSON}.ipynb"


def test_the_save_hook_keeps_the_learners_edit_and_nothing_of_the_session(course_copy: Path) -> None:
    committed = nbformat.read(lesson_path(course_copy), as_version=4)
    model = {"type": "notebook", "content": session(committed)}
    pre_save_hook(model=model, path=f"notebooks/{LESSON}.ipynb", contents_manager=Manager(course_copy))
    saved = model["content"]
    [added] = [cell for cell in saved.cells if cell.id not in {c.id for c in committed.cells}]
    assert (added.source, added.outputs, added.execution_count) == ("# my own note", [], None)
    saved.cells.remove(added)
    assert saved == committed


def test_the_save_hook_leaves_other_files_alone(course_copy: Path) -> None:
    stray = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=1)])
    nbformat.write(stray, course_copy / "mine.ipynb")
    model = {"type": "notebook", "content": copy.deepcopy(stray)}
    pre_save_hook(model=model, path="mine.ipynb", contents_manager=Manager(course_copy))
    assert model["content"] == stray
    text = {"type": "file", "content": "hello"}
    pre_save_hook(model=text, path="notes.txt", contents_manager=Manager(course_copy))
    assert text == {"type": "file", "content": "hello"}
    assert is_course_notebook(lesson_path(course_copy)) and not is_course_notebook(course_copy / "mine.ipynb")


def test_every_committed_notebook_is_already_clean() -> None:
    course = load_course(Path(__file__).resolve().parents[1])
    for lesson in course.lessons:
        notebook = nbformat.read(course.notebook_path(lesson), as_version=4)
        assert clean_notebook(copy.deepcopy(notebook)) == notebook, lesson.notebook


def test_outputs_in_a_working_copy_are_a_note_and_in_a_commit_an_error(course_copy: Path, capsys) -> None:
    git_commit(course_copy)
    nbformat.write(session(nbformat.read(lesson_path(course_copy), as_version=4)), lesson_path(course_copy))
    assert check_course(course_copy) == []
    assert main(["--root", str(course_copy), "check"]) == 0
    said = capsys.readouterr().out
    assert f"Note: notebooks/{LESSON}.ipynb: holds outputs in" in said and "a learner's working copy" in said
    git_commit(course_copy)
    problems = [str(problem) for problem in check_course(course_copy)]
    assert problems and all(p.startswith(f"notebooks/{LESSON}.ipynb: cells[") for p in problems)
    outputs = [p for p in problems if "was committed with outputs or an execution count (run `spasmcourse check" in p]
    notes = [p for p in problems if "teacher's notes would show to a learner in JupyterLab" in p]
    assert outputs and notes and len(outputs) + len(notes) == len(problems)
    assert main(["--root", str(course_copy), "check", "--fix"]) == 0
    assert check_course(course_copy) == []


def test_the_start_cell_follows_lessons_yml_and_fix_regenerates_it(course_copy: Path) -> None:
    manifest = course_copy / "lessons.yml"
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    data["lessons"][2]["objectives"][0] = "Say what a back spasm feels like"
    manifest.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    [problem] = [str(p) for p in check_course(course_copy)]
    assert problem == (f"notebooks/{LESSON}.ipynb: cells[0]: the start cell is out of step with lessons.yml "
                       f"(lesson '{LESSON}'): it is generated, so edit lessons.yml, not the cell "
                       "(run `spasmcourse check --fix` to regenerate it)")
    ids = [cell.id for cell in nbformat.read(lesson_path(course_copy), as_version=4).cells]
    assert main(["--root", str(course_copy), "check", "--fix"]) == 0
    fixed = nbformat.read(lesson_path(course_copy), as_version=4)
    assert [cell.id for cell in fixed.cells] == ids
    assert "- Say what a back spasm feels like" in fixed.cells[0].source
    assert fixed.cells[0].source == start_source(load_course(course_copy), load_course(course_copy).lesson(LESSON))


def test_a_missing_start_cell_or_committed_open_notes_are_located_and_fixed(course_copy: Path) -> None:
    notebook = nbformat.read(lesson_path(course_copy), as_version=4)
    assert notebook.cells[0].id == START_ID and notebook.cells[0].cell_type == "markdown"
    start = notebook.cells.pop(0)
    number = next(n for n, cell in enumerate(notebook.cells) if is_teacher_notes(cell))
    del notebook.cells[number].metadata["jupyter"]
    nbformat.write(notebook, lesson_path(course_copy))
    git_commit(course_copy)
    found = [str(p) for p in check_course(course_copy)]
    assert f"notebooks/{LESSON}.ipynb: cells[0]: does not open with the start cell generated from lessons.yml " \
           "(how to start, objectives, not-medical-advice note) (run `spasmcourse check --fix` to add it)" in found
    assert any(p.startswith(f"notebooks/{LESSON}.ipynb: cells[{number}]: teacher's notes would show to a learner")
               for p in found)
    assert main(["--root", str(course_copy), "check", "--fix"]) == 0
    fixed = nbformat.read(lesson_path(course_copy), as_version=4)
    assert fixed.cells[0] == start
    assert fixed.cells[number + 1].metadata["jupyter"] == {"source_hidden": True}


def test_the_start_cell_says_how_to_start_and_holds_the_safety_note() -> None:
    course = load_course(Path(__file__).resolve().parents[1])
    for lesson in course.lessons:
        text = start_source(course, lesson)
        assert text.startswith("**How to start:** choose **Run > Run All Cells**")
        assert all(f"- {objective}" in text for objective in lesson.objectives)
        assert "not medical advice" in text.lower()
        assert "call your local emergency number (for example 911, 999 or 112) or go to an emergency department" in text


def test_saved_outputs_do_not_change_the_build_key_but_edits_do(course_copy: Path) -> None:
    from spasmcourse.publish.cache import lesson_key

    def key() -> str:
        course = load_course(course_copy)
        return lesson_key(course, course.lesson(LESSON), "en")

    clean = key()
    committed = nbformat.read(lesson_path(course_copy), as_version=4)
    ran = session(committed)
    ran.cells = [cell for cell in ran.cells if cell.source != "# my own note"]
    nbformat.write(ran, lesson_path(course_copy))
    assert key() == clean
    nbformat.write(session(committed), lesson_path(course_copy))
    assert key() != clean
