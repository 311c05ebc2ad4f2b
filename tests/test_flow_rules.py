"""The flowchart validator: a bad fixture per rule, and agreement with trying every combination."""

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flow_oracle import LEVEL_ORDER, acceptable
from spasmcourse.content.models.findings import FindingList
from spasmcourse.content.models.flowcharts import Flowchart
from spasmcourse.content.reading import load_yaml, parse
from spasmcourse.content.rules.flowcharts import flowchart_issues
from spasmcourse.problems import ContentError

HERE = Path(__file__).parent
BAD = sorted((HERE / "bad_flowcharts").glob("*.yml"))
REFERENCES = {"ref-a"}
CATALOGUE = yaml.safe_load((HERE / "flowcharts" / "findings.yml").read_text())["findings"]
FINDINGS = {f.id: f for f in FindingList.model_validate({"findings": CATALOGUE}).findings}
PLAIN = {f["id"]: f for f in CATALOGUE}


def messages(path: Path) -> list[str]:
    document = load_yaml(path, path.name)
    try:
        chart = parse(Flowchart, document)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return [str(document.problem(issue.location, issue.message, issue.hint))
            for issue in flowchart_issues(chart, REFERENCES, FINDINGS)]


def test_the_good_fixture_passes() -> None:
    assert messages(HERE / "flowcharts" / "good-triage.yml") == []


def test_there_is_a_bad_fixture_for_every_rule() -> None:
    assert len(BAD) >= 20


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_fixture_raises_its_located_error(path: Path) -> None:
    expected = path.read_text().splitlines()[0].removeprefix("# expect: ")
    found = messages(path)
    assert any(expected in message for message in found), found
    assert all(message.startswith(f"{path.name}:") for message in found)
    assert all(":" in message.split(" ", 1)[0][len(path.name):] for message in found), "no line number"


def test_an_unsafe_path_names_the_node_the_finding_and_a_combination() -> None:
    found = [m for m in messages(HERE / "bad_flowcharts" / "less-urgent-question-first.yml") if "ends at" in m]
    message = next(m for m in found if "ends at 'out-today'" in m)
    assert "questions[1].choices[0]" in message
    assert "[f-chest, f-fever]" in message
    assert "ask 'f-chest' before question 'q-soon'" in message


POOL = [("n-emergency", "emergency"), ("n-emergency-2", "emergency"), ("n-today", "urgent-today"),
        ("n-days", "within-days"), ("n-doctor", "see-a-doctor"), ("n-doctor-2", "see-a-doctor"),
        ("n-calm", "self-care")]
POOL_CATALOGUE = {fid: {"id": fid, "regions": ["neck"], "level": level, "text": "T.", "why": "W.",
                        "references": ["ref-a"]} for fid, level in POOL}
POOL_CATALOGUE["b-other"] = {"id": "b-other", "regions": ["back"], "level": "emergency", "text": "T.", "why": "W.",
                             "references": ["ref-a"]}
POOL_FINDINGS = {f.id: f for f in FindingList.model_validate({"findings": list(POOL_CATALOGUE.values())}).findings}


@st.composite
def safe_charts(draw: st.DrawFn) -> dict:
    """A spine of questions, most urgent first, each 'yes' ending at an outcome of its own level."""
    ordered = sorted(POOL, key=lambda item: -LEVEL_ORDER.index(item[1]))
    asked = [item for item in ordered if item[1] != "self-care" or draw(st.booleans())]
    groups: list[list[tuple[str, str]]] = []
    for item in asked:
        if groups and groups[-1][-1][1] == item[1] and draw(st.booleans()):
            groups[-1].append(item)
        else:
            groups.append([item])
    outcomes: list[dict] = []

    def outcome(level: str) -> str:
        outcomes.append({"id": f"o{len(outcomes)}", "level": level, "title": "Outcome", "advice": "Advice.",
                         "why": "Why.", "references": ["ref-a"]})
        return outcomes[-1]["id"]

    questions: list[dict] = []
    index = 0
    while index < len(groups):
        answers = groups[index:index + draw(st.integers(1, 2))]
        index += len(answers)
        choices = [{"label": f"Yes {n}", "to": outcome(group[0][1]), "when": [fid for fid, _ in group]}
                   for n, group in enumerate(answers)]
        choices.insert(draw(st.integers(0, len(choices))), {"label": "No", "to": f"q{len(questions) + 1}"})
        questions.append({"id": f"q{len(questions)}", "text": "Question?", "choices": choices})
    last = outcome("self-care")
    for choice in questions[-1]["choices"]:
        if not choice.get("when"):
            choice["to"] = last
    return {"id": "generated", "region": "neck", "title": "Generated", "start": "q0",
            "questions": questions, "outcomes": outcomes}


@st.composite
def charts(draw: st.DrawFn) -> dict:
    """Safe charts, and the same charts after one or two changes that may break a rule."""
    data = draw(safe_charts())
    nodes = [q["id"] for q in data["questions"]] + [o["id"] for o in data["outcomes"]]
    for _ in range(draw(st.integers(0, 2))):
        question = draw(st.sampled_from(data["questions"]))
        choice = draw(st.sampled_from(question["choices"]))
        change = draw(st.sampled_from(["retarget", "level", "swap", "drop-when", "add-when", "move", "start",
                                       "reference"]))
        if change == "retarget":
            choice["to"] = draw(st.sampled_from([*nodes, "missing"]))
        elif change == "level":
            draw(st.sampled_from(data["outcomes"]))["level"] = draw(st.sampled_from(LEVEL_ORDER))
        elif change == "swap" and len(data["questions"]) > 1:
            i, j = draw(st.permutations(range(len(data["questions"]))))[:2]
            data["questions"][i]["choices"], data["questions"][j]["choices"] = (
                data["questions"][j]["choices"], data["questions"][i]["choices"])
        elif change == "drop-when" and choice.get("when"):
            choice["when"] = choice["when"][1:] or None
        elif change == "add-when":
            choice["when"] = sorted({*(choice.get("when") or []), draw(st.sampled_from(sorted(POOL_CATALOGUE)))})
        elif change == "move":
            question["choices"].reverse()
        elif change == "start":
            data["start"] = draw(st.sampled_from(nodes))
        elif change == "reference":
            draw(st.sampled_from(data["outcomes"]))["references"] = ["ref-zz"]
    return data


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts())
def test_validator_accepts_exactly_the_charts_every_combination_accepts(data: dict) -> None:
    chart = Flowchart.model_validate(data)
    assert (flowchart_issues(chart, REFERENCES, POOL_FINDINGS) == []) == acceptable(data, REFERENCES, POOL_CATALOGUE)


@settings(max_examples=200, deadline=None)
@given(charts())
def test_every_issue_names_its_node(data: dict) -> None:
    chart = Flowchart.model_validate(data)
    for issue in flowchart_issues(chart, REFERENCES, POOL_FINDINGS):
        assert (issue.node and issue.node in issue.message) or issue.message.startswith(("answers lead", "a person"))


def test_the_oracle_accepts_the_good_fixture() -> None:
    data = yaml.safe_load((HERE / "flowcharts" / "good-triage.yml").read_text())
    assert acceptable(data, REFERENCES, PLAIN)


@settings(max_examples=300, deadline=None)
@given(safe_charts())
def test_safe_charts_are_accepted(data: dict) -> None:
    assert acceptable(data, REFERENCES, POOL_CATALOGUE)
    assert flowchart_issues(Flowchart.model_validate(data), REFERENCES, POOL_FINDINGS) == []
