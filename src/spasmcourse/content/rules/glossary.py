"""Rules for the glossary: each term once, with a known reference."""

from __future__ import annotations

from collections.abc import Iterator

from spasmcourse.content.course import GLOSSARY, Course
from spasmcourse.content.rules.shared import known_references, unknown_reference
from spasmcourse.problems import Problem


def glossary_problems(course: Course) -> Iterator[Problem]:
    """Terms with one id and one definition each, citing known references."""
    if GLOSSARY not in course.documents or GLOSSARY in course.unreadable:
        return
    document, known = course.documents[GLOSSARY], known_references(course)
    seen_ids: set[str] = set()
    seen_terms: set[str] = set()
    for index, item in enumerate(document.data.get("terms", [])):
        term_id = item.get("id") if isinstance(item, dict) else None
        if term_id in seen_ids:
            yield document.problem(("terms", index, "id"), f"duplicate term id '{term_id}'",
                                   "give each term its own id")
        seen_ids.add(term_id)
    for index, term in enumerate(course.glossary.values()):
        if term.term.lower() in seen_terms:
            yield document.problem(("terms", index, "term"), f"the term '{term.term}' is defined twice",
                                   "keep one definition of it")
        seen_terms.add(term.term.lower())
        yield from unknown_reference(document, ("terms", index, "reference"), term.reference, known)
