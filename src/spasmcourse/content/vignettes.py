"""Clinical vignettes (tests/triage_vignettes.yml) walked through the charts: under- and over-triage.

A vignette is a person's story with the findings it holds and the level a careful clinician
would give. Walked by the walk rule through its region's chart, it is under-triaged when the
outcome is less urgent than expected and over-triaged when it is more urgent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from spasmcourse.content.course import Course
from spasmcourse.content.models.base import ContentModel, Slug, Text
from spasmcourse.content.models.findings import Level, Region, urgency
from spasmcourse.content.models.flowcharts import Flowchart
from spasmcourse.content.reading import load_yaml, parse
from spasmcourse.content.rules.flowchart_walk import advice

VIGNETTES = "tests/triage_vignettes.yml"
MAX_OVER_TRIAGE = 0.15


class Vignette(ContentModel):
    """A person's story, the findings it holds and the advice level it should get."""

    id: Slug
    region: Region
    story: Text
    findings: list[Slug] = Field(default_factory=list)
    expected: Level


class VignetteList(ContentModel):
    """tests/triage_vignettes.yml."""

    vignettes: list[Vignette] = Field(min_length=1)


@dataclass(frozen=True)
class VignetteResult:
    """Where one vignette ended."""

    vignette: Vignette
    chart: str
    reached: str
    level: str

    @property
    def under(self) -> bool:
        """Less urgent than a careful clinician would advise."""
        return urgency(self.level) < urgency(self.vignette.expected)

    @property
    def over(self) -> bool:
        """More urgent than needed."""
        return urgency(self.level) > urgency(self.vignette.expected)


def load_vignettes(root: Path) -> list[Vignette]:
    """The vignettes of the course at `root`; empty when the file does not exist."""
    path = root / VIGNETTES
    if not path.is_file():
        return []
    return list(parse(VignetteList, load_yaml(path, VIGNETTES)).vignettes)


def chart_for(course: Course, region: str) -> Flowchart | None:
    """The triage flowchart of a region."""
    return next((chart for chart in course.flowcharts.values() if chart.region == region), None)


def walk_vignettes(course: Course, vignettes: list[Vignette]) -> list[VignetteResult]:
    """Every vignette walked through its region's chart (vignettes of a region with no chart are left out)."""
    results = []
    for vignette in vignettes:
        chart = chart_for(course, vignette.region)
        if chart is not None:
            outcome = advice(chart, set(vignette.findings))
            results.append(VignetteResult(vignette, chart.id, outcome.id, outcome.level))
    return results
