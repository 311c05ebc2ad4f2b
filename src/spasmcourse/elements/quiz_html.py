"""The self-contained HTML rendering of a quiz, for exported pages, slides and untrusted views."""

from __future__ import annotations

from typing import Any

from spasmcourse.content.models import ChoiceQuestion, Quiz, Reference
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.quiz_check import AnswerCheck, verdict
from spasmcourse.i18n import strings, text
from spasmcourse.rendering import inline_asset, render, script_json


def quiz_dom_id(quiz: Quiz) -> str:
    """The deterministic element id of a quiz."""
    return f"sc-quiz-{quiz.id}"


def question_dom_id(quiz: Quiz, question: ChoiceQuestion) -> str:
    """The deterministic element id of one question's form."""
    return f"sc-q-{quiz.id}-{question.id}"


def quiz_html(quiz: Quiz, references: dict[str, Reference]) -> str:
    """The quiz as HTML with inline CSS and JS and no URLs; readable with scripts stripped."""
    questions = [
        {"dom_id": question_dom_id(quiz, question), "prompt": question.prompt,
         "type": question.type, "options": question.options}
        for question in quiz.questions
    ]
    return render(
        "elements/quiz.html.j2",
        quiz=quiz,
        quiz_dom_id=quiz_dom_id(quiz),
        questions=questions,
        data=script_json(_quiz_data(quiz, references)),
        css=inline_asset("quiz.css"),
        js=inline_asset("quiz.js"),
    )


def feedback_html(question: ChoiceQuestion, check: AnswerCheck, reference: Reference,
                  revealed: bool = False) -> str:
    """What a learner sees after checking: verdict, feedback per chosen option, then the why."""
    finished = check.correct or revealed
    state = "correct" if check.correct else ("incorrect" if check.answered else "empty")
    right_texts = [option.text for option in question.options if option.correct]
    return render(
        "elements/feedback.html.j2",
        state=state,
        verdict=verdict(question, check),
        chosen=[question.options[index] for index in check.chosen],
        try_again=text("try_again") if check.answered and not finished else "",
        answer=text("answer_is", answers="; ".join(right_texts)) if revealed and not check.correct else "",
        explanation=question.explanation if finished else "",
        source=citation_text(reference),
        source_url=citation_url(reference),
    )


def _quiz_data(quiz: Quiz, references: dict[str, Reference]) -> dict[str, Any]:
    return {
        "strings": strings(),
        "questions": [
            {
                "type": question.type,
                "options": [option.model_dump() for option in question.options],
                "explanation": question.explanation,
                "source": citation_text(references[question.reference]),
                "sourceUrl": citation_url(references[question.reference]),
            }
            for question in quiz.questions
        ],
    }
