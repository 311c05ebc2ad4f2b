"""Build the course: check it, execute every lesson, write pages, decks and the index."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from spasmcourse.cli_progress import progress
from spasmcourse.content import Course
from spasmcourse.content.models import Lesson
from spasmcourse.content.rules import checked_course
from spasmcourse.i18n import current_language
from spasmcourse.publish import FORMATS
from spasmcourse.publish.assets import highlight_css, write_shared_assets
from spasmcourse.publish.cache import BuildCache, lesson_key, text_key
from spasmcourse.publish.execute import execute_notebook
from spasmcourse.publish.export import GLOSSARY_PAGE, REVEAL_FOLDER, LessonContext, export_page, export_slides
from spasmcourse.publish.outline import Outline, outline_from_json, outline_json, page_outline
from spasmcourse.publish.search import INDEX_FILE, search_documents, search_index_script, search_strings
from spasmcourse.publish.site import flowchart_pages, glossary_page, index_page, references_page, search_page


@dataclass
class BuildReport:
    """What a build wrote, and how long it took."""

    out: Path
    pages: list[Path] = field(default_factory=list)
    decks: list[Path] = field(default_factory=list)
    executed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build_course(root: Path, out: Path, formats: tuple[str, ...] = FORMATS) -> BuildReport:
    """Write out/html (index and lesson pages) and out/slides (one deck per lesson).

    A lesson whose inputs, the library and the settings are unchanged since the last build into
    `out` is neither executed nor exported again (see build/cache.py).
    """
    started = time.perf_counter()
    course = checked_course(root)
    report = BuildReport(out)
    html_folder, slides_folder = out / "html", out / "slides"
    build_cache = BuildCache(out)
    write_shared_assets(out, str(build_cache.remembered(text_key("highlight.css"), highlight_css)))
    if "slides" in formats:
        _copy_reveal(slides_folder / REVEAL_FOLDER)
    lessons = course.lessons
    pages: dict[str, str] = {}
    with progress(lessons, "Building lessons") as steps:
        for lesson in lessons:
            key = lesson_key(course, lesson, current_language())
            outputs = {"html": html_folder / f"{lesson.id}.html", "slides": slides_folder / f"{lesson.id}.slides.html"}
            stale = [f for f in formats if not build_cache.fresh(lesson.id, f, key, outputs[f])]
            if stale:
                _build_lesson(course, lesson, {f: outputs[f] for f in stale})
                for output_format in stale:
                    build_cache.record(lesson.id, output_format, key)
                build_cache.save()
                report.executed.append(lesson.id)
            else:
                report.unchanged.append(lesson.id)
            if "html" in formats:
                pages[lesson.id] = outputs["html"].read_text(encoding="utf-8")
                report.pages.append(outputs["html"])
            if "slides" in formats:
                report.decks.append(outputs["slides"])
            steps.step(f"{lesson.id} {'built' if stale else 'unchanged'}")
    if "html" in formats:
        report.pages[:0] = _write_site_pages(course, html_folder, pages, _remembered_outline(build_cache))
    build_cache.save()
    report.seconds = time.perf_counter() - started
    return report


def _build_lesson(course: Course, lesson: Lesson, outputs: dict[str, Path]) -> None:
    notebook = execute_notebook(course.notebook_path(lesson), lesson.notebook)
    context = _context(course, lesson.id)
    if "html" in outputs:
        _write(outputs["html"], export_page(notebook, context))
    if "slides" in outputs:
        _write(outputs["slides"], export_slides(notebook, context))


def _remembered_outline(build_cache: BuildCache) -> Callable[[str], Outline]:
    """`page_outline`, remembered between builds for pages that did not change."""
    def outline(html: str) -> Outline:
        data = build_cache.remembered(text_key("page outline", html), lambda: outline_json(page_outline(html)))
        try:
            return outline_from_json(data)  # type: ignore[arg-type]
        except (KeyError, TypeError):
            return page_outline(html)
    return outline


def _write_site_pages(course: Course, folder: Path, pages: dict[str, str],
                      outline: Callable[[str], Outline]) -> list[Path]:
    charts = flowchart_pages(course)
    site = {"index.html": index_page(course), GLOSSARY_PAGE: glossary_page(course),
            "references.html": references_page(course), "search.html": search_page(course, search_strings()),
            **charts}
    _write(folder / INDEX_FILE, search_index_script(search_documents(course, pages, charts, outline)))
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
