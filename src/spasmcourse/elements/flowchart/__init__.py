"""flowchart("id"): the one call a lesson makes to show a decision flowchart."""

from __future__ import annotations

from spasmcourse.content.current_course import current_course
from spasmcourse.elements.failure import shows_problems
from spasmcourse.elements.flowchart.live import FlowchartWidget


@shows_problems
def flowchart(flowchart_id: str) -> FlowchartWidget:
    """The flowchart with this id from assets/flowcharts, live in a kernel and static in exports."""
    course = current_course()
    return FlowchartWidget(course.flowchart(flowchart_id), course.references, course.findings)
