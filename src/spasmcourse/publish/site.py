"""The course site's own pages, generated from lessons.yml and assets/: index, glossary, sources, flowcharts."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from spasmcourse.content import Course
from spasmcourse.content.models.flowcharts import Flowchart
from spasmcourse.content.notebook_text import notebook_markdown
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.flowchart.static import flowchart_html
from spasmcourse.elements.glossary import lesson_terms
from spasmcourse.elements.lesson_parts import cited_in_order
from spasmcourse.i18n import text
from spasmcourse.publish.assets import link_assets
from spasmcourse.rendering import render

ASSET_PREFIX = "../assets/"


def flowchart_page_name(chart: Flowchart) -> str:
    """The file name of a flowchart's own page."""
    return f"flowchart-{chart.id}.html"


def index_page(course: Course) -> str:
    """The course map: every lesson in order with minutes, prerequisites, objectives and links."""
    titles = {lesson.id: lesson.title for lesson in course.lessons}
    requires = {lesson.id: ", ".join(titles[r] for r in lesson.requires) for lesson in course.lessons}
    flowcharts = [{"title": chart.title, "page": flowchart_page_name(chart)} for chart in _charts(course)]
    return _page("site/index.html.j2", course, "", requires=requires, flowcharts=flowcharts,
                 total_minutes=sum(lesson.minutes for lesson in course.lessons))


def glossary_page(course: Course) -> str:
    """Every glossary term, A to Z, with its definition, source and the lessons that mark it."""
    used_in: dict[str, list] = {}
    for lesson in course.lessons:
        for term in lesson_terms(course, notebook_markdown(course.notebook_path(lesson))):
            used_in.setdefault(term.id, []).append(lesson)
    terms = sorted(course.glossary.values(), key=lambda term: term.term.lower())
    sources = {term.id: citation_text(course.references[term.reference]) for term in terms}
    return _page("site/glossary.html.j2", course, text("glossary_title"), terms=terms, used_in=used_in,
                 sources=sources)


def references_page(course: Course) -> str:
    """Every source, A to Z by citation, with its grade and the lessons that cite it."""
    cited_by: dict[str, list] = {}
    for lesson in course.lessons:
        for key in cited_in_order(course, lesson.id):
            cited_by.setdefault(key, []).append(lesson)
    entries = sorted(({"key": key, "text": citation_text(reference), "url": citation_url(reference),
                       "grade": reference.grade, "lessons": cited_by.get(key, [])}
                      for key, reference in course.references.items()), key=lambda entry: entry["text"].lower())
    return _page("site/references.html.j2", course, text("site_references_title"), entries=entries)


def flowchart_pages(course: Course) -> dict[str, str]:
    """One page per triage flowchart, keyed by file name, each working offline on its own."""
    return {flowchart_page_name(chart): _page(
                "site/flowchart.html.j2", course, chart.title, chart=chart,
                rendering=Markup(flowchart_html(chart, course.references, course.findings)))
            for chart in _charts(course)}


def search_page(course: Course, search_strings: Any) -> str:
    """The offline search page; the index it searches is written beside it as search-index.js."""
    return _page("site/search.html.j2", course, text("site_search_title"), search_strings=search_strings)


def _charts(course: Course) -> list[Flowchart]:
    return sorted(course.flowcharts.values(), key=lambda chart: chart.id)


def _page(template: str, course: Course, here: str, **context: Any) -> str:
    html = render(template, course=course, course_title=course.manifest.title, here=here,
                  language=course.manifest.language, **context)
    return link_assets(html, ASSET_PREFIX)
