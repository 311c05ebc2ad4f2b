"""Every slide of every deck, walked with the right arrow on a 1280x720 projector, is reached and fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import REPO, OfflinePage
from quiz_drivers import StaticForm
from spasmcourse.content import load_course
from spasmcourse.content.assessment_questions import quizzes_shown
from spasmcourse.elements.quiz.static import question_dom_id
from spasmcourse.i18n import strings

COURSE = load_course(REPO)
LESSON_IDS = [lesson.id for lesson in COURSE.lessons]
PROJECTOR = {"width": 1280, "height": 720}
MAX_PRESSES = 400

# What on the current slide lies outside it: the slide must sit inside the window, and nothing
# may stick out of it, except below the bottom edge of a slide that scrolls and shows its cue.
MISFITS = """() => {
  const slide = Reveal.getCurrentSlide();
  const box = slide.getBoundingClientRect();
  const problems = [];
  if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) {
    problems.push(`the slide box ${JSON.stringify(box)} is outside the window`);
  }
  const scrolls = slide.scrollHeight - slide.clientHeight > 2;
  const cue = slide.querySelector('.sc-more');
  const cueBox = cue && cue.getBoundingClientRect();
  const cueShown = cue && cue.checkVisibility({visibilityProperty: true})
    && cueBox.top >= box.top - 1 && cueBox.bottom <= box.bottom + 1;
  const atEnd = slide.scrollTop + slide.clientHeight >= slide.scrollHeight - 2;
  if (scrolls && !atEnd && !cueShown) { problems.push('the slide scrolls but shows no cue'); }
  const scrollsSideways = (el) => {
    for (let up = el.parentElement; up && up !== slide; up = up.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) { return true; }
    }
    return false;
  };
  for (const el of slide.querySelectorAll('*')) {
    if (el.closest('aside.notes') || !el.checkVisibility({visibilityProperty: true})) { continue; }
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) { continue; }
    const name = `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 60);
    if ((r.left < box.left - 1 || r.right > box.right + 1) && !scrollsSideways(el)) {
      problems.push(`${name} sticks out sideways (${Math.round(r.left)}..${Math.round(r.right)})`);
    }
    if (!scrolls && r.bottom > box.bottom + 1) {
      problems.push(`${name} is cut off at the bottom (${Math.round(r.bottom)} > ${Math.round(box.bottom)})`);
    }
  }
  return problems.slice(0, 5);
}"""

# The feedback lies on the slide, above the cue that would cover it; feedback taller than the
# slide starts at its top edge, and the cue says there is more.
FEEDBACK_SHOWN = """(form) => {
  const slide = form.closest('section');
  const cue = slide.querySelector('.sc-more');
  const box = slide.getBoundingClientRect();
  const cueShown = cue.classList.contains('sc-more-shown');
  const bottom = cueShown ? cue.getBoundingClientRect().top : box.bottom;
  const feedback = form.querySelector('.sc-feedback').getBoundingClientRect();
  const fills = cueShown && feedback.top <= box.top + 24 && feedback.bottom > bottom;
  return feedback.height > 0 && feedback.top >= box.top - 1 && (feedback.bottom <= bottom + 1 || fills);
}"""
SETTLED = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def position(page: Page) -> tuple[int, int, int]:
    """(horizontal, vertical, slides before this one) of the current slide."""
    return tuple(page.evaluate("[Reveal.getIndices().h, Reveal.getIndices().v, Reveal.getSlidePastCount()]"))


def check_quiz_feedback(page: Page, lesson_id: str) -> list[str]:
    """Answer every quiz question shown now, wrong then right; its feedback must be on the slide."""
    questions = {question_dom_id(quiz, question): question
                 for quiz in quizzes_shown(COURSE, lesson_id, strings()["assessment_title"])
                 for question in quiz.questions}
    problems = []
    for form in page.locator("section.present form.sc-question").all():
        if not form.is_visible():
            continue
        dom_id = form.get_attribute("id")
        driver = StaticForm(page, form, questions[dom_id])
        for right in (False, True):
            driver.answer(right=right)
            page.wait_for_timeout(80)
            if not form.evaluate(FEEDBACK_SHOWN):
                problems.append(f"{dom_id}: the feedback is off the slide after Check answer")
        page.evaluate("document.activeElement && document.activeElement.blur()")
    return problems


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_right_arrow_reaches_every_slide_and_each_fits(built_course: Path, browser, lesson_id: str) -> None:
    holder = OfflinePage(browser, viewport=PROJECTOR)
    page = holder.open(built_course / "slides" / f"{lesson_id}.slides.html")
    page.wait_for_selector(".reveal.ready")
    total = page.evaluate("Reveal.getTotalSlides()")
    seen: list[tuple[int, int, int]] = []
    problems: dict[str, list[str]] = {}
    for _ in range(MAX_PRESSES):
        page.evaluate(SETTLED)
        here = position(page)
        if not seen or seen[-1] != here:
            seen.append(here)
        misfits = page.evaluate(MISFITS) + check_quiz_feedback(page, lesson_id)
        if misfits:
            problems.setdefault(f"slide {here[0]}/{here[1]}", []).extend(misfits)
        if page.evaluate("Reveal.isLastSlide() && !Reveal.availableFragments().next"):
            break
        page.keyboard.press("ArrowRight")
    holder.context.close()
    assert [past for _, _, past in seen] == list(range(total)), f"slides reached in order: {seen} of {total}"
    assert problems == {}, problems
    assert holder.refused == [] and holder.errors == []
