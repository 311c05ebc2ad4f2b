"""The flowchart validator: a bad fixture per rule, and property-based agreement with brute force."""

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flow_oracle import acceptable
from spasmcourse.content.flow_rules import flowchart_issues
from spasmcourse.content.flowcharts import LEVELS, Flowchart
from spasmcourse.content.parsing import parse
from spasmcourse.content.yamlfile import load_yaml
from spasmcourse.problems import ContentError

HERE = Path(__file__).parent
BAD = sorted((HERE / "bad_flowcharts").glob("*.yml"))
REFERENCES = {"ref-a"}


def messages(path: Path) -> list[str]:
    document = load_yaml(path, path.name)
    try:
        chart = parse(Flowchart, document)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return [str(document.problem(issue.location, issue.message, issue.hint))
            for issue in flowchart_issues(chart, REFERENCES)]


def test_the_good_fixture_passes() -> None:
    assert messages(HERE / "flowcharts" / "good-triage.yml") == []


def test_there_is_a_bad_fixture_for_every_rule() -> None:
    assert len(BAD) >= 15


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_fixture_raises_its_error(path: Path) -> None:
    expected = path.read_text().splitlines()[0].removeprefix("# expect: ")
    found = messages(path)
    assert any(expected in message for message in found), found
    assert all(message.startswith(f"{path.name}:") for message in found)


@st.composite
def safe_charts(draw: st.DrawFn) -> dict:
    """A chart built to keep every rule: a spine of questions, other answers ending in outcomes."""
    count = draw(st.integers(1, 5))
    questions, outcomes = [], []

    def outcome(level: str) -> str:
        outcomes.append({"id": f"o{len(outcomes)}", "level": level, "title": "Outcome", "advice": "Advice.",
                         "why": "Why.", "references": ["ref-a"]})
        return outcomes[-1]["id"]

    for n in range(count):
        red_flag = draw(st.booleans())
        within_days = red_flag and draw(st.booleans())
        onward = f"q{n + 1}" if n + 1 < count else outcome(draw(st.sampled_from(LEVELS)))
        choices = [{"label": "No", "to": onward}]
        for extra in range(draw(st.integers(1, 2))):
            positive = red_flag and extra == 0
            lowest = 2 if within_days else 3
            level = draw(st.sampled_from(LEVELS[lowest:] if positive else LEVELS))
            choices.append({"label": f"Yes {extra}", "to": outcome(level), "positive": positive})
        question = {"id": f"q{n}", "text": f"Question {n}?", "red_flag": red_flag, "choices": choices}
        if within_days:
            question["within_days_because"] = "A few days are safe here."
        questions.append(question)
    return {"id": "generated", "title": "Generated", "start": "q0", "questions": questions, "outcomes": outcomes}


@st.composite
def charts(draw: st.DrawFn) -> dict:
    """Safe charts, and the same charts after one or two changes that may break a rule."""
    data = draw(safe_charts())
    nodes = [q["id"] for q in data["questions"]] + [o["id"] for o in data["outcomes"]]
    for _ in range(draw(st.integers(0, 2))):
        question = draw(st.sampled_from(data["questions"]))
        choice = draw(st.sampled_from(question["choices"]))
        change = draw(st.sampled_from(["retarget", "positive", "level", "within", "start", "reference", "flag"]))
        if change == "retarget":
            choice["to"] = draw(st.sampled_from([*nodes, "missing"]))
        elif change == "positive":
            choice["positive"] = not choice.get("positive", False)
        elif change == "level":
            draw(st.sampled_from(data["outcomes"]))["level"] = draw(st.sampled_from(LEVELS))
        elif change == "within":
            question["within_days_because"] = "A few days are safe here."
        elif change == "start":
            data["start"] = draw(st.sampled_from(nodes))
        elif change == "reference":
            draw(st.sampled_from(data["outcomes"]))["references"] = ["ref-zz"]
        else:
            question["red_flag"] = not question["red_flag"]
    return data


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts())
def test_validator_accepts_exactly_the_charts_brute_force_accepts(data: dict) -> None:
    chart = Flowchart.model_validate(data)
    assert (flowchart_issues(chart, REFERENCES) == []) == acceptable(data, REFERENCES)


@settings(max_examples=200, deadline=None)
@given(charts())
def test_every_issue_names_its_node(data: dict) -> None:
    chart = Flowchart.model_validate(data)
    for issue in flowchart_issues(chart, REFERENCES):
        assert (issue.node and issue.node in issue.message) or issue.message.startswith("answers lead")


def test_the_oracle_accepts_the_good_fixture() -> None:
    data = yaml.safe_load((HERE / "flowcharts" / "good-triage.yml").read_text())
    assert acceptable(data, REFERENCES)


@settings(max_examples=300, deadline=None)
@given(safe_charts())
def test_safe_charts_are_accepted(data: dict) -> None:
    assert acceptable(data, REFERENCES)
    assert flowchart_issues(Flowchart.model_validate(data), REFERENCES) == []
