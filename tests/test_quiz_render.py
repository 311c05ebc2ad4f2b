"""The quiz's two renderings: static HTML for exports and the live ipywidgets view."""

import re
from pathlib import Path

import pytest

from quiz_spec import SPEC, spec_question
from spasmcourse.content.models import Quiz
from spasmcourse.elements.quiz.live import QuizWidget
from spasmcourse.elements.quiz.static import quiz_html
from spasmcourse.progress import ProgressStore
from test_quiz_check import SOURCE

HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
ALL_TYPES = list(SPEC["questions"])
REFERENCES = {"some-source": SOURCE}


def make_quiz(prompt: str = "Which one?") -> Quiz:
    questions = [spec_question(name) for name in ALL_TYPES]
    questions[0] = questions[0].model_copy(update={"prompt": prompt})
    return Quiz(id="demo", title="Demo quiz", questions=questions)


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "progress.sqlite3")


def test_static_html_is_deterministic_and_has_no_urls() -> None:
    html = quiz_html(make_quiz(), REFERENCES, "01-demo")
    assert html == quiz_html(make_quiz(), REFERENCES, "01-demo")
    assert 'id="sc-quiz-demo"' in html and 'id="sc-q-demo-one-of-three"' in html
    assert not re.search(r'\b(src|href)\s*=\s*"(https?:)?//', html)
    assert "@import" not in html


def test_static_html_reads_without_scripts() -> None:
    html = quiz_html(make_quiz(), REFERENCES, "01-demo")
    without_scripts = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert "Question 1 of 9." in without_scripts and "Which one?" in without_scripts
    for visible in ("Option 2", "Def X", "Hard calf", "Twitch", "percent", "Third"):
        assert visible in without_scripts
    assert 'class="sc-check" hidden' in without_scripts
    for secret in ("Feedback 0", "Spot on", "About A", "Comes first", "Because."):
        assert secret not in without_scripts
    assert "run the notebook" in without_scripts


def test_ordering_items_are_not_shown_in_the_right_order() -> None:
    html = quiz_html(make_quiz(), REFERENCES, "01-demo")
    shown = re.findall(r'class="sc-order-text">([^<]+)<', html)
    assert sorted(shown) == ["First", "Second", "Third"]
    assert shown != ["First", "Second", "Third"]


def test_every_input_has_a_label() -> None:
    html = quiz_html(make_quiz(), REFERENCES, "01-demo")
    ids = re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html)
    assert ids, "no inputs"
    for input_id in ids:
        assert f'for="{input_id}"' in html, f"{input_id} has no label"


def test_hostile_text_is_escaped_in_static_html() -> None:
    html = quiz_html(make_quiz(HOSTILE), REFERENCES, "01-demo")
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<script>alert(2)" not in html


def test_widget_checks_every_type_in_python(store: ProgressStore) -> None:
    widget = QuizWidget(make_quiz(), REFERENCES, "01-demo", store)
    right_answers = {"one-of-three": [1], "two-of-four": [0, 2], "statement": [1], "tolerance": "70",
                     "exact": "2.5", "between": "9", "pairs": [0, 1, 2], "steps": [0, 1, 2],
                     "groups": [0, 1, 0]}
    for view in widget.questions:
        view.input.set(right_answers[view.question.id])
        assert view.answer().correct, view.question.id
        assert "Because." in view.feedback.value
    assert "Score: 9 of 9 correct" in widget.score.value


def test_wrong_answer_offers_the_answer_and_is_saved(store: ProgressStore) -> None:
    widget = QuizWidget(make_quiz(), REFERENCES, "01-demo", store)
    view = widget.questions[0]
    view.input.set([0])
    assert not view.answer().correct
    assert "Not quite." in view.feedback.value and "Feedback 0" in view.feedback.value
    assert view.reveal_button.layout.display == "flex"
    view.answer(revealed=True)
    assert "The answer: Option 1" in view.feedback.value
    assert [(a.question, a.answer, a.correct) for a in store.attempts()] == [("one-of-three", [0], False)]


def test_saved_answers_come_back_in_a_new_widget(store: ProgressStore) -> None:
    first = QuizWidget(make_quiz(), REFERENCES, "01-demo", store)
    first.questions[1].input.set([0, 2])
    first.questions[1].answer()
    again = QuizWidget(make_quiz(), REFERENCES, "01-demo", store)
    assert again.questions[1].input.answer() == [0, 2]
    assert "Correct." in again.questions[1].feedback.value
    assert "Score: 1 of 9 correct" in again.score.value
    assert len(store.attempts()) == 1


def test_ordering_widget_moves_items(store: ProgressStore) -> None:
    widget = QuizWidget(make_quiz(), REFERENCES, "01-demo", store)
    order_view = next(view for view in widget.questions if view.question.id == "steps")
    start = order_view.input.answer()
    order_view.input.move(start[0], 1)
    assert order_view.input.answer() == [start[1], start[0], start[2]]
    assert "is now number 2 of 3" in order_view.input.status.value
    order_view.input.move(start[0], 1)
    order_view.input.move(start[0], 1)
    assert order_view.input.answer() == [start[1], start[2], start[0]]


def test_widget_bundle_carries_both_renderings(store: ProgressStore) -> None:
    widget = QuizWidget(make_quiz(), REFERENCES, "01-demo", store)
    bundle = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == quiz_html(make_quiz(), REFERENCES, "01-demo")


def test_hostile_text_is_escaped_in_widget(store: ProgressStore) -> None:
    widget = QuizWidget(make_quiz(HOSTILE), REFERENCES, "01-demo", store)
    prompt_html = widget.questions[0].children[0].value
    assert "<img" not in prompt_html and "&lt;img" in prompt_html
