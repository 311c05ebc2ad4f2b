"""Every shipped triage flowchart against the findings catalogue: proved safe for every combination
of findings, every finding of its region asked, and cross-checked by an independent walker."""

from itertools import combinations

import pytest

from conftest import REPO
from flow_oracle import LEVEL_ORDER
from flow_oracle import walk as oracle_walk
from spasmcourse.content import load_course
from spasmcourse.content.flow_stats import path_count
from spasmcourse.content.rules.flowchart_proof import unsafe_paths
from spasmcourse.content.rules.flowchart_walk import advice
from spasmcourse.content.rules.flowcharts import flowchart_issues

REGIONS = ["back", "jaw", "limb", "neck"]


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


def chart_of(course, region: str):
    [chart] = [chart for chart in course.flowcharts.values() if chart.region == region]
    return chart


def region_findings(course, region: str) -> dict:
    return {f.id: f for f in course.findings.values() if region in f.regions}


def test_one_chart_per_region_ships(course) -> None:
    assert sorted(chart.region for chart in course.flowcharts.values()) == REGIONS
    assert {"neck-pain-triage", "back-pain-triage", "cramp-spasm-twitch-triage", "jaw-pain-triage"} == {
        chart.id for chart in course.flowcharts.values()}


@pytest.mark.parametrize("region", REGIONS)
def test_the_chart_is_proved_safe(course, region: str, capsys: pytest.CaptureFixture[str]) -> None:
    chart = chart_of(course, region)
    assert flowchart_issues(chart, set(course.references), course.findings) == []
    assert unsafe_paths(chart, region_findings(course, region)) == []
    with capsys.disabled():
        print(f"\n{chart.id}: {len(chart.questions)} questions, {path_count(chart)} paths, proved safe "
              f"for all 2^{len(region_findings(course, region))} combinations of {region} findings")


@pytest.mark.parametrize("region", REGIONS)
def test_every_finding_of_the_region_is_asked(course, region: str) -> None:
    chart = chart_of(course, region)
    named = {finding for question in chart.questions for choice in question.choices for finding in choice.when or []}
    needed = {fid for fid, f in region_findings(course, region).items() if f.level != "self-care"}
    assert needed - named == set()
    assert named - set(region_findings(course, region)) == set()


@pytest.mark.parametrize("region", REGIONS)
def test_an_independent_walker_agrees_on_every_set_of_up_to_three_findings(course, region: str) -> None:
    """Not the proof (flow_proof is): a second implementation of the walk rule, tried exhaustively on small sets."""
    chart = chart_of(course, region)
    data = chart.model_dump(mode="json")
    levels = {o["id"]: o["level"] for o in data["outcomes"]}
    findings = region_findings(course, region)
    tried = 0
    for size in range(4):
        for combo in combinations(sorted(findings), size):
            path = oracle_walk(data, set(combo))
            assert path is not None
            assert path[-1] == advice(chart, set(combo)).id
            need = max((LEVEL_ORDER.index(findings[f].level) for f in combo), default=0)
            assert LEVEL_ORDER.index(levels[path[-1]]) >= need, (combo, path[-1])
            tried += 1
    assert levels[oracle_walk(data, set())[-1]] == "self-care"
    assert tried > 1000


@pytest.mark.parametrize("region", REGIONS)
def test_outcome_advice_reads_right_anywhere(course, region: str) -> None:
    for outcome in chart_of(course, region).outcomes:
        advice_text = " ".join(outcome.advice.split()).lower()
        if outcome.level == "emergency":
            assert "call your local emergency number (for example 911, 999 or 112)" in advice_text, outcome.id
            assert "emergency department" in advice_text, outcome.id
        if outcome.level == "urgent-today":
            assert "today" in advice_text, outcome.id
        if outcome.level == "self-care":
            assert "few weeks" in advice_text, outcome.id
        assert "has not gone after a few weeks" not in advice_text, outcome.id
