"""The self-contained HTML rendering of a quiz, for exported pages, slides and untrusted views."""

from __future__ import annotations

from typing import Any

from spasmcourse.content.models import Quiz, Reference
from spasmcourse.content.models.questions import Categorize, Matching, Numeric, Ordering, Question
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.quiz.checking import AnswerCheck, choice_options, definitions
from spasmcourse.elements.quiz.feedback import answer_text, feedback_lines, verdict
from spasmcourse.elements.quiz.shuffle import shuffled
from spasmcourse.i18n import strings_for, text
from spasmcourse.rendering import asset_tags, render, script_json

QUIZ_STYLES = ("quiz.css",)
QUIZ_SCRIPTS = ("quiz-check.js", "quiz-ui.js")
_INSTRUCTIONS = {"single": "choose_one", "multiple": "choose_many", "true-false": "instruction_true_false",
                 "numeric": "instruction_numeric", "matching": "instruction_matching",
                 "ordering": "instruction_ordering", "categorize": "instruction_categorize"}


def quiz_dom_id(quiz: Quiz) -> str:
    """The deterministic element id of a quiz."""
    return f"sc-quiz-{quiz.id}"


def question_dom_id(quiz: Quiz, question: Question) -> str:
    """The deterministic element id of one question's form."""
    return f"sc-q-{quiz.id}-{question.id}"


def instruction(question: Question) -> str:
    """How to answer this type of question."""
    return text(_INSTRUCTIONS[question.type])


def quiz_html(quiz: Quiz, references: dict[str, Reference], lesson_id: str) -> str:
    """The quiz as HTML with inline CSS and JS and no URLs; readable with scripts stripped."""
    return render(
        "elements/quiz.html.j2",
        quiz=quiz,
        quiz_dom_id=quiz_dom_id(quiz),
        questions=[_question_view(quiz, question) for question in quiz.questions],
        data=script_json(_quiz_data(quiz, references, lesson_id)),
        assets=asset_tags(QUIZ_STYLES, QUIZ_SCRIPTS),
    )


def feedback_html(question: Question, check: AnswerCheck, answer: Any, reference: Reference,
                  revealed: bool = False, warning: str = "") -> str:
    """What a learner sees after checking: verdict, a line per marked item, then the why."""
    finished = check.correct or revealed
    state = "correct" if check.correct else ("incorrect" if check.answered else "empty")
    return render(
        "elements/feedback.html.j2",
        state=state,
        verdict=verdict(question, check),
        lines=feedback_lines(question, check, answer),
        try_again=text("try_again") if check.answered and not finished else "",
        answer=text("answer_is", answers=answer_text(question)) if revealed and not check.correct else "",
        explanation=question.explanation if finished else "",
        source=citation_text(reference),
        source_url=citation_url(reference),
        warning=warning,
    )


def _question_view(quiz: Quiz, question: Question) -> dict[str, Any]:
    view: dict[str, Any] = {"dom_id": question_dom_id(quiz, question), "type": question.type,
                            "prompt": question.prompt, "instruction": instruction(question),
                            "hint": question.hint}
    if question.type in ("single", "multiple", "true-false"):
        view["options"] = choice_options(question)
    elif isinstance(question, Numeric):
        view["unit"] = question.unit
    elif isinstance(question, Matching):
        view["terms"] = [pair.term for pair in question.pairs]
        view["definitions"] = definitions(question)
    elif isinstance(question, Categorize):
        view["item_texts"] = [item.text for item in question.items]
        view["categories"] = list(question.categories)
    elif isinstance(question, Ordering):
        view["item_texts"] = [item.text for item in question.items]
        view["order"] = shuffled(len(question.items), f"{quiz.id}|{question.id}", avoid_identity=True)
    return view


def _quiz_data(quiz: Quiz, references: dict[str, Reference], lesson_id: str) -> dict[str, Any]:
    return {
        "quiz": quiz.id,
        "title": quiz.title,
        "lesson": lesson_id,
        "strings": strings_for(*QUIZ_SCRIPTS),
        "questions": [
            {**question.model_dump(mode="json"),
             "source": citation_text(references[question.reference]),
             "sourceUrl": citation_url(references[question.reference])}
            for question in quiz.questions
        ],
    }
