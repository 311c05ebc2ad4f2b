"""The offline search index: every lesson section, quiz question, glossary term, source and flowchart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spasmcourse.content import Course
from spasmcourse.elements.citations import citation_text
from spasmcourse.i18n import strings
from spasmcourse.publish.outline import Outline, page_outline
from spasmcourse.rendering import script_json

INDEX_FILE = "search-index.js"


def search_documents(course: Course, pages: dict[str, str], flowchart_pages: dict[str, str],
                     outline: Callable[[str], Outline] = page_outline) -> list[dict]:
    """One document per thing a reader may look for, each with the address of where it is shown.

    `pages` maps each lesson id to its exported page, so the index holds what the page shows;
    `outline` reads a page's sections and questions (the build passes one that remembers them).
    """
    documents: list[dict[str, Any]] = []
    for lesson in course.lessons:
        sections, questions = outline(pages[lesson.id])
        page = f"{lesson.id}.html"
        documents += [_document("lesson", f"{page}#{s.anchor}", s.title, lesson.title, s.text) for s in sections]
        documents += [_document("quiz", f"{page}#{q.anchor}", q.prompt, lesson.title, q.prompt) for q in questions]
    documents += [_document("glossary", f"glossary.html#term-{term.id}", term.term, "", term.definition)
                  for term in course.glossary.values()]
    documents += [_document("reference", f"references.html#ref-{key}", citation_text(reference), "",
                            citation_text(reference)) for key, reference in course.references.items()]
    for name, html in flowchart_pages.items():
        sections, _ = outline(html)
        documents += [_document("flowchart", name, s.title, "", s.text) for s in sections[:1]]
    for number, document in enumerate(documents):
        document["id"] = str(number)
    return documents


def search_index_script(documents: list[dict]) -> str:
    """The documents as a script that sets window.scSearchDocuments (pages from file:// cannot fetch JSON)."""
    return f"window.scSearchDocuments = {script_json(documents)};\n"


def search_strings() -> Any:
    """The interface strings the search page's script needs, as safe JSON."""
    wanted = ("site_search_none", "site_search_count", "site_search_count_one", "site_search_kind_lesson",
              "site_search_kind_quiz", "site_search_kind_glossary", "site_search_kind_reference",
              "site_search_kind_flowchart")
    catalogue = strings()
    return script_json({key: catalogue[key] for key in wanted})


def _document(kind: str, url: str, title: str, lesson: str, body: str) -> dict[str, Any]:
    return {"kind": kind, "url": url, "title": title, "lesson": lesson, "text": body}
