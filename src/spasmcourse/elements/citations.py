"""How a reference is cited in quiz feedback and reference lists."""

from __future__ import annotations

from spasmcourse.content.models import Reference


def citation_text(reference: Reference) -> str:
    """'Authors (year). Title. Source.' in plain text."""
    year = f" ({reference.year})" if reference.year else ""
    title = reference.title.rstrip(".")
    authors = reference.authors if year else reference.authors.rstrip(".")
    return f"{authors}{year}. {title}. {reference.source.rstrip('.')}."


def citation_url(reference: Reference) -> str:
    """The best address for the reference: its DOI resolver link, else its url."""
    return f"https://doi.org/{reference.doi}" if reference.doi else (reference.url or "")


def anchor(key: str) -> str:
    """The element id a lesson's citation links to: [text](#ref-key)."""
    return f"ref-{key}"
