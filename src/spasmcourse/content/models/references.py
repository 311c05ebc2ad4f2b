"""The reference list (assets/references.yml): the sources claims and answers rest on."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasmcourse.content.models.base import (
    ContentModel,
    Doi,
    RuleError,
    Slug,
    Text,
    WebAddress,
)


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
