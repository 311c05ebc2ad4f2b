"""Build the course: check it, execute every lesson, write pages, decks and the index."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from spasmcourse.build.assets import write_shared_assets
from spasmcourse.build.execute import execute_notebook
from spasmcourse.build.export import GLOSSARY_PAGE, REVEAL_FOLDER, LessonContext, export_page, export_slides
from spasmcourse.build.search import INDEX_FILE, search_documents, search_index_script, search_strings
from spasmcourse.build.site import flowchart_pages, glossary_page, index_page, references_page, search_page
from spasmcourse.content import Course, load_course
from spasmcourse.content.notebooks import check_course
from spasmcourse.problems import ContentError
from spasmcourse.progress_report import progress

FORMATS = ("html", "slides")


@dataclass
class BuildReport:
    """What a build wrote, and how long it took."""

    out: Path
    pages: list[Path] = field(default_factory=list)
    decks: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def build_course(root: Path, out: Path, formats: tuple[str, ...] = FORMATS) -> BuildReport:
    """Write out/html (index and lesson pages) and out/slides (one deck per lesson)."""
    started = time.perf_counter()
    problems = check_course(root)
    if problems:
        raise ContentError(problems)
    course = load_course(root)
    report = BuildReport(out)
    html_folder, slides_folder = out / "html", out / "slides"
    write_shared_assets(out)
    if "slides" in formats:
        _copy_reveal(slides_folder / REVEAL_FOLDER)
    lessons = course.lessons
    pages: dict[str, str] = {}
    with progress(lessons, "Building lessons") as steps:
        for lesson in lessons:
            notebook = execute_notebook(course.notebook_path(lesson), lesson.notebook)
            context = _context(course, lesson.id)
            if "html" in formats:
                pages[lesson.id] = export_page(notebook, context)
                report.pages.append(_write(html_folder / f"{lesson.id}.html", pages[lesson.id]))
            if "slides" in formats:
                deck = slides_folder / f"{lesson.id}.slides.html"
                report.decks.append(_write(deck, export_slides(notebook, context)))
            steps.step(f"{lesson.id} built")
    if "html" in formats:
        report.pages[:0] = _write_site_pages(course, html_folder, pages)
    report.seconds = time.perf_counter() - started
    return report


def _write_site_pages(course: Course, folder: Path, pages: dict[str, str]) -> list[Path]:
    charts = flowchart_pages(course)
    site = {"index.html": index_page(course), GLOSSARY_PAGE: glossary_page(course),
            "references.html": references_page(course), "search.html": search_page(course, search_strings()),
            **charts}
    _write(folder / INDEX_FILE, search_index_script(search_documents(course, pages, charts)))
    return [_write(folder / name, html) for name, html in site.items()]


def _context(course: Course, lesson_id: str) -> LessonContext:
    previous, following = course.neighbours(lesson_id)
    return LessonContext(course.manifest.title, course.manifest.language, course.lesson(lesson_id),
                         previous, following, frozenset(lesson.id for lesson in course.lessons), course.glossary)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _copy_reveal(target: Path) -> None:
    source = Path(str(files("spasmcourse").joinpath("vendor", "reveal.js")))
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
