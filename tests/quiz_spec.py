"""The shared answer-checking specification (quiz_cases.yml) as Python objects."""

from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from spasmcourse.content.models.questions import Question

SPEC = yaml.safe_load((Path(__file__).parent / "quiz_cases.yml").read_text())
CASES: list[dict[str, Any]] = SPEC["cases"]
EXPECTED_ANSWER_TEXT = {name: spec["answer_text"] for name, spec in SPEC["questions"].items()}
_ADAPTER = TypeAdapter(Question)


def spec_question(name: str) -> Question:
    """A question from the spec, validated like any quiz file question."""
    fields = {key: value for key, value in SPEC["questions"][name].items() if key != "answer_text"}
    return _ADAPTER.validate_python(fields)


def expected(case: dict[str, Any]) -> dict[str, Any]:
    """The case's expected outcome with the defaults filled in."""
    return {"answered": case["answered"], "correct": case["correct"], "right": case.get("right", 0),
            "total": case.get("total", 0), "missed": case.get("missed", 0), "note": case.get("note", ""),
            "verdict": case["verdict"], "lines": [list(line) for line in case["lines"]]}
