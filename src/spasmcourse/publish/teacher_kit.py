"""The teacher's kit: per lesson a printable guide and a student handout (HTML and PDF), and an index."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from markupsafe import Markup

from spasmcourse.cli_progress import progress
from spasmcourse.content import Course
from spasmcourse.content.assessment_questions import quizzes_shown
from spasmcourse.content.models import Lesson, Quiz
from spasmcourse.i18n import text
from spasmcourse.publish.answer_key import answer_entry
from spasmcourse.publish.browser import open_browser
from spasmcourse.publish.handouts import handout_page, print_pdf
from spasmcourse.publish.notes import lesson_sections, markdown_html
from spasmcourse.rendering import inline_asset, render

HANDOUT_FOLDER = "handouts"


@dataclass
class KitReport:
    """What the kit wrote: the index, one guide (HTML and PDF) and one handout PDF per lesson."""

    index: Path
    guides: list[Path] = field(default_factory=list)
    guide_pdfs: list[Path] = field(default_factory=list)
    handouts: list[Path] = field(default_factory=list)


def write_teacher_kit(course: Course, out: Path) -> KitReport:
    """Write out/index.html, out/<lesson>.html and .pdf, out/handouts/<lesson>.html and .pdf, with one browser."""
    handouts = out / HANDOUT_FOLDER
    handouts.mkdir(parents=True, exist_ok=True)
    css = inline_asset("page.css") + inline_asset("print.css")
    report = KitReport(out / "index.html")
    with open_browser() as browser, progress(course.lessons, "Writing the teacher's kit") as steps:
        context = browser.new_context()
        for lesson in course.lessons:
            notebook = nbformat.read(course.notebook_path(lesson), as_version=4)
            quizzes = quizzes_shown(course, lesson.id, text("assessment_title"))
            guide = _write(out / f"{lesson.id}.html", guide_page(course, lesson, notebook, quizzes, css))
            report.guides.append(guide)
            report.guide_pdfs.append(print_pdf(context, guide, guide.with_suffix(".pdf")))
            page = _write(handouts / f"{lesson.id}.html", handout_page(course, lesson, notebook, quizzes, css))
            report.handouts.append(print_pdf(context, page, page.with_suffix(".pdf")))
            steps.step(f"{lesson.id} guide and handout written")
        context.close()
    _write(report.index, render("site/teacher_index.html.j2", lessons=course.lessons, css=css,
                                handouts=HANDOUT_FOLDER, course_title=course.manifest.title,
                                language=course.manifest.language,
                                total_minutes=sum(lesson.minutes for lesson in course.lessons)))
    return report


def guide_page(course: Course, lesson: Lesson, notebook: nbformat.NotebookNode, quizzes: list[Quiz],
               css: Markup) -> str:
    """The teacher's guide of one lesson: objectives, timing plan, talking points, questions, answer key."""
    sections = lesson_sections(notebook)
    talking = [{"title": section.title, "notes": [markdown_html(note) for note in section.notes]}
               for section in sections if section.notes]
    answers = [{"title": quiz.title, "questions": [answer_entry(course, q) for q in quiz.questions]}
               for quiz in quizzes]
    return render("site/teacher_guide.html.j2", lesson=lesson, css=css, course_title=course.manifest.title,
                  language=course.manifest.language, sections=sections, talking_points=talking,
                  timed_minutes=sum(section.minutes or 0 for section in sections),
                  questions=[(section.title, question) for section in sections for question in section.questions],
                  quizzes=answers, handout=f"{HANDOUT_FOLDER}/{lesson.id}.pdf")


def _write(path: Path, html: str) -> Path:
    path.write_text(html, encoding="utf-8")
    return path
