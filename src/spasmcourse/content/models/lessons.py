"""lessons.yml: the course title and its lessons in teaching order."""

from __future__ import annotations

from pydantic import Field

from spasmcourse.content.models.base import (
    ContentModel,
    LanguageCode,
    LessonId,
    NotebookPath,
    Text,
)


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
