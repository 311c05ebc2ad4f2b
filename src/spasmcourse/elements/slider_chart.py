"""slider_chart("id"): lines over x with a slider that reads every line off at one x."""

from __future__ import annotations

import itertools
from typing import Any

import ipywidgets as widgets
from markupsafe import Markup

from spasmcourse.content.current_course import current_course
from spasmcourse.content.models import Reference, SliderChart
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.failure import shows_problems
from spasmcourse.i18n import strings, text
from spasmcourse.rendering import asset_tags, inline_asset, render, script_json

CHART_STYLES = ("slider-chart.css",)
CHART_SCRIPTS = ("slider-chart.js",)
WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 560, 300, 56, 44, 14, 20


def value_at(points: list[tuple[float, float]], x: float) -> float:
    """The line's y at x, joining the points with straight segments (mirrored in slider-chart.js)."""
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x <= x1:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def note_at(chart: SliderChart, x: float) -> str:
    """The note for the range x falls in, if any."""
    return next((note.text for note in chart.notes if note.start <= x <= note.end), "")


def chart_svg(chart: SliderChart, dom_id: str, x: float) -> Markup:
    """The chart as inline SVG with a marker at x."""
    def px(value: float) -> float:
        return round(LEFT + (value - chart.x.min) / (chart.x.max - chart.x.min) * (WIDTH - LEFT - RIGHT), 1)

    def py(value: float) -> float:
        return round(HEIGHT - BOTTOM - (value - chart.y.min) / (chart.y.max - chart.y.min) * (HEIGHT - BOTTOM - TOP), 1)

    lines = [{"name": s.name, "index": i, "points": " ".join(f"{px(a)},{py(b)}" for a, b in s.points),
              "dot": (px(x), py(value_at(s.points, x)))} for i, s in enumerate(chart.series)]
    return Markup(render("elements/slider_chart.svg.j2", chart=chart, dom_id=dom_id, lines=lines, width=WIDTH,
                         height=HEIGHT, left=LEFT, bottom=HEIGHT - BOTTOM, top=TOP, right=WIDTH - RIGHT,
                         marker=px(x), label=text("chart_label", title=chart.title)))


def readouts(chart: SliderChart, x: float) -> list[tuple[str, str]]:
    """(series name, y at x written with one decimal) for every series."""
    return [(s.name, f"{value_at(s.points, x):.1f}") for s in chart.series]


def slider_chart_html(chart: SliderChart, references: dict[str, Reference]) -> str:
    """The chart with a range slider (scripts) and, without scripts, the lines as a table of points."""
    dom_id = f"sc-chart-{chart.id}"
    start = chart.x.min
    data = {"x": chart.x.model_dump(), "y": chart.y.model_dump(), "series": [s.model_dump() for s in chart.series],
            "notes": [n.model_dump() for n in chart.notes], "geometry": [WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT],
            "strings": {k: v for k, v in strings().items() if k.startswith("chart_")}}
    return render("elements/slider_chart.html.j2", chart=chart, dom_id=dom_id, svg=chart_svg(chart, dom_id, start),
                  readouts=readouts(chart, start), note=note_at(chart, start), sources=_sources(chart, references),
                  data=script_json(data), assets=asset_tags(CHART_STYLES, CHART_SCRIPTS))


class SliderChartWidget(widgets.VBox):
    """A live slider chart: moving the slider redraws the marker and the values read off each line."""

    def __init__(self, chart: SliderChart, references: dict[str, Reference]) -> None:
        self.chart = chart
        self._references = references
        self.dom_id = f"sc-chart-{chart.id}"
        self.slider = widgets.FloatSlider(value=chart.x.min, min=chart.x.min, max=chart.x.max, step=chart.x.step,
                                          description=chart.x.label, style={"description_width": "initial"},
                                          layout=widgets.Layout(width="100%", max_width="560px"))
        self.plot = widgets.HTML()
        self.readout = widgets.HTML()
        header = widgets.HTML(f"<style>{inline_asset('slider-chart.css')}</style>"
                              + render("elements/slider_chart_header.html.j2", chart=chart))
        footer = widgets.HTML(render("elements/slider_chart_footer.html.j2", chart=chart,
                                     sources=_sources(chart, references)))
        self.slider.observe(lambda _: self._draw(), names="value")
        super().__init__([header, self.slider, self.plot, self.readout, footer])
        self.add_class("sc-chart")
        self.add_class("sc-live")
        self.add_class(self.dom_id)
        self._draw()

    def _draw(self) -> None:
        x = self.slider.value
        self.plot.value = str(chart_svg(self.chart, self.dom_id, x))
        self.readout.value = render("elements/slider_chart_readout.html.j2", chart=self.chart,
                                    readouts=readouts(self.chart, x), note=note_at(self.chart, x), x=_number(x))

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = slider_chart_html(self.chart, self._references)
        return bundle


@shows_problems
def slider_chart(chart_id: str) -> SliderChartWidget:
    """The slider chart with this id from assets/charts."""
    course = current_course()
    return SliderChartWidget(course.chart(chart_id), course.references)


def _number(value: float) -> str:
    return f"{value:g}"


def _sources(chart: SliderChart, references: dict[str, Reference]) -> list[dict[str, str]]:
    return [{"text": citation_text(references[key]), "url": citation_url(references[key])} for key in chart.references]
