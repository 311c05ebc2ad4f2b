"""Exported elements read browser storage defensively, and one element that cannot start never stops the others.

A page holds the static renderings of lesson 04's three quizzes, a flashcard deck, a case study, an
explorer and a slider chart. Before its scripts run (an init script, so no write can race a reload),
each storage entry the elements read is replaced by a damaged value (a number, true, a list, garbled
JSON, an answer of the wrong type, forged flags); then every element must still start, score nothing
it did not check, and work.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import spasmcourse
from conftest import REPO, OfflinePage
from spasmcourse.content import load_course
from spasmcourse.problems import ContentError
from spasmcourse.rendering import script_json

LESSON = "04-systemic-and-neurological-causes"
DAMAGED = ["5", "true", "null", "[1, 2]", "{{{", '"text"', '{"answers": 5}', '{"answers": [1]}',
           '{"answers": {"QUESTION": {"answer": 3, "checked": true, "correct": true}}}',
           '{"answers": {"QUESTION": {"answer": [99], "checked": true, "correct": true}}}',
           '{"answers": {"QUESTION": {"answer": "x", "checked": "yes", "correct": 1}}}',
           '{"answers": {"QUESTION": 7}}', '{"TERM": "yes", "__proto__": {"x": 1}}', "[" * 5000]
DAMAGE = """([prefix, quizzes, lesson, value]) => {
  const path = location.pathname;
  for (const [quiz, question] of quizzes) {
    localStorage.setItem(prefix + path + "#" + quiz, value.split("QUESTION").join(question));
  }
  localStorage.setItem(prefix + "cards:" + path + "#" + lesson, value.split("TERM").join("cramp"));
}"""
STATE = """() => ({
  ready: [...document.querySelectorAll('[data-sc-ready]')].length,
  failed: [...document.querySelectorAll('[data-sc-failed]')].length,
  scores: [...document.querySelectorAll('.sc-quiz .sc-score')].map(s => s.textContent),
  deck: !document.querySelector('.sc-cards-deck').hidden,
})"""


def element_html(call: str) -> str:
    names = {name: getattr(spasmcourse, name) for name in spasmcourse.__all__}
    shown = eval(call, names)
    bundle = shown._repr_mimebundle_() if hasattr(shown, "_repr_mimebundle_") else {}
    return bundle.get("text/html") or shown._repr_html_()


@pytest.fixture(scope="module")
def page_parts() -> Iterator[tuple[list[str], list[tuple[str, str]]]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPASMCOURSE_ROOT", str(REPO))
        yield parts_of_the_page()


def parts_of_the_page() -> tuple[list[str], list[tuple[str, str]]]:
    """The renderings of the page's elements, and (quiz id, first question id) of each quiz."""
    course = load_course(REPO)
    quizzes = course.lesson_quizzes(LESSON)
    calls = [f"quiz({quiz.id!r})" for quiz in quizzes]
    calls += [f"flashcards({LESSON!r})", f"case_study({next(iter(course.cases.values())).id!r})",
              f"explorer({next(iter(course.explorers.values())).id!r})",
              f"slider_chart({next(iter(course.charts.values())).id!r})"]
    return [element_html(call) for call in calls], [(quiz.id, quiz.questions[0].id) for quiz in quizzes]


def write_page(path: Path, parts: list[str]) -> Path:
    sections = "".join(f"<section>{part}</section>" for part in parts)
    path.write_text("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Damaged storage</title>"
                    f"</head><body><main>{sections}</main></body></html>", encoding="utf-8")
    return path


def test_damaged_storage_never_stops_an_element(page_parts, tmp_path: Path, offline: OfflinePage) -> None:
    parts, quizzes = page_parts
    path = write_page(tmp_path / "page.html", parts)
    for value in DAMAGED:
        page = offline.context.new_page()
        page.on("pageerror", lambda error: offline.errors.append(str(error)))
        page.add_init_script(f"({DAMAGE})({json.dumps(['spasmcourse:v1:', quizzes, LESSON, value])})")
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        state = page.evaluate(STATE)
        assert state["failed"] == 0, (value, state)
        assert state["ready"] == len(parts), (value, state)
        assert state["deck"], value
        assert all(score.startswith("Score: 0 of") for score in state["scores"]), (value, state)
        page.locator(".sc-card").first.click()
        page.locator(".sc-cards-knew").first.click()
        quiz = page.locator("form.sc-question").first
        quiz.locator("input").first.check()
        quiz.locator(".sc-check").click()
        assert quiz.locator(".sc-verdict").count() == 1, value
        page.close()
    assert offline.errors == []


def test_one_broken_element_leaves_the_others_working(page_parts, tmp_path: Path, offline: OfflinePage) -> None:
    parts, _ = page_parts
    broken = parts[0].replace('class="sc-quiz-data">', 'class="sc-quiz-data">{"broken": ', 1)
    assert broken != parts[0]
    page = offline.open(write_page(tmp_path / "page.html", [broken, *parts[1:]]))
    state = page.evaluate(STATE)
    assert state["failed"] == 1 and state["ready"] == len(parts)
    second = page.locator(".sc-quiz").nth(1).locator("form.sc-question").first
    second.locator("input").first.check()
    second.locator(".sc-check").click()
    assert second.locator(".sc-verdict").count() == 1
    assert json.loads(page.evaluate("JSON.stringify(Object.keys(localStorage).length)")) >= 1


def test_a_right_answer_is_restored_and_scored_after_a_reload(page_parts, tmp_path: Path,
                                                              offline: OfflinePage) -> None:
    parts, _ = page_parts
    page = offline.open(write_page(tmp_path / "page.html", parts))
    form = page.locator("form.sc-question").first
    for index in range(form.locator("input").count()):
        form.locator("input").nth(index).check()
        form.locator(".sc-check").click()
        if form.locator(".sc-verdict--correct").count():
            break
    assert form.locator(".sc-verdict--correct").count() == 1
    page.wait_for_timeout(300)
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator(".sc-quiz .sc-score").first.text_content().startswith("Score: 1 of")
    assert page.locator("form.sc-question").first.locator(".sc-verdict--correct").count() == 1


@pytest.mark.parametrize("number", [float("nan"), float("inf"), -float("inf")])
def test_a_number_that_is_not_finite_never_reaches_a_page(number: float) -> None:
    with pytest.raises(ContentError, match="not finite"):
        script_json({"points": [[0, number]]})
