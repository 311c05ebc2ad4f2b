"""The Python checker against the shared specification, and the feedback built on it."""

from dataclasses import asdict

import pytest

from quiz_spec import CASES, EXPECTED_ANSWER_TEXT, expected, spec_question
from spasmcourse.content.models import Reference
from spasmcourse.elements.citations import citation_text
from spasmcourse.elements.quiz.checking import check
from spasmcourse.elements.quiz.feedback import answer_text, feedback_lines, verdict
from spasmcourse.elements.quiz.static import feedback_html

SOURCE = Reference(key="some-source", authors="Allen RE, Kirby KA", title="Nocturnal leg cramps",
                   source="Am Fam Physician", year=2012,
                   url="https://pubmed.ncbi.nlm.nih.gov/22963024/", grade="A")


def python_outcome(question_name: str, answer: object) -> dict:
    question = spec_question(question_name)
    result = check(question, answer)
    outcome = {key: value for key, value in asdict(result).items() if key != "marks"}
    outcome["verdict"] = verdict(question, result)
    outcome["lines"] = [[line.correct, line.text, line.feedback]
                        for line in feedback_lines(question, result, answer)]
    return outcome


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['question']}-{c['answer']}")
def test_python_checker_meets_the_spec(case: dict) -> None:
    assert python_outcome(case["question"], case["answer"]) == expected(case)


@pytest.mark.parametrize("name", EXPECTED_ANSWER_TEXT)
def test_answer_text_meets_the_spec(name: str) -> None:
    assert answer_text(spec_question(name)) == EXPECTED_ANSWER_TEXT[name]


def test_every_question_type_has_cases() -> None:
    types = {spec_question(case["question"]).type for case in CASES}
    assert types == {"single", "multiple", "true-false", "numeric", "matching", "ordering", "categorize"}


def test_feedback_after_a_wrong_try_hides_the_explanation() -> None:
    question = spec_question("two-of-four")
    html = feedback_html(question, check(question, [0, 1]), [0, 1], SOURCE)
    assert "Feedback 0" in html and "Feedback 1" in html
    assert "Feedback 2" not in html
    assert "Because." not in html
    assert "show the answer" in html


def test_feedback_when_right_shows_why_and_source() -> None:
    question = spec_question("one-of-three")
    html = feedback_html(question, check(question, [1]), [1], SOURCE)
    assert "Correct." in html and "Because." in html
    assert "Allen RE, Kirby KA (2012). Nocturnal leg cramps. Am Fam Physician." in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/22963024/"' in html


def test_revealed_answer_names_the_right_items() -> None:
    question = spec_question("groups")
    html = feedback_html(question, check(question, [1, 1, 1]), [1, 1, 1], SOURCE, revealed=True)
    assert "The answer: Cramp: Hard calf, Night lock; Twitch: Flicker" in html
    assert "Because." in html


def test_warning_is_shown_with_the_feedback() -> None:
    question = spec_question("one-of-three")
    html = feedback_html(question, check(question, [1]), [1], SOURCE, warning="disk full")
    assert 'role="alert">disk full' in html


def test_citation_without_year_has_no_double_full_stop() -> None:
    reference = SOURCE.model_copy(update={"authors": "Xia R et al.", "year": None})
    assert citation_text(reference) == "Xia R et al. Nocturnal leg cramps. Am Fam Physician."
    assert citation_text(SOURCE.model_copy(update={"authors": "Xia R et al."})).startswith(
        "Xia R et al. (2012). Nocturnal")
