"""Export executed notebooks to lesson pages and reveal.js decks with our offline templates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter, SlidesExporter
from traitlets.config import Config

from spasmcourse.content.extras import Term
from spasmcourse.content.models import Lesson
from spasmcourse.elements.glossary import link_terms
from spasmcourse.i18n import strings
from spasmcourse.rendering import inline_asset

TEMPLATE_FOLDER = Path(str(files("spasmcourse").joinpath("templates", "nbconvert")))
HIDE_INPUT_TAG = "remove-input"
GLOSSARY_PAGE = "glossary.html"
REVEAL_FOLDER = "reveal.js"
_NOTEBOOK_LINK = re.compile(r'href="([0-9]{2}(?:-[a-z0-9]+)+)\.ipynb(#[^"]*)?"')
_INLINE_ASSET = re.compile(r'<(style|script) data-sc-asset="([^"]+)">.*?</\1>\n?', re.S)


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
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_input_tags = {HIDE_INPUT_TAG}
    config.TemplateExporter.exclude_input_prompt = True
    config.TemplateExporter.exclude_output_prompt = True
    return config


def export_page(notebook: nbformat.NotebookNode, context: LessonContext) -> str:
    """The lesson as one HTML page with previous/next navigation and no external loads."""
    exporter = HTMLExporter(config=_config(), template_name="spasm-page",
                            extra_template_basedirs=[str(TEMPLATE_FOLDER)])
    resources = {"spasm": {**_shared(context), "css": inline_asset("page.css"),
                           "slides_href": f"../slides/{context.lesson.id}.slides.html"}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return link_terms(link_lessons(single_assets(body), context.lesson_ids, ".html"), context.glossary,
                      GLOSSARY_PAGE)


def export_slides(notebook: nbformat.NotebookNode, context: LessonContext) -> str:
    """The lesson as a reveal.js deck that loads reveal from the vendored folder beside it."""
    exporter = SlidesExporter(config=_config(), template_name="spasm-slides",
                              extra_template_basedirs=[str(TEMPLATE_FOLDER)])
    resources = {"spasm": {**_shared(context), "css": inline_asset("slides.css"),
                           "reveal": REVEAL_FOLDER}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return link_terms(link_lessons(single_assets(body), context.lesson_ids, ".slides.html"), context.glossary,
                      f"../html/{GLOSSARY_PAGE}")


def link_lessons(html: str, lesson_ids: frozenset[str], suffix: str) -> str:
    """Point links to lesson notebooks (href="01-x.ipynb") at the exported files instead."""
    def replace(match: re.Match[str]) -> str:
        if match.group(1) not in lesson_ids:
            return match.group(0)
        return f'href="{match.group(1)}{suffix}{match.group(2) or ""}"'
    return _NOTEBOOK_LINK.sub(replace, html)


def single_assets(html: str) -> str:
    """Keep the first inline copy of each element asset (quiz CSS and JS) and drop the repeats.

    Every element output carries its assets so it works alone; the scripts are idempotent and
    also run on DOMContentLoaded, so one copy per page serves every element on it.
    """
    seen: set[str] = set()

    def first_only(match: re.Match[str]) -> str:
        if match.group(2) in seen:
            return ""
        seen.add(match.group(2))
        return match.group(0)
    return _INLINE_ASSET.sub(first_only, html)


def _shared(context: LessonContext) -> dict[str, object]:
    return {"course_title": context.course_title, "lesson": context.lesson, "language": context.language,
            "previous": context.previous, "next": context.next, "strings": strings()}
