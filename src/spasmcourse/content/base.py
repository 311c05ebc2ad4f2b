"""Field types and the base model shared by every content file."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
LessonId = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}(-[a-z0-9]+)+$")]
NotebookPath = Annotated[str, StringConstraints(pattern=r"^[^/\\].*\.ipynb$")]
WebAddress = Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")]


class ContentModel(BaseModel):
    """Base for content: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleError(ValueError):
    """A broken rule inside one content model, carrying the fix to suggest to the author."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint
