"""The spasmcourse command as a user runs it: exit codes, messages on stderr, never a traceback."""


import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from markupsafe import escape

from spasmcourse.content import load_course
from spasmcourse.content.assessment_questions import quizzes_shown

COMMAND = str(Path(sys.executable).parent / "spasmcourse")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_check_passes_on_the_course(course_copy: Path) -> None:
    result = run("check", cwd=course_copy / "notebooks")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Course OK: ")
    assert "lessons" in result.stdout and "questions" in result.stdout


@pytest.mark.parametrize(("broken", "expected"), [
    ("title: Course\nlessons:\n  - id: 00-start-here\n    titel: Start\n",
     ["lessons.yml:4: lessons[0].titel: unknown field 'titel' (did you mean 'title'?)",
      "lessons[0]: the field 'notebook' is required"]),
    ("title: Course\nlessons:\n\t- id: x\n", ["lessons.yml:3: YAML syntax error"]),
    ("\x00\x01\x02binary", ["lessons.yml: is not a text file"]),
    ("- just\n- a list\n", ["lessons.yml:1: should be a mapping (key: value lines), not a list"]),
])
def test_broken_manifest_names_file_and_field(course_copy: Path, broken: str,
                                              expected: list[str]) -> None:
    (course_copy / "lessons.yml").write_text(broken)
    result = run("check", cwd=course_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for text in expected:
        assert text in result.stderr
    assert result.stdout == ""


def test_root_option_and_missing_course(tmp_path: Path, course_copy: Path) -> None:
    assert run("--root", str(course_copy), "check", cwd=tmp_path).returncode == 0
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "lessons.yml: not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_refuses_a_broken_course(course_copy: Path) -> None:
    (course_copy / "assets" / "references.yml").write_text("references: []\n")
    result = run("build", cwd=course_copy)
    assert result.returncode == 1
    assert "assets/references.yml:1: references: needs at least 1 item, found 0" in result.stderr
    assert not (course_copy / "_build").exists()


def test_build_reports_a_failing_cell(course_copy: Path) -> None:
    path = course_copy / "notebooks" / "00-start-here.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("1 / 0"))
    nbformat.write(notebook, path)
    result = run("build", "--only", "html", cwd=course_copy)
    assert result.returncode == 2
    assert "Build failed: notebooks/00-start-here.ipynb: a cell raised ZeroDivisionError" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_writes_pages_and_says_where(course_copy: Path) -> None:
    course = load_course(course_copy)
    lessons = [lesson.id for lesson in course.lessons]
    site = ["index.html", "glossary.html", "references.html", "search.html",
            *(f"flowchart-{chart.id}.html" for chart in course.flowcharts.values())]
    result = run("build", "--only", "html", "--out", str(course_copy / "out"), cwd=course_copy)
    assert result.returncode == 0, result.stderr
    assert f"[1/{len(lessons)}] {lessons[0]} built" in result.stderr
    assert f"Built {len(lessons) + len(site)} pages and 0 slide decks" in result.stdout
    assert f"Pages:  {course_copy / 'out' / 'html' / 'index.html'}" in result.stdout
    assert sorted(p.name for p in (course_copy / "out" / "html").iterdir()) == sorted(
        [*(f"{lesson}.html" for lesson in lessons), *site, "search-index.js"])
    assert sorted(p.name for p in (course_copy / "out").iterdir()) == [".cache", "assets", "html"]


def test_answer_key_lists_every_question_with_its_answer(course_copy: Path) -> None:
    result = run("answer-key", "--out", str(course_copy / "key"), cwd=course_copy)
    assert result.returncode == 0, result.stderr
    course = load_course(course_copy)
    for lesson in course.lessons:
        page = (course_copy / "key" / f"{lesson.id}.html").read_text()
        for quiz in quizzes_shown(course, lesson.id, "Final course assessment"):
            for question in quiz.questions:
                assert str(escape(question.prompt)) in page
                assert str(escape(question.explanation)) in page
    assert "Answer keys by lesson" in (course_copy / "key" / "index.html").read_text()


def test_stats_prints_each_flowchart_with_its_vignette_triage() -> None:
    repo = Path(__file__).resolve().parents[1]
    result = run("stats", cwd=repo)
    assert result.returncode == 0, result.stderr
    course = load_course(repo)
    table = result.stdout.split("Flowchart", 1)[1]
    assert "Findings asked" in table and "Over-triage" in table
    for chart in course.flowcharts.values():
        row = next(line for line in table.splitlines() if line.startswith(chart.id)).split()
        region = [f for f in course.findings.values() if chart.region in f.regions and f.level != "self-care"]
        assert row[1:4] == [chart.region, str(len(chart.questions)), str(len(chart.outcomes))]
        assert row[5] == f"{len(region)}/{len(region)}"
    assert " 0 under-triaged" in result.stdout
