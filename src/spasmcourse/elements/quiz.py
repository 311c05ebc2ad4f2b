"""quiz("id"): the one call a lesson makes to show a quiz."""

from __future__ import annotations

from spasmcourse.elements.lesson_parts import current_course
from spasmcourse.elements.quiz_widget import QuizWidget


def quiz(quiz_id: str) -> QuizWidget:
    """The quiz with this id from assets/quizzes, live in a kernel and static in exports."""
    course = current_course()
    return QuizWidget(course.quiz(quiz_id), course.references)
