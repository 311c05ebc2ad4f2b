"""final_assessment(): a quiz of questions drawn from every lesson, saved like any other quiz."""

from __future__ import annotations

from spasmcourse.content.assessment_questions import assessment_lesson, assessment_quiz
from spasmcourse.content.current_course import current_course
from spasmcourse.elements.failure import shows_problems
from spasmcourse.elements.quiz.live import QuizWidget
from spasmcourse.i18n import text
from spasmcourse.progress import ProgressError, open_store


@shows_problems
def final_assessment() -> QuizWidget:
    """The course assessment: two questions from each lesson's quizzes, with the usual feedback."""
    course = current_course()
    try:
        store, problem = open_store(), ""
    except ProgressError as error:
        store, problem = None, str(error)
    quiz = assessment_quiz(course, text("assessment_title"))
    return QuizWidget(quiz, course.references, assessment_lesson(course), store, problem)
