"""A broken or missing content file shows a clear message in the lesson cell, and the rest of the lesson runs."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import spasmcourse
from spasmcourse.elements.failure import ContentProblemView

ELEMENTS = [name for name in spasmcourse.__all__ if callable(getattr(spasmcourse, name))]


def break_quiz_file(root: Path) -> None:
    path = root / "assets" / "quizzes" / "01-what-is-a-spasm.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("quizzes:", "quizzes: [", 1), encoding="utf-8")


def remove_a_figure_file(root: Path) -> None:
    (root / "assets" / "figures" / "motor-unit.svg").unlink()


def leave_intact(root: Path) -> None:
    del root


def run_cells(root: Path, sources: list[str]) -> list[nbformat.NotebookNode]:
    """Execute a small notebook in the course's notebooks folder; return its code cells."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(root / "notebooks")}}).execute()
    return notebook.cells


def shown_text(cell: nbformat.NotebookNode) -> str:
    """Everything a cell showed: display data in every format, streams and errors."""
    parts = []
    for output in cell.outputs:
        parts += [str(value) for value in output.get("data", {}).values()]
        parts += [output.get("text", ""), output.get("ename", ""), "\n".join(output.get("traceback", []))]
    return "\n".join(parts)


@pytest.mark.parametrize(("breaking", "call", "expected"), [
    (break_quiz_file, 'quiz("spasm-types")',
     ["assets/quizzes/01-what-is-a-spasm.yml:", "YAML syntax error", "How to fix it:"]),
    (leave_intact, 'quiz("no-such-quiz")',
     ["assets/quizzes", "no quiz &#39;no-such-quiz&#39;", "use one of:", "warm-up"]),
    (leave_intact, 'figure("no-such-figure")', ["assets/figures/figures.yml", "no figure &#39;no-such-figure&#39;"]),
    (remove_a_figure_file, 'figure("motor-unit")',
     ["assets/figures/figures.yml:", "figure file &#39;motor-unit.svg&#39; not found in assets/figures/"]),
], ids=["quiz-file-with-a-syntax-error", "no-such-quiz", "no-such-figure", "figure-file-missing"])
def test_the_cell_says_what_is_wrong_and_the_lesson_runs_on(course_copy: Path, breaking: Callable[[Path], None],
                                                            call: str, expected: list[str]) -> None:
    breaking(course_copy)
    first, broken, later = run_cells(course_copy, ["from spasmcourse import figure, quiz", call,
                                                   'print("the lesson ran on")'])
    assert first.outputs == []
    assert [output.output_type for output in broken.outputs] == ["execute_result"]
    html = broken.outputs[0].data["text/html"]
    assert "could not be shown" in html and "run this cell again" in html
    for fragment in expected:
        assert fragment in html, html
    assert "could not be shown" in broken.outputs[0].data["text/plain"]
    assert "Traceback" not in shown_text(broken)
    assert later.outputs[0].text == "the lesson ran on\n"


@pytest.mark.parametrize("name", ELEMENTS)
def test_every_element_shows_problems_instead_of_raising(course_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                                         name: str) -> None:
    (course_copy / "lessons.yml").write_text("title: Course\nlessons: not a list\n", encoding="utf-8")
    monkeypatch.setenv("SPASMCOURSE_ROOT", str(course_copy))
    function = getattr(spasmcourse, name)
    arguments = ["no-such-id"] * len(inspect.signature(function).parameters)
    shown = function(*arguments)
    assert isinstance(shown, ContentProblemView)
    assert "lessons.yml:2: lessons: should be a list" in shown.text()
    assert "lessons.yml:2" in shown._repr_mimebundle_()["text/html"]


def test_the_message_is_escaped(course_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPASMCOURSE_ROOT", str(course_copy))
    html = spasmcourse.quiz('<img src=x onerror="alert(1)">')._repr_html_()
    assert "<img" not in html and "&lt;img src=x" in html
