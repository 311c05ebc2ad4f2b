"""Exported pages and slide decks, opened from file:// in headless Chromium with the network off."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import AXE, REPO, OfflinePage, screenshot
from quiz_drivers import StaticForm
from quiz_spec import CASES, EXPECTED_ANSWER_TEXT, expected, spec_question
from spasmcourse.content import load_course
from spasmcourse.content.assessment_questions import quizzes_shown
from spasmcourse.content.models import Quiz
from spasmcourse.content.models.questions import Question
from spasmcourse.elements.quiz.shuffle import shuffled
from spasmcourse.elements.quiz.static import question_dom_id, quiz_dom_id
from spasmcourse.i18n import strings

COURSE = load_course(REPO)
LESSON_IDS = [lesson.id for lesson in COURSE.lessons]
LOADING_TAG = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


LESSON_WITH_EVERY_TYPE = "01-what-is-a-spasm"


def lesson_questions(lesson_id: str) -> list[tuple[Quiz, Question]]:
    quizzes = quizzes_shown(COURSE, lesson_id, strings()["assessment_title"])
    return [(quiz, question) for quiz in quizzes for question in quiz.questions]


def first_question(lesson_id: str) -> tuple[Quiz, Question]:
    return lesson_questions(lesson_id)[0]


def static_form(page: Page, quiz: Quiz, question: Question) -> StaticForm:
    return StaticForm(page, page.locator(f"#{question_dom_id(quiz, question)}"), question)


def answer_wrong_then_right(page: Page, quiz: Quiz, question: Question, keyboard: bool = False) -> None:
    form = static_form(page, quiz, question)
    feedback = form.form.locator(".sc-feedback")
    form.answer(right=False, keyboard=keyboard)
    expect(feedback.locator(".sc-verdict")).to_have_text(re.compile(r"^Not quite\."))
    expect(feedback.locator(".sc-wrong").first).to_be_visible()
    expect(feedback).not_to_contain_text(question.explanation)
    expect(form.form.get_by_role("button", name="Show the answer")).to_be_visible()
    form.answer(right=True, keyboard=keyboard)
    expect(feedback.locator(".sc-verdict")).to_have_text("Correct.")
    expect(feedback).to_contain_text(question.explanation)
    expect(form.form.get_by_role("button", name="Show the answer")).to_be_hidden()


def test_build_loads_nothing_from_the_network(built_course: Path) -> None:
    for path in sorted(built_course.rglob("*.html")) + sorted(built_course.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        assert not LOADING_TAG.search(text), f"{path.name} loads from the network"
        assert not re.search(r"@import\s+(url\()?[\"']?(https?:)?//", text), f"{path.name} imports CSS"
    assert (built_course / "slides" / "reveal.js" / "LICENSE").is_file()


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_lesson_page_quiz_works_offline(built_course: Path, offline: OfflinePage,
                                        lesson_id: str, tmp_path: Path) -> None:
    page = offline.open(built_course / "html" / f"{lesson_id}.html")
    expect(page.locator("h1").first).to_be_visible()
    expect(page.locator(".sc-safety")).to_contain_text("Not medical advice")
    expect(page.locator(".sc-static-note").first).to_be_hidden()
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0, "widget code is shown in the export"
    quiz, question = first_question(lesson_id)
    expect(page.locator(f"#{quiz_dom_id(quiz)}")).to_be_visible()
    answer_wrong_then_right(page, quiz, question)
    if lesson_id == LESSON_WITH_EVERY_TYPE:
        screenshot(page.locator(f"#{question_dom_id(quiz, question)}"), "quiz", tmp_path)


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_slide_deck_quiz_works_offline(built_course: Path, offline: OfflinePage,
                                       lesson_id: str, tmp_path: Path) -> None:
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
    if lesson_id == LESSON_WITH_EVERY_TYPE:
        screenshot(page, "slide", tmp_path)


def test_every_question_type_works_offline(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / f"{LESSON_WITH_EVERY_TYPE}.html")
    questions = lesson_questions(LESSON_WITH_EVERY_TYPE)
    assert {q.type for _, q in questions} == {"single", "multiple", "true-false", "numeric", "matching",
                                             "ordering", "categorize"}
    for quiz, question in questions:
        answer_wrong_then_right(page, quiz, question)
    for quiz in COURSE.lesson_quizzes(LESSON_WITH_EVERY_TYPE):
        count = len(quiz.questions)
        score = page.locator(f"#{quiz_dom_id(quiz)} .sc-score")
        expect(score).to_have_text(f"Score: {count} of {count} correct")
    total = len(questions)
    expect(page.locator(".sc-summary-total")).to_have_text(f"In all: {total} of {total} questions correct.")


def test_every_question_type_by_keyboard_alone(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / f"{LESSON_WITH_EVERY_TYPE}.html")
    for quiz, question in lesson_questions(LESSON_WITH_EVERY_TYPE):
        answer_wrong_then_right(page, quiz, question, keyboard=True)


def test_score_updates_and_hint_shows(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / f"{LESSON_WITH_EVERY_TYPE}.html")
    quiz, question = next((q, x) for q, x in lesson_questions(LESSON_WITH_EVERY_TYPE) if x.hint)
    score = page.locator(f"#{quiz_dom_id(quiz)} .sc-score")
    expect(score).to_have_text(f"Score: 0 of {len(quiz.questions)} correct")
    form = static_form(page, quiz, question)
    form.form.get_by_role("button", name="Show hint").click()
    expect(form.form.locator(".sc-hint")).to_contain_text(question.hint)
    form.answer(right=True)
    expect(score).to_have_text(f"Score: 1 of {len(quiz.questions)} correct")


def test_answers_survive_a_reload_until_cleared(built_course: Path, offline: OfflinePage) -> None:
    path = built_course / "html" / f"{LESSON_WITH_EVERY_TYPE}.html"
    page = offline.open(path)
    (quiz, first), (_, second) = lesson_questions(LESSON_WITH_EVERY_TYPE)[:2]
    static_form(page, quiz, first).answer(right=True)
    static_form(page, quiz, second).answer(right=False)
    order_before = page.locator(f"#{question_dom_id(quiz, first)} label").all_inner_texts()
    page.reload()
    first_form = page.locator(f"#{question_dom_id(quiz, first)}")
    expect(first_form.locator(".sc-verdict")).to_have_text("Correct.")
    second_verdict = page.locator(f"#{question_dom_id(quiz, second)} .sc-verdict")
    expect(second_verdict).to_have_text(re.compile("^Not quite"))
    assert first_form.locator("label").all_inner_texts() == order_before, "options reshuffled on reload"
    score = page.locator(f"#{quiz_dom_id(quiz)} .sc-score")
    expect(score).to_have_text(f"Score: 1 of {len(quiz.questions)} correct")
    page.locator(f"#{quiz_dom_id(quiz)}").get_by_role("button", name="Clear my answers").click()
    expect(score).to_have_text(f"Score: 0 of {len(quiz.questions)} correct")
    expect(first_form.locator(".sc-feedback")).to_be_empty()
    page.reload()
    expect(page.locator(f"#{question_dom_id(quiz, first)} .sc-feedback")).to_be_empty()
    assert page.locator(f"#{question_dom_id(quiz, first)} input:checked").count() == 0


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
    page = offline.open(built_course / "html" / f"{LESSON_WITH_EVERY_TYPE}.html")
    for case in CASES:
        question = json.loads(spec_question(case["question"]).model_dump_json())
        outcome = page.evaluate("""([question, answer, strings]) => {
            const sc = window.spasmcourse;
            const check = sc.check(question, answer, strings);
            const lines = sc.feedbackLines(question, check, answer, strings)
                .map(line => [line.correct, line.text, line.feedback]);
            return {answered: check.answered, correct: check.correct, right: check.right,
                    total: check.total, missed: check.missed, note: check.note,
                    verdict: sc.verdict(question, check, strings), lines};
        }""", [question, case["answer"], strings()])
        assert outcome == expected(case), case
    for name, answer_text in EXPECTED_ANSWER_TEXT.items():
        question = json.loads(spec_question(name).model_dump_json())
        shown = page.evaluate("([q, s]) => window.spasmcourse.answerText(q, s)", [question, strings()])
        assert shown == answer_text


def test_javascript_shuffle_matches_python(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / f"{LESSON_WITH_EVERY_TYPE}.html")
    for count, seed in [(5, "learner|quiz|q1"), (7, "élève|quiz|q2"), (3, ""), (12, "a|b|c")]:
        for avoid in (False, True):
            in_js = page.evaluate("([n, s, a]) => window.spasmcourse.shuffled(n, s, a)", [count, seed, avoid])
            assert in_js == shuffled(count, seed, avoid_identity=avoid)


EXPORTED = ["html/index.html", *(f"html/{i}.html" for i in LESSON_IDS),
            *(f"slides/{i}.slides.html" for i in LESSON_IDS)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("relative", EXPORTED)
def test_exported_page_passes_axe(built_course: Path, browser, relative: str, scheme: str) -> None:
    holder = OfflinePage(browser, color_scheme=scheme)
    page = holder.open(built_course / relative)
    if relative.startswith("html/"):
        quiz_forms = page.locator("form.sc-question")
        for index in range(min(quiz_forms.count(), 3)):
            quiz_forms.nth(index).get_by_role("button", name="Check answer").click()
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' '))}`);
    }""")
    holder.context.close()
    assert violations == []
    assert holder.refused == [] and holder.errors == []


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_page_reflows_at_200_percent_zoom(built_course: Path, browser, lesson_id: str) -> None:
    holder = OfflinePage(browser, viewport={"width": 640, "height": 900}, device_scale_factor=2)
    page = holder.open(built_course / "html" / f"{lesson_id}.html")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    holder.context.close()
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 200% zoom"
