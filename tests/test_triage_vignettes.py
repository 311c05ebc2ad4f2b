"""Clinical vignettes walked through the shipped charts by the Python engine, by an independent walker,
and by the exported page's JavaScript stepper in Chromium, clicking by the same walk rule."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import REPO, OfflinePage
from flow_oracle import LEVEL_ORDER
from flow_oracle import walk as oracle_walk
from spasmcourse.content import load_course
from spasmcourse.content.models.flowcharts import QuestionNode
from spasmcourse.content.rules.flowchart_walk import pick
from spasmcourse.content.vignettes import MAX_OVER_TRIAGE, chart_for, load_vignettes, walk_vignettes
from spasmcourse.elements.flowchart.static import flowchart_dom_id
from spasmcourse.i18n import text
from spasmcourse.publish.site import flowchart_page_name

REGIONS = ["back", "jaw", "limb", "neck"]


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


@pytest.fixture(scope="module")
def vignettes():
    return load_vignettes(REPO)


def test_the_vignettes_are_enough_and_well_spread(vignettes) -> None:
    levels = Counter(v.expected for v in vignettes)
    assert len(vignettes) >= 60
    assert len({v.id for v in vignettes}) == len(vignettes)
    assert levels["emergency"] >= len(vignettes) // 4
    assert levels["self-care"] >= 8 and levels["see-a-doctor"] >= 8
    assert {v.region for v in vignettes} == set(REGIONS)


def test_each_vignette_names_real_findings_and_a_safe_expectation(course, vignettes) -> None:
    for vignette in vignettes:
        for finding in vignette.findings:
            assert finding in course.findings, (vignette.id, finding)
            assert vignette.region in course.findings[finding].regions, (vignette.id, finding)
        floor = max((LEVEL_ORDER.index(course.findings[f].level) for f in vignette.findings), default=0)
        assert LEVEL_ORDER.index(vignette.expected) >= floor, vignette.id


def test_no_vignette_is_under_triaged_and_over_triage_is_low(course, vignettes,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    results = walk_vignettes(course, vignettes)
    assert len(results) == len(vignettes)
    for result in results:
        data = course.flowchart(result.chart).model_dump(mode="json")
        assert oracle_walk(data, set(result.vignette.findings))[-1] == result.reached, result.vignette.id
    under = [r.vignette.id for r in results if r.under]
    over = [r for r in results if r.over]
    with capsys.disabled():
        print(f"\n{len(results)} vignettes: {len(under)} under-triaged, {len(over)} over-triaged "
              f"({len(over) / len(results):.0%})" + "".join(
                  f"\n  over: {r.vignette.id} expected {r.vignette.expected}, got {r.level}" for r in over))
    assert under == []
    assert len(over) / len(results) <= MAX_OVER_TRIAGE


@pytest.mark.parametrize("region", REGIONS)
def test_the_page_stepper_gives_every_vignette_the_same_advice(built_course: Path, offline: OfflinePage, course,
                                                                vignettes, region: str) -> None:
    chart = chart_for(course, region)
    page = offline.open(built_course / "html" / flowchart_page_name(chart))
    root = page.locator(f"#{flowchart_dom_id(chart)}")
    mine = [v for v in vignettes if v.region == region]
    assert mine
    for vignette in mine:
        root.get_by_role("button", name=text("flow_restart")).click()
        node = chart.node(chart.start)
        while isinstance(node, QuestionNode):
            step = root.locator(f'.sc-flow-step[data-node="{node.id}"]')
            expect(step).to_be_visible()
            choice = node.choices[pick(node, vignette.findings)]
            step.get_by_role("button", name=choice.label, exact=True).click()
            node = chart.node(choice.to)
        card = root.locator(f'.sc-flow-step[data-node="{node.id}"]')
        expect(card).to_be_visible()
        expect(card.locator(".sc-flow-level")).to_have_text(text(f"level_{node.level}"))
        assert LEVEL_ORDER.index(node.level) >= LEVEL_ORDER.index(vignette.expected), vignette.id
