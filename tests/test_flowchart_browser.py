"""Flowcharts in exported pages, offline: walk a path to each level, Back, Restart, keyboard, axe."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import AXE, REPO, OfflinePage
from flow_oracle import answer_paths
from spasmcourse.content import load_course
from spasmcourse.content.models.findings import LEVELS
from spasmcourse.elements.flowchart.static import flowchart_dom_id
from spasmcourse.elements.flowchart.walk import crumb_text
from spasmcourse.i18n import text

COURSE = load_course(REPO)
LESSON = "08-when-to-see-a-doctor"
LESSON_CHARTS = ("back-pain-triage", "cramp-spasm-twitch-triage", "neck-pain-triage")
CHARTS = [COURSE.flowchart(chart_id) for chart_id in LESSON_CHARTS]


def shortest_path_to(chart, level: str) -> list[tuple[str, int | None]] | None:
    data = chart.model_dump(mode="json")
    levels = {o["id"]: o["level"] for o in data["outcomes"]}
    paths = [p for p in answer_paths(data) if levels[p[-1][0]] == level]
    return min(paths, key=len) if paths else None


def follow(page: Page, root, chart, path, keyboard: bool = False) -> None:
    for node_id, choice in path[:-1]:
        step = root.locator(f'.sc-flow-step[data-node="{node_id}"]')
        expect(step).to_be_visible()
        label = chart.node(node_id).choices[choice].label
        if keyboard:
            question = step.locator(".sc-flow-question")
            if node_id == chart.start:
                question.focus()
            expect(question).to_be_focused()
            for _ in range(choice + 1):
                page.keyboard.press("Tab")
            expect(step.get_by_role("button", name=label, exact=True)).to_be_focused()
            page.keyboard.press("Enter")
        else:
            step.get_by_role("button", name=label, exact=True).click()


def open_lesson(built_course: Path, offline: OfflinePage) -> Page:
    return offline.open(built_course / "html" / f"{LESSON}.html")


def test_lesson_08_shows_the_flowcharts(built_course: Path, offline: OfflinePage) -> None:
    page = open_lesson(built_course, offline)
    for chart in CHARTS:
        root = page.locator(f"#{flowchart_dom_id(chart)}")
        expect(root.locator(f'.sc-flow-step[data-node="{chart.start}"]')).to_be_visible()
        expect(root.locator(".sc-flow-svg")).to_be_visible()
        assert root.locator(".sc-flow-node").count() == len(chart.questions) + len(chart.outcomes)


@pytest.mark.parametrize("level", LEVELS)
def test_walk_to_each_level_then_back_and_restart(built_course: Path, offline: OfflinePage, level: str) -> None:
    page = open_lesson(built_course, offline)
    walked = 0
    for chart in CHARTS:
        path = shortest_path_to(chart, level)
        if path is None:
            continue
        walked += 1
        root = page.locator(f"#{flowchart_dom_id(chart)}")
        follow(page, root, chart, path)
        outcome = chart.node(path[-1][0])
        card = root.locator(f'.sc-flow-step[data-node="{outcome.id}"]')
        expect(card).to_be_visible()
        expect(card.locator(".sc-flow-level")).to_have_text(text(f"level_{level}"))
        expect(card).to_contain_text(outcome.advice)
        expect(root.locator(".sc-flow-crumbs li")).to_have_count(len(path) - 1)
        first, answer = chart.node(path[0][0]), chart.node(path[0][0]).choices[path[0][1]].label
        expect(root.locator(".sc-flow-crumbs li").first).to_have_text(
            text("flow_crumb", question=crumb_text(first), answer=answer))
        expect(root.locator(f'.sc-flow-node[data-node="{outcome.id}"]')).to_have_class(
            "sc-flow-node sc-flow-node--outcome sc-level-" + level + " sc-taken sc-current")
        assert root.locator(".sc-flow-edge.sc-taken").count() == len(path) - 1
        root.get_by_role("button", name=text("flow_back")).click()
        expect(root.locator(f'.sc-flow-step[data-node="{path[-2][0]}"]')).to_be_visible()
        root.get_by_role("button", name=text("flow_restart")).click()
        expect(root.locator(f'.sc-flow-step[data-node="{chart.start}"]')).to_be_visible()
        expect(root.locator(".sc-flow-crumbs li")).to_have_count(0)
        expect(root.get_by_role("button", name=text("flow_back"))).to_be_disabled()
    assert walked, f"no shipped flowchart has a {level} outcome"


def test_flowchart_by_keyboard_alone(built_course: Path, offline: OfflinePage) -> None:
    page = open_lesson(built_course, offline)
    chart = CHARTS[0]
    path = max(answer_paths(chart.model_dump(mode="json")), key=len)
    root = page.locator(f"#{flowchart_dom_id(chart)}")
    follow(page, root, chart, path, keyboard=True)
    expect(root.locator(f'.sc-flow-step[data-node="{path[-1][0]}"] .sc-flow-focus')).to_be_focused()


def test_flowchart_reads_as_a_list_without_scripts(built_course: Path, browser) -> None:
    holder = OfflinePage(browser, java_script_enabled=False)
    page = holder.open(built_course / "html" / f"{LESSON}.html")
    chart = CHARTS[0]
    root = page.locator(f"#{flowchart_dom_id(chart)}")
    expect(root.locator(".sc-static-note")).to_be_visible()
    expect(root.locator(".sc-flow-stepper")).to_be_hidden()
    root.locator("details.sc-flow-list summary").click()
    for question in chart.questions:
        expect(root.locator("details.sc-flow-list")).to_contain_text(question.text)
    holder.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_flowchart_page_passes_axe(built_course: Path, browser, scheme: str) -> None:
    holder = OfflinePage(browser, color_scheme=scheme)
    page = holder.open(built_course / "html" / f"{LESSON}.html")
    for chart in CHARTS:
        path = shortest_path_to(chart, "emergency")
        follow(page, page.locator(f"#{flowchart_dom_id(chart)}"), chart, path)
        page.locator(f"#{flowchart_dom_id(chart)} details.sc-flow-list summary").click()
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' '))}`);
    }""")
    holder.context.close()
    assert violations == []
    assert holder.refused == [] and holder.errors == []


def test_flowchart_works_on_a_slide(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "slides" / f"{LESSON}.slides.html")
    chart = CHARTS[0]
    dom_id = flowchart_dom_id(chart)
    page.evaluate("""(id) => {
        const indices = Reveal.getIndices(document.getElementById(id).closest('section'));
        Reveal.slide(indices.h, indices.v);
    }""", dom_id)
    path = shortest_path_to(chart, "emergency")
    follow(page, page.locator(f"#{dom_id}"), chart, path)
    expect(page.locator(f'#{dom_id} .sc-flow-step[data-node="{path[-1][0]}"]')).to_be_visible()


# Every box, box text and answer label of a diagram, as drawn: no two boxes overlap, no answer
# label touches a box or another label, and each box's text lies inside its box.
OVERLAPS = """(svg) => {
  const box = (el) => { const r = el.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
  const meet = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
  const inside = (a, b) => a.l >= b.l - 0.5 && a.r <= b.r + 0.5 && a.t >= b.t - 0.5 && a.b <= b.b + 0.5;
  const nodes = [...svg.querySelectorAll('.sc-flow-node')].map(g => ({
    id: g.dataset.node, rect: box(g.querySelector('rect')), text: box(g.querySelector('text'))}));
  const labels = [...svg.querySelectorAll('.sc-flow-edge text')].map(t => ({
    id: `${t.parentNode.dataset.from}->${t.parentNode.dataset.to}`, rect: box(t)}));
  const problems = [];
  nodes.forEach((a, i) => {
    if (!inside(a.text, a.rect)) { problems.push(`text of ${a.id} runs out of its box`); }
    nodes.slice(i + 1).forEach(b => { if (meet(a.rect, b.rect)) { problems.push(`${a.id} overlaps ${b.id}`); } });
  });
  labels.forEach((a, i) => {
    nodes.forEach(n => { if (meet(a.rect, n.rect)) { problems.push(`label ${a.id} overlaps box ${n.id}`); } });
    labels.slice(i + 1).forEach(b => {
      if (meet(a.rect, b.rect)) { problems.push(`label ${a.id} overlaps ${b.id}`); }
    });
  });
  return problems;
}"""


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_no_diagram_label_overlaps_a_label_or_box(built_course: Path, browser, width: int) -> None:
    holder = OfflinePage(browser, viewport={"width": width, "height": 800})
    readable = {}
    for chart in COURSE.flowcharts.values():
        page = holder.open(built_course / "html" / f"flowchart-{chart.id}.html")
        svg = page.locator(".sc-flow-svg")
        assert svg.locator(".sc-flow-node").count() == len(chart.questions) + len(chart.outcomes)
        assert svg.evaluate(OVERLAPS) == [], chart.id
        readable[chart.id] = svg.evaluate(
            "svg => parseFloat(getComputedStyle(svg.querySelector('.sc-flow-node text')).fontSize)"
            " * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width")
    holder.context.close()
    assert min(readable.values()) >= 9, f"diagram text too small to read: {readable}"
    assert holder.refused == [] and holder.errors == []
