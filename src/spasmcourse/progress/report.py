"""Scores from saved attempts: per quiz and per lesson, counting each question's latest attempt."""

from __future__ import annotations

from dataclasses import dataclass

from spasmcourse.content import Course
from spasmcourse.content.assessment_questions import assessment_lesson, assessment_quiz
from spasmcourse.i18n import text
from spasmcourse.progress.store import Attempt

Latest = dict[tuple[str, str, str], Attempt]


@dataclass(frozen=True)
class Score:
    """Questions answered, answered correctly (latest attempt), and in all, for a quiz or lesson."""

    id: str
    title: str
    answered: int
    correct: int
    total: int

    @property
    def percent(self) -> int:
        """Correct answers as a whole percentage of all questions."""
        return round(100 * self.correct / self.total) if self.total else 0


def quiz_scores(course: Course, lesson_id: str, latest: Latest) -> list[Score]:
    """The score of each quiz in a lesson, the final assessment included where it is shown."""
    scores = []
    quizzes = course.lesson_quizzes(lesson_id)
    if lesson_id == assessment_lesson(course):
        quizzes.append(assessment_quiz(course, text("assessment_title")))
    for quiz in quizzes:
        saved = [latest.get((lesson_id, quiz.id, question.id)) for question in quiz.questions]
        scores.append(Score(quiz.id, quiz.title, sum(a is not None for a in saved),
                            sum(bool(a and a.correct) for a in saved), len(quiz.questions)))
    return scores


def lesson_scores(course: Course, latest: Latest) -> list[Score]:
    """The score of every lesson, in course order."""
    scores = []
    for lesson in course.lessons:
        quizzes = quiz_scores(course, lesson.id, latest)
        scores.append(Score(lesson.id, lesson.title, sum(s.answered for s in quizzes),
                            sum(s.correct for s in quizzes), sum(s.total for s in quizzes)))
    return scores
