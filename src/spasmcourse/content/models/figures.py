"""The figure list (assets/figures/figures.yml): SVG figures with alt text and captions."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from spasmcourse.content.models.base import ContentModel, InsidePath, Slug, Text

AltText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20)]


class Figure(ContentModel):
    """An SVG figure drawn for the course, with the alt text and caption every figure needs."""

    id: Slug
    file: InsidePath
    alt: AltText
    caption: Text
    references: list[Slug] = Field(default_factory=list)


class FigureList(ContentModel):
    """assets/figures/figures.yml."""

    figures: list[Figure] = Field(min_length=1)
