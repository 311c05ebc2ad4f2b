"""The self-contained HTML rendering of a flowchart: stepper, outcome cards, diagram, list."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from spasmcourse.content.models import Reference
from spasmcourse.content.models.findings import Finding, urgency
from spasmcourse.content.models.flowcharts import Flowchart, OutcomeNode, QuestionNode
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.flowchart.diagram import diagram_svg, layers
from spasmcourse.elements.flowchart.walk import crumb_text
from spasmcourse.i18n import strings
from spasmcourse.rendering import asset_tags, render, script_json

FLOW_STYLES = ("levels.css", "flowchart.css")
FLOW_SCRIPTS = ("flowchart.js",)
WARNING = urgency("within-days")


def flowchart_dom_id(chart: Flowchart) -> str:
    """The deterministic element id of a flowchart."""
    return f"sc-flow-{chart.id}"


def question_order(chart: Flowchart) -> list[QuestionNode]:
    """The questions in the order a learner meets them, for numbering."""
    ids = [node_id for layer in layers(chart) for node_id in layer]
    return [node for node_id in ids if isinstance(node := chart.node(node_id), QuestionNode)]


def warning_questions(chart: Flowchart, findings: dict[str, Finding]) -> set[str]:
    """The questions that ask about a warning sign: a finding that needs a doctor within days or sooner."""
    return {question.id for question in chart.questions
            if any(f in findings and urgency(findings[f].level) >= WARNING for f in question.findings)}


def outcome_card(outcome: OutcomeNode, references: dict[str, Reference]) -> Markup:
    """An outcome as a card: level in words and icon as well as colour, advice, why, sources."""
    sources = [{"text": citation_text(references[key]), "url": citation_url(references[key])}
               for key in outcome.references]
    return Markup(render("elements/flow_outcome.html.j2", outcome=outcome, sources=sources))


def flowchart_html(chart: Flowchart, references: dict[str, Reference], findings: dict[str, Finding]) -> str:
    """The flowchart as HTML with inline CSS and JS and no URLs; readable with scripts stripped."""
    dom_id = flowchart_dom_id(chart)
    ordered = question_order(chart)
    numbers = {question.id: number for number, question in enumerate(ordered, start=1)}
    targets: dict[str, dict[str, Any]] = {question.id: {"kind": "question", "number": numbers[question.id]}
                                          for question in ordered}
    targets |= {o.id: {"kind": "outcome", "level": o.level, "title": o.title} for o in chart.outcomes}
    return render(
        "elements/flowchart.html.j2",
        chart=chart,
        dom_id=dom_id,
        questions=ordered,
        warnings=warning_questions(chart, findings),
        targets=targets,
        cards={outcome.id: outcome_card(outcome, references) for outcome in chart.outcomes},
        svg=diagram_svg(chart, dom_id),
        data=script_json(_data(chart)),
        assets=asset_tags(FLOW_STYLES, FLOW_SCRIPTS),
    )


def _data(chart: Flowchart) -> dict[str, Any]:
    return {
        "start": chart.start,
        "questions": {q.id: {"crumb": crumb_text(q), "choices": [{"label": c.label, "to": c.to} for c in q.choices]}
                      for q in chart.questions},
        "strings": {key: value for key, value in strings().items() if key.startswith("flow_")},
    }
