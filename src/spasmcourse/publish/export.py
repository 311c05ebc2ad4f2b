"""Export executed notebooks to lesson pages and reveal.js decks with our offline templates.

nbconvert is imported when a lesson is exported, so a rebuild with nothing to export never loads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from spasmcourse.content.models import Lesson, Term
from spasmcourse.content.start_cell import LAB_ONLY_TAG
from spasmcourse.elements.glossary import link_terms
from spasmcourse.i18n import strings, text
from spasmcourse.publish.assets import link_assets
from spasmcourse.publish.outline import table_of_contents
from spasmcourse.rendering import render

if TYPE_CHECKING:
    import nbformat
    from traitlets.config import Config

TEMPLATE_FOLDER = Path(str(files("spasmcourse").joinpath("templates", "nbconvert")))
HIDE_INPUT_TAG = "remove-input"
GLOSSARY_PAGE = "glossary.html"
REVEAL_FOLDER = "reveal.js"
ASSET_PREFIX = "../assets/"
_NOTEBOOK_LINK = re.compile(r'href="([0-9]{2}(?:-[a-z0-9]+)+)\.ipynb(#[^"]*)?"')


@dataclass(frozen=True)
class LessonContext:
    """What a lesson's page needs to know about the course around it."""

    course_title: str
    language: str
    lesson: Lesson
    previous: Lesson | None
    next: Lesson | None
    lesson_ids: frozenset[str]
    glossary: dict[str, Term]


def _config() -> Config:
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_input_tags = {HIDE_INPUT_TAG}
    config.TagRemovePreprocessor.remove_cell_tags = {LAB_ONLY_TAG}
    config.TemplateExporter.exclude_input_prompt = True
    config.TemplateExporter.exclude_output_prompt = True
    return config


def export_page(notebook: nbformat.NotebookNode, context: LessonContext) -> str:
    """The lesson as one HTML page with previous/next navigation and no external loads."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(config=_config(), template_name="spasm-page",
                            extra_template_basedirs=[str(TEMPLATE_FOLDER)])
    header = render("site/header.html.j2", here=context.lesson.title, course_title=context.course_title,
                    slides_href=f"../slides/{context.lesson.id}.slides.html")
    resources = {"spasm": {**_shared(context), "header": header}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    page = table_of_contents(link_assets(body, ASSET_PREFIX), text("site_on_this_page"))
    return link_terms(link_lessons(page, context.lesson_ids, ".html"), context.glossary, GLOSSARY_PAGE)


def export_slides(notebook: nbformat.NotebookNode, context: LessonContext) -> str:
    """The lesson as a reveal.js deck that loads reveal from the vendored folder beside it."""
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(config=_config(), template_name="spasm-slides",
                              extra_template_basedirs=[str(TEMPLATE_FOLDER)])
    resources = {"spasm": {**_shared(context), "reveal": REVEAL_FOLDER}}
    body, _ = exporter.from_notebook_node(notes_outside_fragments(notebook), resources=resources)
    return link_terms(link_lessons(link_assets(body, ASSET_PREFIX), context.lesson_ids, ".slides.html"),
                      context.glossary, f"../html/{GLOSSARY_PAGE}")


def notes_outside_fragments(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy with each notes cell moved ahead of the fragments it follows.

    reveal.js shows notes inside a fragment only while that fragment is current, so a teacher
    would lose a slide's notes the moment the slide opens; before the fragments they always show.
    """
    import nbformat

    copy = nbformat.from_dict(notebook)
    cells: list = []
    fragments_from: int | None = None
    for cell in copy.cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        if kind == "notes" and fragments_from is not None:
            cells.insert(fragments_from, cell)
            fragments_from += 1
            continue
        if kind == "fragment" and fragments_from is None:
            fragments_from = len(cells)
        elif kind in ("slide", "subslide"):
            fragments_from = None
        cells.append(cell)
    copy.cells = cells
    return copy


def link_lessons(html: str, lesson_ids: frozenset[str], suffix: str) -> str:
    """Point links to lesson notebooks (href="01-x.ipynb") at the exported files instead."""
    def replace(match: re.Match[str]) -> str:
        if match.group(1) not in lesson_ids:
            return match.group(0)
        return f'href="{match.group(1)}{suffix}{match.group(2) or ""}"'
    return _NOTEBOOK_LINK.sub(replace, html)


def _shared(context: LessonContext) -> dict[str, object]:
    return {"course_title": context.course_title, "lesson": context.lesson, "language": context.language,
            "previous": context.previous, "next": context.next, "strings": strings(), "assets": ASSET_PREFIX}
