"""Numbers about each triage flowchart: questions, paths, findings asked, vignette over-triage."""

from __future__ import annotations

from dataclasses import dataclass

from spasmcourse.content.course import Course
from spasmcourse.content.models.findings import urgency
from spasmcourse.content.models.flowcharts import Flowchart, QuestionNode
from spasmcourse.content.vignettes import VignetteResult


@dataclass(frozen=True)
class ChartStats:
    """One chart's figures."""

    chart: str
    region: str
    questions: int
    outcomes: int
    paths: int
    asked: int
    region_findings: int
    vignettes: int
    under: int
    over: int

    @property
    def over_rate(self) -> float:
        """The share of this chart's vignettes that ended more urgent than expected."""
        return self.over / self.vignettes if self.vignettes else 0.0


def path_count(chart: Flowchart) -> int:
    """How many answer sequences lead from the start to an outcome (the chart is acyclic)."""
    counts: dict[str, int] = {}

    def count(node_id: str) -> int:
        if node_id not in counts:
            node = chart.node(node_id)
            counts[node_id] = sum(count(c.to) for c in node.choices) if isinstance(node, QuestionNode) else 1
        return counts[node_id]

    for question in reversed(chart.questions):
        count(question.id)
    return count(chart.start)


def chart_stats(course: Course, results: list[VignetteResult]) -> list[ChartStats]:
    """Figures for every flowchart, A to Z by id."""
    stats = []
    for chart in sorted(course.flowcharts.values(), key=lambda c: c.id):
        region = {f.id for f in course.findings.values() if chart.region in f.regions and urgency(f.level) > 0}
        asked = {f for q in chart.questions for f in q.findings} & region
        mine = [r for r in results if r.chart == chart.id]
        stats.append(ChartStats(chart.id, chart.region, len(chart.questions), len(chart.outcomes), path_count(chart),
                                len(asked), len(region), len(mine), sum(r.under for r in mine),
                                sum(r.over for r in mine)))
    return stats


def chart_table(stats: list[ChartStats]) -> str:
    """A plain-text table of flowchart statistics."""
    head = ("Flowchart", "Region", "Questions", "Outcomes", "Paths", "Findings asked", "Vignettes", "Under",
            "Over-triage")
    rows = [(s.chart, s.region, str(s.questions), str(s.outcomes), str(s.paths), f"{s.asked}/{s.region_findings}",
             str(s.vignettes), str(s.under), f"{s.over} ({s.over_rate:.0%})") for s in stats]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in [head, *rows]]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])
