"""Glossary terms, figures, explorers, slider charts and flashcards in exported pages, offline."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page, expect

from conftest import REPO, OfflinePage
from quiz_drivers import StaticForm
from spasmcourse.content import load_course
from spasmcourse.content.assessment_questions import assessment_quiz
from spasmcourse.content.rules.notebooks import ELEMENT_CALL, LESSON_CALL
from spasmcourse.elements.quiz.static import question_dom_id, quiz_html
from spasmcourse.elements.slider_chart import value_at

COURSE = load_course(REPO)


def lessons_calling(kind: str) -> list[tuple[str, str]]:
    """(lesson id, element id) for every element of this kind shown in a lesson."""
    found = []
    for lesson in COURSE.lessons:
        notebook = nbformat.read(COURSE.notebook_path(lesson), as_version=4)
        source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
        pattern = LESSON_CALL if kind == "flashcards" else ELEMENT_CALL
        found += [(lesson.id, element_id) for name, element_id in pattern.findall(source) if name == kind]
    return found


@pytest.mark.parametrize("kind", ["explorer", "slider_chart", "flashcards", "figure", "case_study"])
def test_the_course_uses_every_element(kind: str) -> None:
    assert lessons_calling(kind), f"no lesson shows a {kind}, so its browser tests would not run"


def open_page(built_course: Path, offline: OfflinePage, lesson_id: str) -> Page:
    return offline.open(built_course / "html" / f"{lesson_id}.html")


@pytest.mark.parametrize(("lesson_id", "explorer_id"), lessons_calling("explorer"))
def test_explorer_filters_offline(built_course: Path, offline: OfflinePage, lesson_id: str, explorer_id: str) -> None:
    page = open_page(built_course, offline, lesson_id)
    explorer = COURSE.explorer(explorer_id)
    root = page.locator(f"#sc-explorer-{explorer_id}")
    total = len(explorer.items)
    expect(root.locator(".sc-explorer-status")).to_have_text(f"Showing {total} of {total}.")
    for group in explorer.groups:
        root.get_by_role("button", name=group.label, exact=True).click()
        count = sum(group.id in item.groups for item in explorer.items)
        expect(root.locator(".sc-explorer-status")).to_have_text(f"Showing {count} of {total}.")
        expect(root.locator(".sc-explorer-item:visible")).to_have_count(count)
        expect(root.get_by_role("button", name=group.label, exact=True)).to_have_attribute("aria-pressed", "true")
    root.get_by_role("button", name="All", exact=True).click()
    expect(root.locator(".sc-explorer-item:visible")).to_have_count(total)


@pytest.mark.parametrize(("lesson_id", "chart_id"), lessons_calling("slider_chart"))
def test_slider_chart_reads_the_lines_by_keyboard(built_course: Path, offline: OfflinePage, lesson_id: str,
                                                  chart_id: str) -> None:
    page = open_page(built_course, offline, lesson_id)
    chart = COURSE.chart(chart_id)
    root = page.locator(f"#sc-chart-{chart_id}").first
    slider = root.get_by_label(re.compile("^" + re.escape(chart.x.label)))
    slider.focus()
    page.keyboard.press("End")
    x = chart.x.max
    for series in chart.series:
        value = f"{value_at(series.points, x):.1f}"
        expect(root.locator(".sc-chart-values")).to_contain_text(f"{series.name}: {chart.y.label} {value}")
    page.keyboard.press("Home")
    for series in chart.series:
        value = f"{value_at(series.points, chart.x.min):.1f}"
        expect(root.locator(".sc-chart-values")).to_contain_text(f"{series.name}: {chart.y.label} {value}")
    marker = root.locator(".sc-chart-marker")
    start = marker.get_attribute("x1")
    page.keyboard.press("ArrowRight")
    assert marker.get_attribute("x1") != start


@pytest.mark.parametrize("lesson_id", [lesson for lesson, _ in lessons_calling("flashcards")])
def test_flashcards_by_keyboard_are_remembered(built_course: Path, offline: OfflinePage, lesson_id: str) -> None:
    page = open_page(built_course, offline, lesson_id)
    root = page.locator(f"#sc-cards-{lesson_id}")
    expect(root.locator(".sc-cards-list")).to_be_hidden()
    card = root.locator("button.sc-card")
    first = card.locator(".sc-card-front").inner_text()
    card.focus()
    page.keyboard.press("Enter")
    expect(root.locator(".sc-card-back")).to_be_visible()
    expect(root.get_by_role("button", name="I knew it")).to_be_focused()
    page.keyboard.press("Enter")
    expect(card.locator(".sc-card-front")).not_to_have_text(first)
    expect(root.locator(".sc-cards-progress")).to_contain_text("You know 1 of")
    page.wait_for_function("() => Object.keys(localStorage).some(key => key.includes(':cards:'))")
    # Chromium hands localStorage writes to its storage service asynchronously; a reload in the
    # same instant can start from the old copy, which no person clicking could do.
    page.wait_for_timeout(1500)
    page.reload()
    expect(page.locator(f"#sc-cards-{lesson_id} .sc-cards-progress")).to_contain_text("You know 1 of")
    expect(page.locator(f"#sc-cards-{lesson_id} .sc-card-front")).not_to_have_text(first)


@pytest.mark.parametrize("lesson_id", [lesson for lesson, _ in lessons_calling("flashcards")])
def test_glossary_terms_show_their_definition_on_hover_and_focus(built_course: Path, offline: OfflinePage,
                                                                 lesson_id: str) -> None:
    page = open_page(built_course, offline, lesson_id)
    term = page.locator("a.sc-term").first
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tip).to_be_hidden()
    term.hover()
    expect(tip).to_be_visible()
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()
    term.focus()
    expect(tip).to_be_visible()
    term_id = term.get_attribute("href").split("#term-")[1]
    assert COURSE.glossary[term_id].definition in tip.inner_text()


def test_glossary_page_lists_every_term(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "glossary.html")
    for term in COURSE.glossary.values():
        expect(page.locator(f"#term-{term.id}")).to_have_text(term.term)
    assert page.locator("dd a[href$='.html']").count() > 0


def test_every_figure_has_alt_text_and_shows(built_course: Path, offline: OfflinePage) -> None:
    shown = 0
    for lesson_id, figure_id in lessons_calling("figure"):
        page = open_page(built_course, offline, lesson_id)
        image = page.locator(f"#sc-figure-{figure_id} img")
        expect(image).to_have_attribute("alt", COURSE.figure(figure_id).alt)
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), figure_id
        shown += 1
    assert shown >= 3


@pytest.mark.parametrize(("lesson_id", "case_id"), lessons_calling("case_study"))
def test_case_study_offline_by_keyboard(built_course: Path, offline: OfflinePage, lesson_id: str,
                                        case_id: str) -> None:
    page = open_page(built_course, offline, lesson_id)
    case = COURSE.case(case_id)
    root = page.locator(f"#sc-case-{case_id}")
    steps = {step.id: step for step in case.steps}
    node = case.start
    taken = 0
    while node in steps:
        step = steps[node]
        shown = root.locator(f'.sc-case-step[data-node="{node}"]')
        expect(shown).to_be_visible()
        worse = next((c for c in step.choices if not c.best), None)
        if worse is not None:
            shown.get_by_role("button", name=worse.label, exact=True).click()
            expect(shown.locator(".sc-case-said")).to_contain_text("Think again")
            shown.get_by_role("button", name="Choose again").click()
        best = next(c for c in step.choices if c.best)
        shown.get_by_role("button", name=best.label, exact=True).focus()
        page.keyboard.press("Enter")
        expect(shown.locator(".sc-case-said")).to_contain_text(best.feedback)
        expect(shown.get_by_role("button", name="Continue the story")).to_be_focused()
        page.keyboard.press("Enter")
        node = best.to
        taken += 1
    ending = root.locator(f'.sc-case-step[data-node="{node}"]')
    expect(ending).to_be_visible()
    for lesson_id in next(e for e in case.endings if e.id == node).revisit:
        expect(ending.locator(f'a[href="{lesson_id}.html"]')).to_be_visible()
    expect(root.locator(".sc-case-trail li")).to_have_count(taken)


def test_final_assessment_works_offline(tmp_path: Path, offline: OfflinePage) -> None:
    quiz = assessment_quiz(COURSE, "Final course assessment")
    page_file = tmp_path / "assessment.html"
    page_file.write_text("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Assessment</title></head>"
                         f"<body><main>{quiz_html(quiz, COURSE.references, 'final')}</main></body></html>")
    page = offline.open(page_file)
    root = page.locator("#sc-quiz-final-assessment")
    lessons_with_quizzes = [lesson for lesson in COURSE.lessons if COURSE.lesson_quizzes(lesson.id)]
    assert root.locator("form.sc-question").count() >= len(lessons_with_quizzes)
    first = quiz.questions[0]
    form = StaticForm(page, page.locator(f"#{question_dom_id(quiz, first)}"), first)
    form.answer(right=True)
    expect(root.locator(".sc-score")).to_have_text(f"Score: 1 of {len(quiz.questions)} correct")
