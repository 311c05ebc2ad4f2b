"""The incremental build: an unchanged lesson is not executed again; a changed one, and only it, is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spasmcourse.content import load_course
from spasmcourse.publish import pipeline
from spasmcourse.publish.cache import BuildCache, lesson_inputs


@pytest.fixture
def executions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The notebooks the build executes, in order."""
    executed: list[str] = []
    real = pipeline.execute_notebook

    def counting(path: Path, name: str):
        executed.append(path.stem)
        return real(path, name)
    monkeypatch.setattr(pipeline, "execute_notebook", counting)
    return executed


def edit_markdown(notebook: Path, old: str, new: str) -> None:
    data = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        if cell["cell_type"] == "markdown" and old in "".join(cell["source"]):
            cell["source"] = "".join(cell["source"]).replace(old, new)
            break
    else:
        raise AssertionError(f"{old!r} is not in {notebook.name}")
    notebook.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_only_changed_lessons_are_executed_again(course_copy: Path, tmp_path: Path, executions: list[str]) -> None:
    out = tmp_path / "out"
    lessons = [lesson.id for lesson in load_course(course_copy).lessons]
    first = pipeline.build_course(course_copy, out, ("html",))
    assert executions == lessons and first.executed == lessons

    executions.clear()
    again = pipeline.build_course(course_copy, out, ("html",))
    assert executions == [] and again.unchanged == lessons
    assert [p.name for p in again.pages[-len(lessons):]] == [f"{lesson}.html" for lesson in lessons]

    edit_markdown(course_copy / "notebooks" / "02-back-spasms.ipynb", "A back spasm is", "A BACK SPASM is")
    pipeline.build_course(course_copy, out, ("html",))
    assert executions == ["02-back-spasms"]
    assert "A BACK SPASM is" in (out / "html" / "02-back-spasms.html").read_text(encoding="utf-8")
    assert "A BACK SPASM is" in (out / "html" / "search-index.js").read_text(encoding="utf-8")

    executions.clear()
    quiz_file = course_copy / "assets" / "quizzes" / "06-trigger-points-and-jaw-pain.yml"
    quiz_file.write_text(quiz_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    pipeline.build_course(course_copy, out, ("html",))
    assert executions == ["00-start-here", "06-trigger-points-and-jaw-pain", "09-case-studies"], (
        "00 shows the progress dashboard of every quiz and 09 the final assessment drawn from them")

    executions.clear()
    (out / "html" / "05-fasciculations-and-nerve-hyperexcitability.html").unlink()
    pipeline.build_course(course_copy, out, ("html",))
    assert executions == ["05-fasciculations-and-nerve-hyperexcitability"], "a deleted page is rebuilt"


def test_inputs_name_the_files_each_lesson_uses(course_copy: Path) -> None:
    course = load_course(course_copy)
    inputs = {lesson.id: lesson_inputs(course, lesson) for lesson in course.lessons}
    assert "assets/flowcharts/back-pain-triage.yml" in inputs["08-when-to-see-a-doctor"]
    assert "assets/explorers/jaw-pain-treatments.yml" in inputs["06-trigger-points-and-jaw-pain"]
    assert "assets/figures/jaw-muscles.svg" in inputs["06-trigger-points-and-jaw-pain"]
    assert "assets/quizzes/06-trigger-points-and-jaw-pain.yml" not in inputs["02-back-spasms"]
    assert all(path in inputs["09-case-studies"] for path in course.quiz_files)
    for lesson_inputs_of in inputs.values():
        assert all((course_copy / name).is_file() for name in lesson_inputs_of)


def test_a_damaged_cache_file_means_a_full_rebuild(tmp_path: Path) -> None:
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "lessons.json").write_text("{not json", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("x", encoding="utf-8")
    cache = BuildCache(tmp_path)
    assert not cache.fresh("01", "html", "key", page)
    cache.record("01", "html", "key")
    cache.save()
    assert BuildCache(tmp_path).fresh("01", "html", "key", page)
    assert not BuildCache(tmp_path).fresh("01", "html", "other key", page)
    assert not BuildCache(tmp_path).fresh("01", "slides", "key", page), "each format has its own key"


def test_remembered_values_come_back_and_only_those_still_asked_for_are_kept(tmp_path: Path) -> None:
    made: list[str] = []

    def make(value: str):
        def maker() -> str:
            made.append(value)
            return value
        return maker
    first = BuildCache(tmp_path)
    assert first.remembered("a", make("A")) == "A" and first.remembered("b", make("B")) == "B"
    first.save()
    second = BuildCache(tmp_path)
    assert second.remembered("a", make("changed")) == "A", "a kept value is not made again"
    second.save()
    assert BuildCache(tmp_path).remembered("b", make("B again")) == "B again", "b was not asked for, so dropped"
    assert made == ["A", "B", "B again"]
