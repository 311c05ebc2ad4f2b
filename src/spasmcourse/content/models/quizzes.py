"""Quiz files (assets/quizzes/<lesson-id>.yml): the quizzes of one lesson."""

from __future__ import annotations

from pydantic import Field

from spasmcourse.content.models.base import (
    ContentModel,
    LessonId,
    Slug,
    Text,
)
from spasmcourse.content.models.questions import Question


class Quiz(ContentModel):
    """A titled set of questions shown together with one quiz("id") call."""

    id: Slug
    title: Text
    questions: list[Question] = Field(min_length=1)


class QuizFile(ContentModel):
    """assets/quizzes/<lesson-id>.yml: the quizzes of one lesson."""

    lesson: LessonId
    quizzes: list[Quiz] = Field(min_length=1)
