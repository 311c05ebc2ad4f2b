"""Content beyond quizzes: glossary terms, figures, explorers and slider charts."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from spasmcourse.content.base import ContentModel, InsidePath, Number, RuleError, Slug, Text

MAX_STEPS = 1000
AltText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20)]


class Term(ContentModel):
    """A glossary entry; lessons mark it in Markdown as [text](#term-<id>)."""

    id: Slug
    term: Text
    definition: Text
    reference: Slug


class Glossary(ContentModel):
    """assets/glossary.yml."""

    terms: list[Term] = Field(min_length=1)


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


class ExplorerGroup(ContentModel):
    """One filter of an explorer."""

    id: Slug
    label: Text


class ExplorerItem(ContentModel):
    """One entry of an explorer, in one or more groups."""

    title: Text
    text: Text
    groups: list[Slug] = Field(min_length=1)
    reference: Slug
    badge: Text | None = None


class Explorer(ContentModel):
    """assets/explorers/<id>.yml: items a learner filters by group to see how they relate."""

    id: Slug
    title: Text
    intro: Text | None = None
    badge_label: Text | None = None
    groups: list[ExplorerGroup] = Field(min_length=2, max_length=8)
    items: list[ExplorerItem] = Field(min_length=2, max_length=40)


class Axis(ContentModel):
    """An axis of a slider chart."""

    label: Text
    min: Number = 0
    max: Number
    step: Number = Field(default=1, gt=0)
    unit: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> Axis:
        if self.min >= self.max:
            raise RuleError(f"min {self.min:g} must be below max {self.max:g}", "swap min and max, or widen the axis")
        span = self.max - self.min
        if self.step < span / MAX_STEPS or self.step > span:
            raise RuleError(f"step {self.step:g} does not suit an axis from {self.min:g} to {self.max:g}",
                            f"use a step between {span / MAX_STEPS:g} and {span:g}, so the slider has at most "
                            f"{MAX_STEPS} positions")
        return self


class Series(ContentModel):
    """A named line of (x, y) points, joined by straight segments."""

    name: Text
    points: list[tuple[Number, Number]] = Field(min_length=2)


class ChartNote(ContentModel):
    """Text shown while the slider is between `start` and `end`."""

    start: Number
    end: Number
    text: Text


class SliderChart(ContentModel):
    """assets/charts/<id>.yml: lines over x with a slider that reads them off at any x."""

    id: Slug
    title: Text
    intro: Text | None = None
    schematic: bool = False
    x: Axis
    y: Axis
    series: list[Series] = Field(min_length=1, max_length=4)
    notes: list[ChartNote] = Field(default_factory=list)
    references: list[Slug] = Field(min_length=1)
