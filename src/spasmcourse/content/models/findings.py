"""The triage findings catalogue (assets/triage/findings.yml) and the five advice levels.

Each finding is a sourced warning sign or ordinary feature with the minimum advice level a
person who has it must get. Flowcharts, lessons and quizzes all take their urgency from here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from spasmcourse.content.models.base import ContentModel, LessonId, Slug, Text

Level = Literal["self-care", "see-a-doctor", "within-days", "urgent-today", "emergency"]
LEVELS: tuple[str, ...] = ("self-care", "see-a-doctor", "within-days", "urgent-today", "emergency")
Region = Literal["neck", "back", "limb", "jaw"]
REGIONS: tuple[str, ...] = ("neck", "back", "limb", "jaw")


def urgency(level: str) -> int:
    """How urgent a level is: 0 (self-care) to 4 (emergency)."""
    return LEVELS.index(level)


class Caveat(ContentModel):
    """Why a level was chosen where the sources disagree or their wording could not be checked."""

    kind: Literal["disagreement", "unverified-wording"]
    text: Text


class Finding(ContentModel):
    """One finding: what a person notices, which regions' charts ask it, and its minimum level."""

    id: Slug
    regions: list[Region] = Field(min_length=1)
    level: Level
    text: Text
    why: Text
    references: list[Slug] = Field(min_length=1)
    caveat: Caveat | None = None
    lessons: list[LessonId] = Field(default_factory=list)


class FindingList(ContentModel):
    """assets/triage/findings.yml."""

    findings: list[Finding] = Field(min_length=1)


def most_urgent(levels: list[str]) -> str:
    """The most urgent of these levels; self-care when there are none."""
    return max(levels, key=urgency, default="self-care")


class Urgency(ContentModel):
    """What a quiz or case text says about urgency, checked against the catalogue.

    `findings`: the catalogue findings it is about; `level`: the advice level it names;
    `categories`: for a sorting question, the level each category names.
    """

    findings: list[Slug] | None = Field(default=None, min_length=1)
    level: Level | None = None
    categories: dict[str, Level] | None = None
