"""Slider charts (assets/charts/<id>.yml): curves a learner moves along with a slider."""

from __future__ import annotations

from pydantic import Field, model_validator

from spasmcourse.content.models.base import ContentModel, Number, RuleError, Slug, Text

MAX_STEPS = 1000


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
