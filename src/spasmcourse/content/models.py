"""The shape of every content file, as pydantic models. Cross-file rules live in checks.py."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasmcourse.content.base import (
    ContentModel,
    Doi,
    LanguageCode,
    LessonId,
    NotebookPath,
    RuleError,
    Slug,
    Text,
    WebAddress,
)
from spasmcourse.content.questions import Question


class Lesson(ContentModel):
    """One lesson of the course, as listed in lessons.yml."""

    id: LessonId
    title: Text
    notebook: NotebookPath
    minutes: int = Field(gt=0, le=600)
    objectives: list[Text] = Field(min_length=1)
    requires: list[str] = Field(default_factory=list)
    orientation: bool = False


class Manifest(ContentModel):
    """lessons.yml: the course title and its lessons in teaching order."""

    title: Text
    description: Text | None = None
    language: LanguageCode = "en"
    lessons: list[Lesson] = Field(min_length=1)


class Quiz(ContentModel):
    """A titled set of questions shown together with one quiz("id") call."""

    id: Slug
    title: Text
    questions: list[Question] = Field(min_length=1)


class QuizFile(ContentModel):
    """assets/quizzes/<lesson-id>.yml: the quizzes of one lesson."""

    lesson: LessonId
    quizzes: list[Quiz] = Field(min_length=1)


class Reference(ContentModel):
    """A source that a claim or a quiz answer rests on."""

    key: Slug
    authors: Text
    title: Text
    source: Text
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: WebAddress | None = None
    doi: Doi | None = None
    grade: Literal["A", "B"]

    @model_validator(mode="after")
    def _findable(self) -> Reference:
        if self.url is None and self.doi is None:
            raise RuleError(f"'{self.key}' needs a url or a doi so a reader can find the source",
                            "add url: https://... or doi: 10.xxxx/...")
        return self


class ReferenceList(ContentModel):
    """assets/references.yml."""

    references: list[Reference] = Field(min_length=1)
