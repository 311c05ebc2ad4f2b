import pytest

from quiz_spec import CASES, spec_question
from spasmcourse.content.models import Reference
from spasmcourse.elements.citations import citation_text
from spasmcourse.elements.quiz_check import check_answer, verdict
from spasmcourse.elements.quiz_html import feedback_html

SOURCE = Reference(key="some-source", authors="Allen RE, Kirby KA", title="Nocturnal leg cramps",
                   source="Am Fam Physician", year=2012,
                   url="https://pubmed.ncbi.nlm.nih.gov/22963024/", grade="A")


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['question']}-{c['chosen']}")
def test_python_checker_meets_the_spec(case: dict) -> None:
    question = spec_question(case["question"])
    result = check_answer(question, case["chosen"])
    assert result.answered == case["answered"]
    assert result.correct == case["correct"]
    assert list(result.wrong_chosen) == case["wrong"]
    assert result.missed == case["missed"]
    assert verdict(question, result) == case["verdict"]


def test_feedback_after_a_wrong_try_hides_the_explanation() -> None:
    question = spec_question("two-of-four")
    html = feedback_html(question, check_answer(question, [0, 1]), SOURCE)
    assert "Feedback 0" in html and "Feedback 1" in html
    assert "Feedback 2" not in html
    assert "Because." not in html
    assert "show the answer" in html


def test_feedback_when_right_shows_why_and_source() -> None:
    question = spec_question("one-of-three")
    html = feedback_html(question, check_answer(question, [1]), SOURCE)
    assert "Correct." in html and "Because." in html
    assert "Allen RE, Kirby KA (2012). Nocturnal leg cramps. Am Fam Physician." in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/22963024/"' in html


def test_revealed_answer_names_the_right_options() -> None:
    question = spec_question("two-of-four")
    html = feedback_html(question, check_answer(question, [1]), SOURCE, revealed=True)
    assert "The answer: Option 0; Option 2" in html
    assert "Because." in html


def test_citation_without_year_has_no_double_full_stop() -> None:
    reference = SOURCE.model_copy(update={"authors": "Xia R et al.", "year": None})
    assert citation_text(reference) == "Xia R et al. Nocturnal leg cramps. Am Fam Physician."
    assert citation_text(SOURCE.model_copy(update={"authors": "Xia R et al."})).startswith(
        "Xia R et al. (2012). Nocturnal")
