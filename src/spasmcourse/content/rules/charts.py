"""Rules for slider charts: series named once, points in order and inside the axes."""

from __future__ import annotations

from collections.abc import Iterator

from spasmcourse.content.course import Course
from spasmcourse.content.models.charts import SliderChart
from spasmcourse.content.reading import YamlDocument
from spasmcourse.content.rules.shared import file_named_for, known_references, unknown_reference
from spasmcourse.problems import Problem


def chart_problems(course: Course) -> Iterator[Problem]:
    """Every problem in the slider chart files that their model alone cannot see."""
    known = known_references(course)
    for name, chart in course.charts.items():
        yield from _chart(course.documents[name], chart, known)


def _chart(document: YamlDocument, chart: SliderChart, known: set[str] | None) -> Iterator[Problem]:
    yield from file_named_for(document, chart.id, f"its id is '{chart.id}'")
    names: set[str] = set()
    for index, series in enumerate(chart.series):
        if series.name in names:
            yield document.problem(("series", index, "name"), f"two series are named '{series.name}'",
                                   "give each series its own name")
        names.add(series.name)
        xs = [x for x, _ in series.points]
        if xs != sorted(xs):
            yield document.problem(("series", index, "points"), "points must go from left to right (x ascending)",
                                   "list the points from the smallest x to the largest")
        for position, (x, y) in enumerate(series.points):
            if not (chart.x.min <= x <= chart.x.max and chart.y.min <= y <= chart.y.max):
                yield document.problem(("series", index, "points", position),
                                       f"point ({x:g}, {y:g}) lies outside the axes",
                                       "move the point, or widen the axis with x.min, x.max, y.min or y.max")
    for index, note in enumerate(chart.notes):
        if not chart.x.min <= note.start < note.end <= chart.x.max:
            yield document.problem(("notes", index), "a note needs start < end, inside the x axis",
                                   "make start smaller than end, both between x.min and x.max")
    for position, key in enumerate(chart.references):
        yield from unknown_reference(document, ("references", position), key, known)
