"""The live quiz: ipywidgets checked in Python, saved to the progress store, restored on reopen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from markupsafe import escape
from traitlets import TraitError

from spasmcourse.content.models import Quiz, Reference
from spasmcourse.content.models.questions import Question
from spasmcourse.elements.quiz.checking import AnswerCheck, check
from spasmcourse.elements.quiz.inputs import make_input
from spasmcourse.elements.quiz.static import feedback_html as render_feedback
from spasmcourse.elements.quiz.static import instruction, question_dom_id, quiz_html
from spasmcourse.i18n import text
from spasmcourse.progress import Attempt, ProgressError, ProgressStore
from spasmcourse.rendering import inline_asset

_HIDDEN = widgets.Layout(display="none")
_SHOWN = widgets.Layout(display="flex", width="auto")
_listeners: list[Callable[[str], None]] = []


def on_progress(listener: Callable[[str], None]) -> None:
    """Call `listener(lesson_id)` whenever a live quiz saves an attempt."""
    _listeners.append(listener)


class QuestionView(widgets.VBox):
    """One question: prompt, answer input, Check / Show hint / Show the answer, and feedback."""

    def __init__(self, owner: QuizWidget, number: int, question: Question, reference: Reference,
                 seed: str) -> None:
        self.owner = owner
        self.question = question
        self.reference = reference
        self.result: AnswerCheck | None = None
        self.revealed = False
        total = len(owner.quiz.questions)
        prompt = widgets.HTML(
            f'<p class="sc-prompt-live"><span class="sc-qnum">'
            f'{escape(text("question_number", n=number, m=total))}.</span> {escape(question.prompt)}</p>'
            f'<p class="sc-instruction">{escape(instruction(question))}</p>')
        self.input = make_input(question, seed)
        self.check_button = widgets.Button(description=text("check"), button_style="primary")
        self.reveal_button = widgets.Button(description=text("show_answer"), layout=_HIDDEN)
        self.hint = widgets.HTML()
        buttons = [self.check_button]
        if question.hint:
            self.hint_button = widgets.Button(description=text("show_hint"))
            self.hint_button.on_click(lambda _: self.show_hint())
            buttons.append(self.hint_button)
        self.feedback = widgets.HTML()
        self.check_button.on_click(lambda _: self.answer())
        self.reveal_button.on_click(lambda _: self.answer(revealed=True))
        super().__init__([prompt, self.input.widget, widgets.HBox([*buttons, self.reveal_button]),
                          self.hint, self.feedback])
        self.add_class("sc-question")
        self.add_class(question_dom_id(owner.quiz, question))

    def show_hint(self) -> None:
        """Show the question's hint."""
        self.hint.value = (f'<p class="sc-hint"><strong>{escape(text("hint"))}:</strong> '
                           f'{escape(self.question.hint)}</p>')
        self.hint_button.layout = _HIDDEN

    def answer(self, revealed: bool = False, save: bool = True) -> AnswerCheck:
        """Check the current input, show feedback, save the attempt, offer the answer after a wrong try."""
        given = self.input.answer()
        self.result = check(self.question, given)
        self.revealed = revealed
        warning = self.owner.save(self.question, given, self.result) if save and not revealed else ""
        self.feedback.value = render_feedback(self.question, self.result, given, self.reference,
                                              revealed, warning)
        finished = self.result.correct or revealed
        self.reveal_button.layout = _SHOWN if self.result.answered and not finished else _HIDDEN
        self.owner.update_score()
        return self.result

    def restore(self, answer: Any) -> None:
        """Put a saved answer back and show its feedback, without saving it again."""
        self.input.set(answer)
        self.answer(save=False)


class QuizWidget(widgets.VBox):
    """A quiz in a live kernel; exports and untrusted views get its static HTML instead."""

    def __init__(self, quiz: Quiz, references: dict[str, Reference], lesson_id: str,
                 store: ProgressStore | None, store_problem: str = "") -> None:
        self.quiz = quiz
        self.lesson_id = lesson_id
        self.store = store
        self._references = references
        learner = _learner(store)
        self.score = widgets.HTML()
        saved = self._saved()
        notices = [*(store.warnings if store else []), *([store_problem] if store_problem else [])]
        header = widgets.HTML(
            f"<style>{inline_asset('quiz.css')}</style>"
            f'<h3 class="sc-quiz-title">{escape(text("quiz_heading", title=quiz.title))}</h3>'
            + "".join(f'<p class="sc-warning" role="alert">{escape(n)}</p>' for n in notices))
        self.questions = [QuestionView(self, number, question, references[question.reference],
                                       f"{learner}|{quiz.id}|{question.id}")
                          for number, question in enumerate(quiz.questions, start=1)]
        super().__init__([header, self.score, *self.questions])
        self.add_class("sc-quiz")
        self.add_class("sc-live")
        self._restore(saved)
        self.update_score()

    def _saved(self) -> dict[tuple[str, str, str], Attempt]:
        """The saved answers to restore (read before the header, which shows any warning reading them gave)."""
        if self.store is None:
            return {}
        try:
            return self.store.latest()
        except ProgressError:
            return {}

    def _restore(self, latest: dict[tuple[str, str, str], Attempt]) -> None:
        for view in self.questions:
            saved = latest.get((self.lesson_id, self.quiz.id, view.question.id))
            if saved is not None:
                try:
                    view.restore(saved.answer)
                except (TypeError, ValueError, KeyError, IndexError, AttributeError, TraitError):
                    continue  # a saved answer that does not fit this question (it changed): left unanswered

    def save(self, question: Question, answer: Any, result: AnswerCheck) -> str:
        """Record the attempt; returns a warning for the learner if it could not be saved."""
        if self.store is None:
            return text("not_saved", reason="no progress file")
        try:
            self.store.record(self.lesson_id, self.quiz.id, question.id, answer, result.correct)
        except ProgressError as error:
            return text("not_saved", reason=str(error))
        for listener in list(_listeners):
            listener(self.lesson_id)
        return ""

    def correct_count(self) -> int:
        """Questions answered correctly (not by asking for the answer)."""
        return sum(1 for view in self.questions
                   if view.result is not None and view.result.correct and not view.revealed)

    def update_score(self) -> None:
        """Show 'Score: n of m correct'."""
        score = text("score", n=self.correct_count(), m=len(self.questions))
        self.score.value = f'<p class="sc-score" aria-live="polite">{escape(score)}</p>'

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = quiz_html(self.quiz, self._references, self.lesson_id)
        return bundle


def _learner(store: ProgressStore | None) -> str:
    try:
        return store.learner_id() if store else "anonymous"
    except ProgressError:
        return "anonymous"
