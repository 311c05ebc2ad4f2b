"""The live flowchart: ipywidgets buttons stepping through the chart, with the path drawn on the diagram."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from markupsafe import escape

from spasmcourse.content.models import Reference
from spasmcourse.content.models.findings import Finding
from spasmcourse.content.models.flowcharts import Flowchart, QuestionNode
from spasmcourse.elements.flowchart.diagram import diagram_svg
from spasmcourse.elements.flowchart.static import flowchart_dom_id, flowchart_html, outcome_card, warning_questions
from spasmcourse.elements.flowchart.walk import FlowWalk
from spasmcourse.i18n import text
from spasmcourse.rendering import inline_asset


class FlowchartWidget(widgets.VBox):
    """A flowchart in a live kernel; exports and untrusted views get its static HTML instead."""

    def __init__(self, chart: Flowchart, references: dict[str, Reference], findings: dict[str, Finding]) -> None:
        self.chart = chart
        self._references = references
        self._findings = findings
        self._warnings = warning_questions(chart, findings)
        self.walk = FlowWalk(chart)
        self.dom_id = flowchart_dom_id(chart)
        intro = f'<p class="sc-flow-intro">{escape(chart.intro)}</p>' if chart.intro else ""
        header = widgets.HTML(f"<style>{inline_asset('levels.css')}{inline_asset('flowchart.css')}</style>"
                              f'<h3 class="sc-flow-title">{escape(text("flow_heading", title=chart.title))}</h3>'
                              f"{intro}")
        self.crumbs = widgets.HTML()
        self.step = widgets.HTML()
        self.choices = widgets.HBox()
        self.back_button = widgets.Button(description=text("flow_back"))
        self.restart_button = widgets.Button(description=text("flow_restart"))
        self.back_button.on_click(lambda _: self._do(self.walk.back))
        self.restart_button.on_click(lambda _: self._do(self.walk.restart))
        self.diagram = widgets.HTML()
        super().__init__([header, self.crumbs, self.step, self.choices,
                          widgets.HBox([self.back_button, self.restart_button]), self.diagram])
        self.add_class("sc-flow")
        self.add_class("sc-live")
        self.add_class(self.dom_id)
        self._draw()

    def choose(self, index: int) -> None:
        """Answer the current question, as clicking its button does."""
        self._do(lambda: self.walk.choose(index))

    def _do(self, action) -> None:
        action()
        self._draw()

    def _draw(self) -> None:
        node = self.walk.current
        crumbs = self.walk.crumbs()
        items = "".join(f"<li>{escape(text('flow_crumb', question=q, answer=a))}</li>" for q, a in crumbs)
        self.crumbs.value = (f'<nav aria-label="{escape(text("flow_answers_so_far"))}">'
                             f'<ol class="sc-flow-crumbs">{items}</ol></nav>' if crumbs else "")
        if isinstance(node, QuestionNode):
            flag = (f'<span class="sc-flow-redflag">{escape(text("flow_warning_sign"))}</span> '
                    if node.id in self._warnings else "")
            detail = f'<p class="sc-flow-detail">{escape(node.detail)}</p>' if node.detail else ""
            self.step.value = (f'<div aria-live="polite"><p class="sc-flow-question">{flag}{escape(node.text)}</p>'
                               f"{detail}</div>")
            buttons = []
            for index, choice in enumerate(node.choices):
                button = widgets.Button(description=choice.label, tooltip=choice.label)
                button.on_click(lambda _, i=index: self.choose(i))
                buttons.append(button)
            self.choices.children = buttons
        else:
            self.step.value = f'<div aria-live="polite">{outcome_card(node, self._references)}</div>'
            self.choices.children = []
        self.back_button.disabled = not crumbs
        svg = diagram_svg(self.chart, self.dom_id, self.walk.path())
        self.diagram.value = f'<figure class="sc-flow-diagram">{svg}</figure>'

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = flowchart_html(self.chart, self._references, self._findings)
        return bundle
