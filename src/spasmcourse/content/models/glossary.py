"""The glossary (assets/glossary.yml): terms lessons mark as [text](#term-<id>)."""

from __future__ import annotations

from pydantic import Field

from spasmcourse.content.models.base import ContentModel, Slug, Text


class Term(ContentModel):
    """A glossary entry; lessons mark it in Markdown as [text](#term-<id>)."""

    id: Slug
    term: Text
    definition: Text
    reference: Slug


class Glossary(ContentModel):
    """assets/glossary.yml."""

    terms: list[Term] = Field(min_length=1)
