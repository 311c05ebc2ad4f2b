"""The quiz's two renderings: static HTML for exports and the live ipywidgets view."""

import re

from quiz_spec import spec_question
from spasmcourse.content.models import Quiz
from spasmcourse.elements.quiz_html import quiz_html
from spasmcourse.elements.quiz_widget import QuizWidget
from test_quiz_check import SOURCE

HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def make_quiz(prompt: str = "Which one?") -> Quiz:
    single = spec_question("one-of-three").model_copy(update={"prompt": prompt})
    return Quiz(id="demo", title="Demo quiz", questions=[single, spec_question("two-of-four")])


def test_static_html_is_deterministic_and_has_no_urls() -> None:
    html = quiz_html(make_quiz(), {"some-source": SOURCE})
    assert html == quiz_html(make_quiz(), {"some-source": SOURCE})
    assert 'id="sc-quiz-demo"' in html and 'id="sc-q-demo-one-of-three"' in html
    assert not re.search(r'\b(src|href)\s*=\s*"(https?:)?//', html)
    assert "@import" not in html


def test_static_html_reads_without_scripts() -> None:
    html = quiz_html(make_quiz(), {"some-source": SOURCE})
    without_scripts = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert "Question 1 of 2." in without_scripts and "Which one?" in without_scripts
    assert "Option 2" in without_scripts
    assert 'class="sc-check" hidden' in without_scripts
    assert "Feedback 0" not in without_scripts
    assert "run the notebook" in without_scripts


def test_hostile_text_is_escaped_in_static_html() -> None:
    html = quiz_html(make_quiz(HOSTILE), {"some-source": SOURCE})
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html
    assert "<script>alert(2)" not in html


def test_widget_checks_answers_in_python_and_offers_the_answer() -> None:
    widget = QuizWidget(make_quiz(), {"some-source": SOURCE})
    first = widget.questions[0]
    first.select([0])
    result = first.answer(first.chosen())
    assert not result.correct
    assert "Not quite." in first.feedback.value and "Feedback 0" in first.feedback.value
    assert first.reveal_button.layout.display == "flex"
    first.select([1])
    assert first.answer(first.chosen()).correct
    assert "Because." in first.feedback.value
    assert first.reveal_button.layout.display == "none"


def test_multiple_select_widget_reads_checkboxes() -> None:
    widget = QuizWidget(make_quiz(), {"some-source": SOURCE})
    second = widget.questions[1]
    second.select([0, 2])
    assert second.chosen() == [0, 2]
    assert second.answer(second.chosen()).correct


def test_widget_bundle_carries_both_renderings() -> None:
    widget = QuizWidget(make_quiz(), {"some-source": SOURCE})
    bundle = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == quiz_html(make_quiz(), {"some-source": SOURCE})


def test_hostile_text_is_escaped_in_widget() -> None:
    widget = QuizWidget(make_quiz(HOSTILE), {"some-source": SOURCE})
    prompt_html = widget.questions[0].children[0].value
    assert "<img" not in prompt_html and "&lt;img" in prompt_html
