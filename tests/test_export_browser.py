"""Exported pages and slide decks, opened from file:// in headless Chromium with the network off."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import REPO
from quiz_spec import CASES, spec_question
from spasmcourse.content import load_course
from spasmcourse.content.models import ChoiceQuestion, Quiz
from spasmcourse.elements.quiz_html import question_dom_id, quiz_dom_id
from spasmcourse.i18n import strings

COURSE = load_course(REPO)
LESSON_IDS = [lesson.id for lesson in COURSE.lessons]
LOADING_TAG = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


class OfflinePage:
    """A page in a fresh offline context that records every request it was refused."""

    def __init__(self, browser, **options) -> None:
        self.context = browser.new_context(**options)
        self.context.set_offline(True)
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.context.route(re.compile(r"^(?!file:|data:|blob:|about:)"), self._refuse)
        self.page: Page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("requestfailed", lambda request: self._failed(request.url))

    def _refuse(self, route) -> None:
        self.refused.append(route.request.url)
        route.abort()

    def _failed(self, url: str) -> None:
        if not url.startswith("file:"):
            self.refused.append(url)

    def open(self, path: Path) -> Page:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page


@pytest.fixture
def offline(browser) -> Iterator[OfflinePage]:
    holder = OfflinePage(browser)
    yield holder
    holder.context.close()
    assert holder.refused == [], f"requests were attempted: {holder.refused}"
    assert holder.errors == [], f"script errors: {holder.errors}"


def first_question(lesson_id: str) -> tuple[Quiz, ChoiceQuestion]:
    quiz_file = COURSE.quiz_files[f"assets/quizzes/{lesson_id}.yml"]
    quiz = quiz_file.quizzes[0]
    return quiz, quiz.questions[0]


def answer_wrong_then_right(page: Page, quiz: Quiz, question: ChoiceQuestion) -> None:
    form = page.locator(f"#{question_dom_id(quiz, question)}")
    wrong = next(option for option in question.options if not option.correct)
    right = [option for option in question.options if option.correct]
    form.get_by_label(wrong.text, exact=True).check()
    form.get_by_role("button", name="Check answer").click()
    feedback = form.locator(".sc-feedback")
    expect(feedback.locator(".sc-verdict")).to_have_text(re.compile(r"^Not quite\."))
    expect(feedback).to_contain_text(wrong.feedback)
    expect(feedback).not_to_contain_text(question.explanation)
    expect(form.get_by_role("button", name="Show the answer")).to_be_visible()
    if question.type == "multiple":
        form.get_by_label(wrong.text, exact=True).uncheck()
    for option in right:
        form.get_by_label(option.text, exact=True).check()
    form.get_by_role("button", name="Check answer").click()
    expect(feedback.locator(".sc-verdict")).to_have_text("Correct.")
    expect(feedback).to_contain_text(right[0].feedback)
    expect(feedback).to_contain_text(question.explanation)
    expect(form.get_by_role("button", name="Show the answer")).to_be_hidden()


def test_build_loads_nothing_from_the_network(built_course: Path) -> None:
    for path in sorted(built_course.rglob("*.html")) + sorted(built_course.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        assert not LOADING_TAG.search(text), f"{path.name} loads from the network"
        assert not re.search(r"@import\s+(url\()?[\"']?(https?:)?//", text), f"{path.name} imports CSS"
    assert (built_course / "slides" / "reveal.js" / "LICENSE").is_file()


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_lesson_page_quiz_works_offline(built_course: Path, offline: OfflinePage,
                                        lesson_id: str) -> None:
    page = offline.open(built_course / "html" / f"{lesson_id}.html")
    expect(page.locator("h1").first).to_be_visible()
    expect(page.locator(".sc-safety")).to_contain_text("Not medical advice")
    expect(page.locator(".sc-static-note").first).to_be_hidden()
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0, "widget code is shown in the export"
    quiz, question = first_question(lesson_id)
    expect(page.locator(f"#{quiz_dom_id(quiz)}")).to_be_visible()
    answer_wrong_then_right(page, quiz, question)


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_slide_deck_quiz_works_offline(built_course: Path, offline: OfflinePage,
                                       lesson_id: str) -> None:
    page = offline.open(built_course / "slides" / f"{lesson_id}.slides.html")
    expect(page.locator(".reveal.ready")).to_have_count(1)
    assert page.evaluate("Reveal.getTotalSlides()") >= 4
    assert page.locator("aside.notes").count() >= 1, "the deck has no speaker notes"
    quiz, question = first_question(lesson_id)
    page.evaluate("""(id) => {
        const indices = Reveal.getIndices(document.getElementById(id).closest('section'));
        Reveal.slide(indices.h, indices.v);
    }""", quiz_dom_id(quiz))
    expect(page.locator(f"#{question_dom_id(quiz, question)}")).to_be_in_viewport()
    answer_wrong_then_right(page, quiz, question)


def test_quiz_is_keyboard_operable(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "01-what-is-a-spasm.html")
    quiz, question = first_question("01-what-is-a-spasm")
    form = page.locator(f"#{question_dom_id(quiz, question)}")
    form.locator("input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Check answer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(form.get_by_role("status")).to_contain_text(question.options[0].feedback)


def test_navigation_between_lessons(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "index.html")
    for lesson in COURSE.lessons:
        expect(page.get_by_role("link", name=lesson.title, exact=True)).to_be_visible()
    page.get_by_role("link", name=COURSE.lessons[0].title, exact=True).click()
    page.get_by_role("link", name=re.compile("Next lesson")).click()
    expect(page).to_have_url(re.compile(rf"{COURSE.lessons[1].id}\.html$"))
    page.get_by_role("link", name=re.compile("Previous lesson")).click()
    expect(page).to_have_url(re.compile(rf"{COURSE.lessons[0].id}\.html$"))


def test_page_reads_sensibly_without_scripts(built_course: Path, browser) -> None:
    holder = OfflinePage(browser, java_script_enabled=False)
    page = holder.open(built_course / "html" / "01-what-is-a-spasm.html")
    quiz, question = first_question("01-what-is-a-spasm")
    expect(page.locator(".sc-static-note").first).to_be_visible()
    form = page.locator(f"#{question_dom_id(quiz, question)}")
    expect(form).to_contain_text(question.prompt)
    expect(form.get_by_role("button", name="Check answer")).to_be_hidden()
    holder.context.close()
    assert holder.refused == []


def test_javascript_checker_meets_the_spec(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "01-what-is-a-spasm.html")
    for case in CASES:
        question = json.loads(spec_question(case["question"]).model_dump_json())
        result = page.evaluate("""([question, chosen, strings]) => {
            const check = window.spasmcourse.checkAnswer(question, chosen);
            return {...check, verdict: window.spasmcourse.verdict(question, check, strings)};
        }""", [question, case["chosen"], strings()])
        assert result["answered"] == case["answered"], case
        assert result["correct"] == case["correct"], case
        assert result["wrongChosen"] == case["wrong"], case
        assert result["missed"] == case["missed"], case
        assert result["verdict"] == case["verdict"], case


AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
EXPORTED = ["html/index.html", *(f"html/{i}.html" for i in LESSON_IDS),
            *(f"slides/{i}.slides.html" for i in LESSON_IDS)]


@pytest.mark.parametrize("relative", EXPORTED)
def test_exported_page_passes_axe(built_course: Path, offline: OfflinePage, relative: str) -> None:
    page = offline.open(built_course / relative)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' '))}`);
    }""")
    assert violations == []
