"""Lesson 01 in a real JupyterLab: run all cells, answer a quiz question, see the feedback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from conftest import copy_course, screenshot
from flow_oracle import answer_paths
from lab_server import loopback_only, open_and_run, running_lab
from quiz_drivers import LiveQuestion
from spasmcourse.content import load_course
from spasmcourse.elements.flowchart.static import flowchart_dom_id
from spasmcourse.elements.quiz.static import question_dom_id

LESSON = "01-what-is-a-spasm"
FLOW_LESSON = "08-when-to-see-a-doctor"


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """JupyterLab on 127.0.0.1 over a copy of the course, with throwaway config and state."""
    base = tmp_path_factory.mktemp("lab")
    course = copy_course(base / "course")
    with running_lab(base, course) as url:
        yield url, course


def test_every_question_type_answered_live_in_jupyterlab(browser, lab: tuple[str, Path], tmp_path: Path) -> None:
    url, course_root = lab
    course = load_course(course_root)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    refused: list[str] = []
    loopback_only(page, refused)
    open_and_run(page, url, LESSON)

    for quiz in course.lesson_quizzes(LESSON):
        first = page.locator(f".{question_dom_id(quiz, quiz.questions[0])}")
        score = page.locator(".sc-live.sc-quiz", has=first)
        for question in quiz.questions:
            box = page.locator(f".sc-live .{question_dom_id(quiz, question)}")
            expect(box).to_be_visible(timeout=60_000)
            box.scroll_into_view_if_needed()
            live = LiveQuestion(box, question)
            live.answer(right=False)
            expect(box.locator(".sc-verdict")).to_have_text(re.compile(r"^Not quite\."), timeout=20_000)
            expect(box.locator(".sc-wrong").first).to_be_visible()
            live.answer(right=True)
            expect(box.locator(".sc-verdict")).to_have_text("Correct.", timeout=20_000)
            expect(box).to_contain_text(question.explanation)
        count = len(quiz.questions)
        expect(score.locator(".sc-score")).to_have_text(f"Score: {count} of {count} correct")
        if quiz is course.lesson_quizzes(LESSON)[0]:
            page.locator(f".sc-live .{question_dom_id(quiz, quiz.questions[0])}").scroll_into_view_if_needed()
            screenshot(page, "jupyterlab-lesson", tmp_path)
    total = sum(len(quiz.questions) for quiz in course.lesson_quizzes(LESSON))
    expect(page.locator(".sc-summary-total")).to_have_text(f"In all: {total} of {total} questions correct.")
    context.close()
    assert refused == [], f"JupyterLab tried to reach the network: {refused}"


def test_flowchart_stepped_live_in_jupyterlab(browser, lab: tuple[str, Path]) -> None:
    url, course_root = lab
    course = load_course(course_root)
    chart = course.flowchart("cramp-spasm-twitch-triage")
    data = chart.model_dump(mode="json")
    levels = {o["id"]: o["level"] for o in data["outcomes"]}
    path = min((p for p in answer_paths(data) if levels[p[-1][0]] == "emergency"), key=len)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    refused: list[str] = []
    loopback_only(page, refused)
    open_and_run(page, url, FLOW_LESSON)
    live = page.locator(f".sc-live.{flowchart_dom_id(chart)}")
    expect(live).to_be_visible(timeout=60_000)
    live.scroll_into_view_if_needed()
    for node_id, choice in path[:-1]:
        expect(live.locator(".sc-flow-question")).to_contain_text(chart.node(node_id).text)
        live.get_by_role("button", name=chart.node(node_id).choices[choice].label, exact=True).click()
    outcome = chart.node(path[-1][0])
    expect(live.locator(".sc-flow-card .sc-flow-level")).to_have_text("Emergency now")
    expect(live.locator(".sc-flow-card")).to_contain_text(outcome.advice)
    expect(live.locator(f'.sc-flow-node.sc-current[data-node="{outcome.id}"]')).to_have_count(1)
    live.get_by_role("button", name="Back").click()
    expect(live.locator(".sc-flow-question")).to_contain_text(chart.node(path[-2][0]).text)
    live.get_by_role("button", name="Restart").click()
    expect(live.locator(".sc-flow-question")).to_contain_text(chart.node(chart.start).text)
    context.close()
    assert refused == []


def test_explorer_chart_and_flashcards_live_in_jupyterlab(browser, lab: tuple[str, Path]) -> None:
    url, course_root = lab
    course = load_course(course_root)
    sources = {lesson.id: "\n".join(cell.source for cell in nbformat.read(course.notebook_path(lesson), 4).cells)
               for lesson in course.lessons}
    lesson = next(lesson for lesson, source in sources.items() if 'explorer("' in source and 'slider_chart("' in source)
    source = sources[lesson]
    explorer = course.explorer(re.search(r'explorer\("([^"]+)"\)', source).group(1))
    chart = course.chart(re.search(r'slider_chart\("([^"]+)"\)', source).group(1))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    refused: list[str] = []
    loopback_only(page, refused)
    open_and_run(page, url, lesson)

    live = page.locator(f".sc-live.sc-explorer-{explorer.id}")
    expect(live).to_be_visible(timeout=60_000)
    live.scroll_into_view_if_needed()
    group = explorer.groups[0]
    live.get_by_role("button", name=group.label, exact=True).click()
    count = sum(group.id in item.groups for item in explorer.items)
    expect(live.locator(".sc-explorer-status")).to_have_text(f"Showing {count} of {len(explorer.items)}.")

    plot = page.locator(f".sc-live.sc-chart-{chart.id}")
    plot.scroll_into_view_if_needed()
    plot.locator(".noUi-handle").focus()
    for _ in range(round((chart.x.max - chart.x.min) / chart.x.step)):
        page.keyboard.press("ArrowRight")
    top = chart.series[0]
    expected = f"{top.name}: {chart.y.label} {top.points[-1][1]:.1f}"
    expect(plot.locator(".sc-chart-values")).to_contain_text(expected, timeout=20_000)

    cards = page.locator(".sc-live.sc-cards")
    cards.scroll_into_view_if_needed()
    cards.get_by_role("button", name="Turn the card over").click()
    expect(cards.locator(".sc-card-back")).to_be_visible()
    cards.get_by_role("button", name="I knew it").click()
    expect(cards.locator(".sc-cards-progress")).to_contain_text("You know 1 of")
    context.close()
    assert refused == []
