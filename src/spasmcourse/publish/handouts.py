"""The student handout of a lesson: key points, terms and every quiz question to answer on paper, as HTML and PDF."""

from __future__ import annotations

import re
import string
from itertools import zip_longest
from pathlib import Path
from typing import Any

import nbformat
from markupsafe import Markup
from playwright.sync_api import BrowserContext, Route

from spasmcourse.content import Course
from spasmcourse.content.models import Lesson, Quiz
from spasmcourse.content.models.questions import Categorize, Matching, Numeric, Ordering, Question
from spasmcourse.content.notebook_text import notebook_markdown
from spasmcourse.elements.glossary import lesson_terms
from spasmcourse.elements.quiz.checking import choice_options, definitions
from spasmcourse.elements.quiz.shuffle import shuffled
from spasmcourse.publish.notes import key_points, markdown_html
from spasmcourse.rendering import render

_NOT_A_FILE = re.compile(r"^(?!file:)")


def handout_page(course: Course, lesson: Lesson, notebook: nbformat.NotebookNode, quizzes: list[Quiz],
                 css: Markup) -> str:
    """The handout as one self-contained HTML page: no answers, no feedback, nothing loaded from elsewhere."""
    return render("site/handout.html.j2", lesson=lesson, css=css, course_title=course.manifest.title,
                  language=course.manifest.language, key_points=markdown_html(key_points(notebook)),
                  terms=lesson_terms(course, notebook_markdown(course.notebook_path(lesson))),
                  quizzes=[{"title": quiz.title, "questions": [paper_question(quiz, q) for q in quiz.questions]}
                           for quiz in quizzes])


def paper_question(quiz: Quiz, question: Question) -> dict[str, Any]:
    """What a question shows on paper: its prompt and what to fill in, in the shuffled order when it shuffles."""
    seed = f"{quiz.id}|{question.id}"
    view: dict[str, Any] = {"type": question.type, "prompt": question.prompt}
    if isinstance(question, Numeric):
        view["unit"] = question.unit
    elif isinstance(question, Matching):
        lettered = zip(string.ascii_uppercase, _order(definitions(question), seed, question.shuffle), strict=False)
        view["rows"] = list(zip_longest([pair.term for pair in question.pairs], lettered))
        view["distractors"] = bool(question.distractors)
    elif isinstance(question, Ordering):
        texts = [item.text for item in question.items]
        view["entries"] = [texts[index] for index in shuffled(len(texts), seed, avoid_identity=True)]
    elif isinstance(question, Categorize):
        view["entries"] = _order([item.text for item in question.items], seed, question.shuffle)
        view["categories"] = list(question.categories)
        view["lines"] = len(question.items) // len(question.categories) + 1
    else:
        texts = [option.text for option in choice_options(question)]
        view["options"] = _order(texts, seed, getattr(question, "shuffle", False))
    return view


def print_pdf(context: BrowserContext, page_path: Path, pdf_path: Path) -> Path:
    """Print an HTML file to an A4 PDF in `context`, refusing every request that is not for a local file."""
    page = context.new_page()
    try:
        page.route(_NOT_A_FILE, _refuse)
        page.goto(page_path.resolve().as_uri(), wait_until="load")
        page.pdf(path=str(pdf_path), format="A4", print_background=True)
    finally:
        page.close()
    return pdf_path


def _refuse(route: Route) -> None:
    route.abort("blockedbyclient")


def _order(texts: list[str], seed: str, shuffle: bool) -> list[str]:
    return [texts[index] for index in shuffled(len(texts), seed)] if shuffle else texts
