"""quiz("id"): the one call a lesson makes to show a quiz."""

from __future__ import annotations

from spasmcourse.content.current_course import current_course
from spasmcourse.elements.failure import shows_problems
from spasmcourse.elements.quiz.live import QuizWidget
from spasmcourse.progress import ProgressError, open_store


@shows_problems
def quiz(quiz_id: str) -> QuizWidget:
    """The quiz with this id from assets/quizzes, live in a kernel and static in exports."""
    course = current_course()
    try:
        store, problem = open_store(), ""
    except ProgressError as error:
        store, problem = None, str(error)
    return QuizWidget(course.quiz(quiz_id), course.references, course.lesson_of_quiz(quiz_id),
                      store, problem)
