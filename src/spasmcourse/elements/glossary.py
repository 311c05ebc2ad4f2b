"""Glossary terms: definitions on hover and keyboard focus, in exports and in live JupyterLab."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from spasmcourse.content import Course
from spasmcourse.content.models import Term

_TERM_LINK = re.compile(r'<a href="#term-([a-z0-9-]+)">(.*?)</a>', re.S)


def term_markup(term: Term, shown: Markup | str, href: str, number: int) -> Markup:
    """A term link with its definition as a tooltip shown on hover and focus, and read as its description."""
    tip_id = f"sc-def-{term.id}-{number}"
    return Markup(
        f'<span class="sc-term-wrap"><a class="sc-term" href="{escape(href)}" aria-describedby="{tip_id}">'
        f'{shown}</a><span class="sc-term-tip" role="tooltip" id="{tip_id}">'
        f"<strong>{escape(term.term)}:</strong> {escape(term.definition)}</span></span>")


def link_terms(html: str, glossary: dict[str, Term], glossary_page: str) -> str:
    """Turn every [text](#term-id) link of an exported page into a term with its definition."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        term = glossary.get(match.group(1))
        if term is None:
            return match.group(0)
        count += 1
        return term_markup(term, Markup(match.group(2)), f"{glossary_page}#term-{term.id}", count)

    return _TERM_LINK.sub(replace, html)


def lesson_terms(course: Course, markdown: str) -> list[Term]:
    """The glossary terms a lesson marks, in order of first appearance."""
    ids = list(dict.fromkeys(re.findall(r"\]\(#term-([a-z0-9-]+)\)", markdown)))
    return [course.glossary[term_id] for term_id in ids if term_id in course.glossary]
