"""The live quiz: an ipywidgets view checked in Python, which also carries its static HTML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
from markupsafe import escape

from spasmcourse.content.models import ChoiceQuestion, Quiz, Reference
from spasmcourse.elements.quiz_check import AnswerCheck, check_answer
from spasmcourse.elements.quiz_html import feedback_html, question_dom_id, quiz_html
from spasmcourse.i18n import text
from spasmcourse.rendering import static_file

_HIDDEN = widgets.Layout(display="none")
_SHOWN = widgets.Layout(display="flex", width="auto")


class QuestionView(widgets.VBox):
    """One question: prompt, choices, Check and Show-the-answer buttons, and feedback."""

    def __init__(self, quiz: Quiz, number: int, question: ChoiceQuestion, reference: Reference):
        self.question = question
        self.reference = reference
        total = len(quiz.questions)
        instruction = text("choose_one") if question.type == "single" else text("choose_many")
        prompt = widgets.HTML(
            f'<p class="sc-prompt-live"><span class="sc-qnum">'
            f'{escape(text("question_number", n=number, m=total))}.</span> '
            f'{escape(question.prompt)}</p><p class="sc-instruction">{escape(instruction)}</p>'
        )
        self.choices = self._choices(question)
        self.check_button = widgets.Button(description=text("check"), tooltip=text("check"))
        self.reveal_button = widgets.Button(description=text("show_answer"), layout=_HIDDEN)
        self.feedback = widgets.HTML()
        self.check_button.add_class("sc-live-button")
        self.check_button.on_click(lambda _: self.answer(self.chosen()))
        self.reveal_button.on_click(lambda _: self.answer(self.chosen(), revealed=True))
        actions = widgets.HBox([self.check_button, self.reveal_button])
        super().__init__([prompt, self.choices, actions, self.feedback])
        self.add_class("sc-question")
        self.add_class(question_dom_id(quiz, question))

    @staticmethod
    def _choices(question: ChoiceQuestion) -> widgets.Widget:
        labels = [option.text for option in question.options]
        if question.type == "single":
            return widgets.RadioButtons(options=[(label, i) for i, label in enumerate(labels)],
                                        value=None, layout=widgets.Layout(width="auto"))
        return widgets.VBox([widgets.Checkbox(value=False, description=label, indent=False,
                                              layout=widgets.Layout(width="auto"))
                             for label in labels])

    def chosen(self) -> list[int]:
        """The option indexes currently selected."""
        if isinstance(self.choices, widgets.RadioButtons):
            return [] if self.choices.value is None else [self.choices.value]
        return [i for i, box in enumerate(self.choices.children) if box.value]

    def select(self, indexes: Sequence[int]) -> None:
        """Select these option indexes, as a learner would by clicking."""
        if isinstance(self.choices, widgets.RadioButtons):
            self.choices.value = indexes[0] if indexes else None
        else:
            for i, box in enumerate(self.choices.children):
                box.value = i in indexes

    def answer(self, chosen: Sequence[int], revealed: bool = False) -> AnswerCheck:
        """Check `chosen`, show the feedback, and offer the answer after a wrong try."""
        result = check_answer(self.question, chosen)
        self.feedback.value = feedback_html(self.question, result, self.reference, revealed)
        wrong_try = result.answered and not result.correct and not revealed
        self.reveal_button.layout = _SHOWN if wrong_try else _HIDDEN
        return result


class QuizWidget(widgets.VBox):
    """A quiz in a live kernel; exports and untrusted views get its static HTML instead."""

    def __init__(self, quiz: Quiz, references: dict[str, Reference]):
        self.quiz = quiz
        self._references = references
        header = widgets.HTML(
            f"<style>{static_file('quiz.css')}</style>"
            f'<h3 class="sc-quiz-title">{escape(text("quiz_heading", title=quiz.title))}</h3>'
        )
        self.questions = [QuestionView(quiz, number, question, references[question.reference])
                          for number, question in enumerate(quiz.questions, start=1)]
        super().__init__([header, *self.questions])
        self.add_class("sc-quiz")
        self.add_class("sc-live")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = quiz_html(self.quiz, self._references)
        return bundle
