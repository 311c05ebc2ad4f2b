"""Every malformed input a teacher might save makes `spasmcourse check` fail clearly, never with a traceback.

tests/bad_inputs/<course path>/<error-name>.<ext> replaces <course path> in a copy of the course (notebook
fixtures end in .json so that nbval and ruff leave them alone); tests/bad_inputs/expected.yml lists what each
report must say. The flowchart fixtures of tests/bad_flowcharts/ are reused as new charts, and the huge
inputs are made here rather than committed.

Each check runs in its own process, forked from this one once the CLI is imported, so a hundred checks do
not each pay the seconds of start-up; a few also run as `python -m spasmcourse.cli check` to show the two agree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
import yaml

from conftest import REPO, copy_course, git_commit
from spasmcourse.cli import main
from spasmcourse.content.rules import check_course
from spasmcourse.problems import ContentError

HERE = Path(__file__).parent
BAD = HERE / "bad_inputs"
EXPECTED = yaml.safe_load((BAD / "expected.yml").read_text(encoding="utf-8"))
A_REAL_REFERENCE = "nhs-back-pain"
REPORT_HEAD = re.compile(r"^\d+ problems? in the course content:$")


@dataclass(frozen=True)
class BadInput:
    """A course file replaced by broken content, and what the report must say about it."""

    name: str
    target: str
    fragments: tuple[str, ...]
    content: Callable[[], bytes]
    fixture_findings: bool = False


@dataclass(frozen=True)
class Outcome:
    """How a run of `spasmcourse check` ended."""

    returncode: int
    stdout: str
    stderr: str


def committed() -> list[BadInput]:
    """The fixture files under tests/bad_inputs/, each in the folder named after the course path it replaces."""
    files = sorted(path for path in BAD.rglob("*") if path.is_file() and path.name != "expected.yml")
    return [BadInput(path.relative_to(BAD).as_posix(), path.parent.relative_to(BAD).as_posix(),
                     tuple(EXPECTED.get(path.relative_to(BAD).as_posix(), ())), path.read_bytes) for path in files]


def flowcharts() -> list[BadInput]:
    """tests/bad_flowcharts/*.yml added as new charts, citing a reference the course has."""
    cases = []
    for path in sorted((HERE / "bad_flowcharts").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        expected = text.splitlines()[0].removeprefix("# expect: ")
        content = re.sub(r"\bref-a\b", A_REAL_REFERENCE, text).encode()
        target = f"assets/flowcharts/{path.name}"
        cases.append(BadInput(f"bad_flowcharts/{path.name}", target, (f"{target}:", expected),
                              lambda content=content: content, fixture_findings=True))
    return cases


def fixture_findings() -> str:
    """The catalogue the flowchart fixtures are judged against (tests/flowcharts/findings.yml), with a real source.

    It replaces the course's catalogue, so each fixture's safety problems read as they do alone; the shipped
    charts then name unknown findings, which only adds lines to the report.
    """
    text = (HERE / "flowcharts" / "findings.yml").read_text(encoding="utf-8")
    return re.sub(r"\bref-a\b", A_REAL_REFERENCE, text)


def huge_manifest() -> bytes:
    """The real lessons.yml padded past the size limit with comments."""
    return (REPO / "lessons.yml").read_bytes() + b"# padding to make the file too large\n" * 60_000


def huge_notebook() -> bytes:
    """Lesson 00's notebook with 25 MB of text in one cell."""
    notebook = json.loads((REPO / "notebooks" / "00-start-here.ipynb").read_text(encoding="utf-8"))
    notebook["cells"][0]["source"] = "x" * 25_000_000
    return json.dumps(notebook).encode()


def long_looping_flowchart() -> bytes:
    """A chart of 3000 questions in a chain whose last answer leads back to the start."""
    count = 3000
    questions = [{"id": f"q{n}", "text": f"Question {n}?",
                  "choices": [{"label": "Yes", "to": f"q{(n + 1) % count}"},
                              {"label": "No", "to": "done", "when": ["stroke-signs"]}]}
                 for n in range(count)]
    outcome = {"id": "done", "level": "self-care", "title": "Done", "advice": "Rest.", "why": "Because.",
               "references": [A_REAL_REFERENCE]}
    chart = {"id": "long-loop", "region": "neck", "title": "A long loop", "start": "q0", "questions": questions,
             "outcomes": [outcome]}
    return yaml.safe_dump(chart, sort_keys=False).encode()


def huge_list_manifest() -> bytes:
    """lessons.yml whose first lesson has 150,000 objectives that are numbers, not text."""
    text = (REPO / "lessons.yml").read_text(encoding="utf-8")
    numbers = "[" + "1, " * 150_000 + "1]"
    return text.replace("    objectives:\n", f"    objectives: {numbers}\n    old_objectives:\n", 1).encode()


def huge_value_manifest() -> bytes:
    """lessons.yml whose first lesson id is 1.9 MB long."""
    text = (REPO / "lessons.yml").read_text(encoding="utf-8")
    return re.sub(r"- id: \S+", "- id: " + "x" * 1_900_000, text, count=1).encode()


GENERATED = [
    BadInput("generated/huge-manifest", "lessons.yml", ("lessons.yml: is larger than 2 MB",), huge_manifest),
    BadInput("generated/huge-notebook", "notebooks/00-start-here.ipynb",
             ("notebooks/00-start-here.ipynb: is larger than 20 MB",), huge_notebook),
    BadInput("generated/long-looping-flowchart", "assets/flowcharts/long-loop.yml",
             ("assets/flowcharts/long-loop.yml:", "answers lead round in a loop: q0 -> q1 -> q2"),
             long_looping_flowchart),
    BadInput("generated/huge-list", "lessons.yml",
             ("lessons.yml:", "objectives[0]: should be text, not a whole number (1)",
              "lessons.yml: and 149952 more problems in this file (fix the ones above"), huge_list_manifest),
    BadInput("generated/huge-value", "lessons.yml",
             ("lessons[0].id: 'xxxxxxxxxx", "... (1900000 characters)' is not in the expected form"),
             huge_value_manifest),
]
CASES = committed() + flowcharts() + GENERATED
ALSO_AS_SUBPROCESS = ("lessons.yml/yaml-syntax-error-unclosed-bracket.yml",
                      "assets/quizzes/00-start-here.yml/quiz-no-correct-answer.yml",
                      "notebooks/00-start-here.ipynb/notebook-json-is-a-list.json",
                      "bad_flowcharts/answers-loop.yml", "generated/huge-manifest")


def broken_course(tmp_path: Path, case: BadInput) -> Path:
    """A copy of the course with the case's file in place (committed to git for the "committed-with" cases)."""
    root = copy_course(tmp_path / "course")
    target = root / case.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(case.content())
    if case.fixture_findings:
        (root / "assets" / "triage" / "findings.yml").write_text(fixture_findings(), encoding="utf-8")
    if "committed-with" in case.name:
        git_commit(root)
    return root


def forked_check(root: Path) -> Outcome:
    """`spasmcourse check` run in the course folder by a child process, as the command's main() runs it."""
    out, err = root.parent / "stdout.txt", root.parent / "stderr.txt"
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            with out.open("w", encoding="utf-8") as stdout, err.open("w", encoding="utf-8") as stderr, \
                    redirect_stdout(stdout), redirect_stderr(stderr):
                try:
                    os.chdir(root)
                    code = main(["check"])
                except SystemExit as stop:
                    code = stop.code if isinstance(stop.code, int) else 1
                except BaseException:
                    traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return Outcome(os.waitstatus_to_exitcode(status), out.read_text(encoding="utf-8"),
                   err.read_text(encoding="utf-8"))


def command_check(root: Path) -> Outcome:
    """`python -m spasmcourse.cli check` in the course folder."""
    result = subprocess.run([sys.executable, "-m", "spasmcourse.cli", "check"], cwd=root, capture_output=True,
                            text=True, timeout=300)
    return Outcome(result.returncode, result.stdout, result.stderr)


def test_the_corpus_is_complete() -> None:
    names = {case.name for case in committed()}
    assert len(names) >= 40
    assert names == set(EXPECTED), f"fixtures without expectations: {sorted(names - set(EXPECTED))}; " \
                                   f"expectations without fixtures: {sorted(set(EXPECTED) - names)}"
    assert all(EXPECTED[name] for name in names)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_check_reports_the_bad_input(tmp_path: Path, case: BadInput) -> None:
    root = broken_course(tmp_path, case)
    outcome = forked_check(root)
    assert "Traceback" not in outcome.stdout + outcome.stderr, outcome.stderr
    assert outcome.returncode == 1, outcome.stdout + outcome.stderr
    assert outcome.stdout == ""
    head, *lines = outcome.stderr.splitlines()
    assert REPORT_HEAD.match(head), head
    assert PurePosixPath(case.target).name in outcome.stderr
    for fragment in case.fragments:
        assert any(fragment in line for line in lines), f"{fragment!r} not in:\n{outcome.stderr}"
    problems = ContentError(check_course(root)).problems
    assert lines == [f"  {problem}" for problem in problems]
    unhelpful = [str(problem) for problem in problems if not problem.hint]
    assert unhelpful == [], "problems without a hint on how to fix them"


@pytest.mark.parametrize("name", ALSO_AS_SUBPROCESS)
def test_the_command_says_the_same(tmp_path: Path, name: str) -> None:
    [case] = [case for case in CASES if case.name == name]
    root = broken_course(tmp_path, case)
    assert command_check(root) == forked_check(root)


def test_a_huge_report_is_capped(tmp_path: Path) -> None:
    [case] = [case for case in CASES if case.name == "generated/huge-list"]
    outcome = forked_check(broken_course(tmp_path, case))
    assert len(outcome.stderr.splitlines()) <= 52 and len(outcome.stderr) < 50_000


@pytest.mark.parametrize("link", ["assets/quizzes/loop.yml", "assets/glossary.yml", "notebooks/02-back-spasms.ipynb",
                                  "assets/figures/neck-muscles-pain-map.svg"])
@pytest.mark.parametrize("to", ["itself", "outside"])
def test_links_that_loop_or_leave_the_course_are_reported(tmp_path: Path, link: str, to: str) -> None:
    root = copy_course(tmp_path / "course")
    outside = tmp_path / "outside"
    outside.mkdir()
    path = root / link
    if path.exists():
        shutil.copy(path, outside / path.name)
        path.unlink()
    path.symlink_to(path.name if to == "itself" else outside / path.name)
    outcome = forked_check(root)
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.returncode == 1, outcome.stderr
    assert "a link that leads outside the course folder, to itself or nowhere" in outcome.stderr, outcome.stderr
