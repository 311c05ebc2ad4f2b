"""Every path through every shipped flowchart, walked by brute force: ends in an outcome, and is
never less urgent than a red flag answered positively on the way."""

import pytest

from conftest import REPO
from flow_oracle import LEVEL_ORDER, required, unsafe_paths, walk
from spasmcourse.content import load_course

COURSE = load_course(REPO)
CHARTS = {chart.id: chart.model_dump(mode="json") for chart in COURSE.flowcharts.values()}


def test_the_three_triage_flowcharts_ship() -> None:
    assert {"neck-pain-triage", "back-pain-triage", "cramp-spasm-twitch-triage"} <= set(CHARTS)


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_every_path_is_safe(chart_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    chart = CHARTS[chart_id]
    result = walk(chart)
    assert result.broken == []
    questions = {q["id"]: q for q in chart["questions"]}
    levels = {o["id"]: o["level"] for o in chart["outcomes"]}
    through_red_flag = 0
    for path in result.paths:
        assert path[-1][0] in levels, "a path does not end in an outcome"
        for node_id, choice in path[:-1]:
            question = questions[node_id]
            if question.get("red_flag") and question["choices"][choice].get("positive"):
                through_red_flag += 1
                least = LEVEL_ORDER.index(required(question))
                assert LEVEL_ORDER.index(levels[path[-1][0]]) >= least, path
    assert unsafe_paths(chart, result.paths) == []
    assert any(levels[p[-1][0]] == "emergency" for p in result.paths)
    with capsys.disabled():
        print(f"\n{chart_id}: {len(result.paths)} paths checked, {through_red_flag} through a positive red flag")


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_emergency_advice_reads_correctly_anywhere(chart_id: str) -> None:
    for outcome in CHARTS[chart_id]["outcomes"]:
        if outcome["level"] == "emergency":
            assert "local emergency number" in outcome["advice"], outcome["id"]
            assert "911" in outcome["advice"] and "112" in outcome["advice"], outcome["id"]
