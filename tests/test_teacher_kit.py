"""The teacher's kit as a teacher gets it: a guide and a handout (HTML and PDF) per lesson, and a clear error."""

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from markupsafe import escape
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import copy_course
from spasmcourse.content import Course, load_course
from spasmcourse.content.assessment_questions import quizzes_shown
from spasmcourse.i18n import text
from spasmcourse.publish.notes import DiscussionQuestion, key_points, lesson_sections, markdown_html

COMMAND = str(Path(sys.executable).parent / "spasmcourse")
ASKED = re.compile(r"\bask\b[^*:.]{0,40}:\s*\*\"(.+?)\"\*", re.I | re.S)
MINUTES = re.compile(r"About (\d+) minutes?")
TOTAL = re.compile(r'<tr class="sc-kit-total">.*?<td class="sc-kit-minutes">(\d+)</td>', re.S)
REMOTE = re.compile(r"<(?:script|link|img)\b[^>]*\b(?:src|href)=[\"']?(?:https?:)?//", re.I)


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> tuple[Course, Path, subprocess.CompletedProcess[str]]:
    """The course copied once for this module and its kit written by the command."""
    course = copy_course(tmp_path_factory.mktemp("kit") / "course")
    return load_course(course), course / "_build" / "teacher-kit", run("teacher-kit", cwd=course)


def notes_of(course: Course, lesson_id: str) -> list[str]:
    notebook = nbformat.read(course.notebook_path(course.lesson(lesson_id)), as_version=4)
    return [cell.source for cell in notebook.cells
            if cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"]


def test_command_reports_what_it_wrote(kit: tuple[Course, Path, subprocess.CompletedProcess[str]]) -> None:
    course, out, result = kit
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    count = len(course.lessons)
    assert result.stdout.strip() == (f"Wrote {count} teacher's guides and {count} handouts (HTML and PDF): "
                                     f"{out / 'index.html'}")
    index = (out / "index.html").read_text()
    positions = [index.index(f'href="{lesson.id}.html"') for lesson in course.lessons]
    assert positions == sorted(positions)
    for lesson in course.lessons:
        assert f'href="handouts/{lesson.id}.pdf"' in index
        assert f'href="{lesson.id}.pdf"' in index
        assert (out / f"{lesson.id}.pdf").read_bytes().startswith(b"%PDF")
        assert escape(text("site_minutes", minutes=lesson.minutes)) in index


def test_every_guide_has_objectives_questions_answers_and_timing(
        kit: tuple[Course, Path, subprocess.CompletedProcess[str]]) -> None:
    course, out, _ = kit
    for lesson in course.lessons:
        guide = (out / f"{lesson.id}.html").read_text()
        for objective in lesson.objectives:
            assert escape(objective) in guide, (lesson.id, objective)
        for quiz in quizzes_shown(course, lesson.id, text("assessment_title")):
            for question in quiz.questions:
                assert escape(question.prompt) in guide, (lesson.id, question.id)
                assert escape(question.explanation) in guide, (lesson.id, question.id)
        notes = notes_of(course, lesson.id)
        asked = [" ".join(match.split()) for note in notes for match in ASKED.findall(note)]
        assert asked and escape(asked[0]) in guide, lesson.id
        total = TOTAL.search(guide)
        assert total and int(total.group(1)) == sum(int(n) for note in notes for n in MINUTES.findall(note))
        assert escape(text("teacher_safety")) in guide
    guide = (out / "06-trigger-points-and-jaw-pain.html").read_text()
    assert escape("Who remembers the difference between a trigger point and a tender point from lesson 01?") in guide
    assert escape(text("teacher_expected", answer="Only the trigger point sends pain elsewhere.")) in guide


def test_every_handout_asks_every_question_without_answers(
        kit: tuple[Course, Path, subprocess.CompletedProcess[str]]) -> None:
    course, out, _ = kit
    for lesson in course.lessons:
        assert (out / "handouts" / f"{lesson.id}.pdf").read_bytes().startswith(b"%PDF")
        handout = (out / "handouts" / f"{lesson.id}.html").read_text()
        assert escape(lesson.title) in handout
        for quiz in quizzes_shown(course, lesson.id, text("assessment_title")):
            for question in quiz.questions:
                assert escape(question.prompt) in handout, (lesson.id, question.id)
                assert escape(question.explanation) not in handout, (lesson.id, question.id)
        if 'id="sc-key-points"' in handout:
            assert handout.index('id="sc-key-points"') > handout.rindex('class="sc-hand-question"'), \
                f"{lesson.id}: the key points (the answers) come before the questions"
        assert REMOTE.search(handout) is None and "url(http" not in handout, lesson.id
    handout = (out / "handouts" / "01-what-is-a-spasm.html").read_text()
    assert 'class="sc-hand-matching"' in handout and "percent" in handout and 'class="sc-hand-group"' in handout


def test_notes_parser_reads_sections_minutes_and_questions() -> None:
    notebook = new_notebook()
    notebook.cells = [
        slide("# The lesson\n\nIntro.", "slide"),
        slide('**Teacher\'s notes:** About 2 minutes. Ask: *"Who has had a cramp?"* (Most people (nearly all).)',
              "notes"),
        slide("## A *second* part [with a term](#term-cramp)\n\nText.", "slide"),
        slide("More text.", "fragment"),
        new_code_cell("quiz('demo')"),
        slide('**Teacher\'s notes:** Let the class vote. Ask the class: *"Why\nwait?"* Then discuss.', "notes"),
        slide("No heading on this slide\nsecond line", "slide"),
        slide("## Key points\n\n- One <b>point</b> with [a term](#term-cramp).", "slide"),
    ]
    sections = lesson_sections(notebook)
    assert [section.title for section in sections] == [
        "The lesson", "A second part with a term", "No heading on this slide", "Key points"]
    assert [section.minutes for section in sections] == [2, None, None, None]
    assert sections[0].questions == [DiscussionQuestion("Who has had a cramp?", "Most people (nearly all).")]
    assert sections[1].questions == [DiscussionQuestion("Why wait?", None)]
    assert sections[1].notes == ['Let the class vote. Ask the class: *"Why\nwait?"* Then discuss.']
    html = markdown_html(key_points(notebook))
    assert "&lt;b&gt;point&lt;/b&gt;" in html and "<a" not in html and "a term" in html


def slide(source: str, slide_type: str) -> nbformat.NotebookNode:
    return new_markdown_cell(source, metadata={"slideshow": {"slide_type": slide_type}})


def test_missing_browser_is_one_clear_message(course_copy: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(Path(COMMAND).parent), "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "none")}
    result = run("teacher-kit", "--out", str(tmp_path / "kit"), cwd=course_copy, env=env)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "apt-get install chromium" in result.stderr
    assert ".venv/bin/playwright install chromium" in result.stderr
    assert result.stdout == ""
    assert not list((tmp_path / "kit").rglob("*.pdf"))
