"""Case studies: content rules, the live stepper, and the final assessment."""

from pathlib import Path

import pytest
import yaml
from markupsafe import escape

from conftest import REPO, copy_course
from spasmcourse.content import load_course
from spasmcourse.content.assessment_questions import assessment_lesson, assessment_quiz
from spasmcourse.elements.case_study import CaseStudyWidget, case_html
from test_content_checks import messages

HERE = Path(__file__).parent
GOOD = yaml.safe_load((HERE / "cases" / "good-case.yml").read_text())


def with_case(tmp_path: Path, data: dict) -> list[str]:
    root = copy_course(tmp_path / "course")
    (root / "assets" / "cases").mkdir(exist_ok=True)
    (root / "assets" / "cases" / f"{data['id']}.yml").write_text(yaml.safe_dump(data, sort_keys=False))
    return [p for p in messages(root) if "assets/cases/" in p]


def changed(change) -> dict:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    change(data)
    return data


def test_good_case_passes(tmp_path: Path) -> None:
    assert with_case(tmp_path, GOOD) == []


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["steps"][0]["choices"][1].update(best=False), "step 's1' has no best choice"),
    (lambda d: d["steps"][1]["choices"][0].update(to="s1"), "the story loops: s1 -> s2 -> s1"),
    (lambda d: d["steps"][0]["choices"][0].update(to="s9"), "step 's1' leads to 's9', not a step or an ending"),
    (lambda d: d["endings"][0].update(revisit=["11-no-such-lesson"]), "unknown lesson '11-no-such-lesson'"),
    (lambda d: d.update(start="end-fine"), "start 'end-fine' is not a step"),
    (lambda d: d["endings"].append({"id": "end-lost", "text": "Never reached.", "revisit": ["01-what-is-a-spasm"]}),
     "'end-lost' cannot be reached from the start"),
    (lambda d: d.update(references=["no-such-source"]), "unknown reference 'no-such-source'"),
], ids=["no-best-choice", "loop", "dangling", "unknown-lesson", "start-not-step", "unreachable", "unknown-reference"])
def test_bad_case_is_reported(tmp_path: Path, change, expected: str) -> None:
    found = with_case(tmp_path, changed(change))
    assert any(expected in message for message in found), found


def test_live_case_steps_through_to_an_ending() -> None:
    course = load_course(REPO)
    case = next(iter(course.cases.values()))
    widget = CaseStudyWidget(case, course)
    while widget.node not in {ending.id for ending in case.endings}:
        step = widget._step()
        worse = next((i for i, c in enumerate(step.choices) if not c.best), None)
        if worse is not None:
            widget.choose(worse)
            assert "Think again" in widget.feedback.value
            widget.choose_again()
            assert widget.feedback.value == ""
        best = next(i for i, c in enumerate(step.choices) if c.best)
        widget.choose(best)
        assert "A wise choice" in widget.feedback.value and step.choices[best].feedback in widget.feedback.value
        widget.go_on()
    assert "Lessons to revisit" in widget.scene.value
    assert widget.trail, "the decisions taken are listed"
    widget.restart()
    assert widget.node == case.start and widget.trail == []
    html = case_html(case, course)
    for step in case.steps:
        for choice in step.choices:
            assert str(escape(choice.label)) in html


def test_final_assessment_draws_from_every_lesson_with_quizzes() -> None:
    course = load_course(REPO)
    quiz = assessment_quiz(course, "Final")
    with_quizzes = [lesson.id for lesson in course.lessons if course.lesson_quizzes(lesson.id)]
    assert {q.id[:2] for q in quiz.questions} == {lesson_id[:2] for lesson_id in with_quizzes}
    assert len({q.id for q in quiz.questions}) == len(quiz.questions)
    assert assessment_lesson(course) == course.lessons[-1].id
