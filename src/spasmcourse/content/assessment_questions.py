"""The final course assessment: questions drawn from every lesson's quizzes."""

from __future__ import annotations

from spasmcourse.content.course import Course
from spasmcourse.content.models import Quiz
from spasmcourse.content.notebook_text import notebook_code

ASSESSMENT_ID = "final-assessment"
PER_LESSON = 2


def assessment_quiz(course: Course, title: str) -> Quiz:
    """Two questions from each lesson with quizzes (the first and the middle one), in course order."""
    questions = []
    for lesson in course.lessons:
        pool = [q for quiz in course.lesson_quizzes(lesson.id) for q in quiz.questions]
        picks = sorted({0, len(pool) // 2}) if len(pool) >= PER_LESSON else range(len(pool))
        questions += [pool[i].model_copy(update={"id": f"{lesson.id[:2]}-{pool[i].id}"}) for i in picks]
    return Quiz(id=ASSESSMENT_ID, title=title, questions=questions)


def assessment_lesson(course: Course) -> str:
    """The lesson that shows the final assessment (its attempts are saved under it)."""
    for lesson in course.lessons:
        if "final_assessment(" in notebook_code(course.notebook_path(lesson)):
            return lesson.id
    return course.lessons[-1].id


def quizzes_shown(course: Course, lesson_id: str, title: str = ASSESSMENT_ID) -> list[Quiz]:
    """The quizzes a lesson shows: its own, and the final assessment in the lesson that holds it."""
    quizzes = list(course.lesson_quizzes(lesson_id))
    if lesson_id == assessment_lesson(course):
        quizzes.append(assessment_quiz(course, title))
    return quizzes
