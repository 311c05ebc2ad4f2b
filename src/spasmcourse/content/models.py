"""The shape of every content file, as pydantic models. Cross-file rules live in checks.py."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
LessonId = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}(-[a-z0-9]+)+$")]
NotebookPath = Annotated[str, StringConstraints(pattern=r"^[^/\\].*\.ipynb$")]
WebAddress = Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]


class ContentModel(BaseModel):
    """Base for content: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Lesson(ContentModel):
    """One lesson of the course, as listed in lessons.yml."""

    id: LessonId
    title: Text
    notebook: NotebookPath
    minutes: int = Field(gt=0, le=600)
    objectives: list[Text] = Field(min_length=1)
    requires: list[str] = Field(default_factory=list)


class Manifest(ContentModel):
    """lessons.yml: the course title and its lessons in teaching order."""

    title: Text
    description: Text | None = None
    lessons: list[Lesson] = Field(min_length=1)


class Option(ContentModel):
    """One answer option of a choice question, with the feedback shown when it is picked."""

    text: Text
    correct: bool = False
    feedback: Text


class ChoiceQuestion(ContentModel):
    """A single-choice (exactly one right) or multiple-select (one or more right) question."""

    id: Slug
    type: Literal["single", "multiple"]
    prompt: Text
    options: list[Option] = Field(min_length=2, max_length=12)
    explanation: Text
    reference: Slug


class Quiz(ContentModel):
    """A titled set of questions shown together with one quiz("id") call."""

    id: Slug
    title: Text
    questions: list[ChoiceQuestion] = Field(min_length=1)


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
            raise ValueError(f"'{self.key}' needs a url or a doi so a reader can find the source")
        return self


class ReferenceList(ContentModel):
    """assets/references.yml."""

    references: list[Reference] = Field(min_length=1)
