"""Case studies (assets/cases/<id>.yml): a patient's story told in steps where the learner decides."""

from __future__ import annotations

from pydantic import Field

from spasmcourse.content.models.base import ContentModel, LessonId, Slug, Text
from spasmcourse.content.models.findings import Urgency


class CaseChoice(ContentModel):
    """A decision the learner can take, the feedback on it, and where the story goes next."""

    label: Text
    feedback: Text
    to: Slug
    best: bool = False
    triage: Urgency | None = None


class CaseStep(ContentModel):
    """A moment in the story that asks the learner to decide."""

    id: Slug
    text: Text
    choices: list[CaseChoice] = Field(min_length=2, max_length=5)
    triage: Urgency | None = None


class CaseEnding(ContentModel):
    """How the story ends, and which lessons to revisit."""

    id: Slug
    text: Text
    revisit: list[LessonId] = Field(min_length=1)


class CaseStudy(ContentModel):
    """A branching patient story drawing on the course."""

    id: Slug
    title: Text
    story: Text
    start: Slug
    steps: list[CaseStep] = Field(min_length=1)
    endings: list[CaseEnding] = Field(min_length=1)
    references: list[Slug] = Field(min_length=1)
