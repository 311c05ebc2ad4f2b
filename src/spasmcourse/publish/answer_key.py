"""The teacher's answer key: every quiz question of a lesson with its answer, feedback and source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spasmcourse.content import Course
from spasmcourse.content.assessment_questions import quizzes_shown
from spasmcourse.content.models.questions import Categorize, Matching, Numeric, Ordering, Question
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.quiz.checking import choice_options
from spasmcourse.elements.quiz.feedback import answer_text
from spasmcourse.i18n import text
from spasmcourse.rendering import inline_asset, render


def write_answer_keys(course: Course, out: Path) -> list[Path]:
    """Write out/index.html and one printable answer key per lesson that has quizzes."""
    out.mkdir(parents=True, exist_ok=True)
    css = inline_asset("page.css") + inline_asset("print.css")
    written, listed = [], []
    for lesson in course.lessons:
        quizzes = quizzes_shown(course, lesson.id, text("assessment_title"))
        if not quizzes:
            continue
        views = [{"title": quiz.title, "questions": [answer_entry(course, q) for q in quiz.questions]}
                 for quiz in quizzes]
        path = out / f"{lesson.id}.html"
        path.write_text(render("site/answer_key.html.j2", lesson=lesson, quizzes=views, css=css,
                               course_title=course.manifest.title, language=course.manifest.language),
                        encoding="utf-8")
        written.append(path)
        listed.append((lesson, sum(len(quiz.questions) for quiz in quizzes)))
    index = out / "index.html"
    index.write_text(render("site/answer_key_index.html.j2", lessons=listed, css=css,
                            course_title=course.manifest.title, language=course.manifest.language),
                     encoding="utf-8")
    return [index, *written]


def answer_entry(course: Course, question: Question) -> dict[str, Any]:
    """One question as the answer key shows it: the answer, the feedback per option or item, and the source."""
    reference = course.references[question.reference]
    return {"question": question, "answer": answer_text(question), "feedback": _feedback(question),
            "source": citation_text(reference), "source_url": citation_url(reference)}


def _feedback(question: Question) -> list[tuple[str, str]]:
    if isinstance(question, Numeric):
        feedback = question.feedback
        return [(text("correct"), feedback.correct), ("<", feedback.too_low), (">", feedback.too_high)]
    if isinstance(question, Matching):
        return [(pair.term, pair.feedback) for pair in question.pairs]
    if isinstance(question, Ordering | Categorize):
        return [(item.text, item.feedback) for item in question.items]
    marks = {True: "\u2713", False: "\u2717"}
    return [(f"{marks[option.correct]} {option.text}", option.feedback)
            for option in choice_options(question)]
