"""The course index page, generated from lessons.yml."""

from __future__ import annotations

from spasmcourse.content import Course
from spasmcourse.content.citing import notebook_markdown
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.glossary import lesson_terms
from spasmcourse.rendering import inline_asset, render


def glossary_page(course: Course) -> str:
    """Every glossary term, A to Z, with its definition, source and the lessons that mark it."""
    used_in: dict[str, list] = {}
    for lesson in course.lessons:
        for term in lesson_terms(course, notebook_markdown(course.notebook_path(lesson))):
            used_in.setdefault(term.id, []).append(lesson)
    terms = sorted(course.glossary.values(), key=lambda term: term.term.lower())
    sources = {term.id: (citation_text(course.references[term.reference]),
                         citation_url(course.references[term.reference])) for term in terms}
    return render("site/glossary.html.j2", course=course, terms=terms, used_in=used_in, sources=sources,
                  language=course.manifest.language, css=inline_asset("page.css"))


def index_page(course: Course) -> str:
    """The course map: every lesson in order with minutes, prerequisites, objectives and links."""
    titles = {lesson.id: lesson.title for lesson in course.lessons}
    requires = {lesson.id: ", ".join(titles[r] for r in lesson.requires) for lesson in course.lessons}
    return render("site/index.html.j2", course=course, requires=requires, language=course.manifest.language,
                  total_minutes=sum(lesson.minutes for lesson in course.lessons),
                  css=inline_asset("page.css"))
