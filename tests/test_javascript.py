"""The shared browser JavaScript unit-tested in Node (`node --test tests/js`), against the same spec as Python."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from quiz_spec import CASES, EXPECTED_ANSWER_TEXT, expected, spec_question
from spasmcourse.elements.quiz.shuffle import shuffled
from spasmcourse.i18n import strings

SHUFFLES = [(5, "learner|quiz|q1"), (7, "élève|quiz|q2"), (3, ""), (12, "a|b|c"), (1, "x"), (2, "y")]


def question_json(name: str) -> dict:
    return json.loads(spec_question(name).model_dump_json())


def js_spec() -> dict:
    """quiz_cases.yml as the JavaScript sees it: questions as the pages carry them, outcomes with defaults."""
    return {
        "strings": strings(),
        "cases": [
            {"question": question_json(case["question"]), "answer": case["answer"], "expected": expected(case)}
            for case in CASES
        ],
        "answer_texts": [
            {"question": question_json(name), "text": text} for name, text in EXPECTED_ANSWER_TEXT.items()
        ],
        "shuffles": [
            {"count": count, "seed": seed, "avoid": avoid, "order": shuffled(count, seed, avoid_identity=avoid)}
            for count, seed in SHUFFLES
            for avoid in (False, True)
        ],
    }


def test_node_unit_tests_pass(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js 20 or newer is needed for the JavaScript unit tests: apt-get install nodejs")
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(js_spec(), ensure_ascii=False), encoding="utf-8")
    tests = sorted(str(path) for path in (REPO / "tests" / "js").glob("*.test.mjs"))
    assert tests, "no tests/js/*.test.mjs"
    run = subprocess.run(
        [node, "--test", *tests],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SPASMCOURSE_JS_SPEC": str(spec)},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout, run.stdout
