"""Field types and the base model shared by every content file."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, FiniteFloat, StringConstraints


class RuleError(ValueError):
    """A broken rule inside one content model, carrying the fix to suggest to the author."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def inside(path: str) -> str:
    """A relative path that stays inside its folder: no '..' step, no absolute or drive path."""
    steps = path.replace("\\", "/").split("/")
    if path.startswith(("/", "\\")) or ".." in steps or re.match(r"^[A-Za-z]:", path):
        raise RuleError(f"'{path[:80]}' leads outside the course folder",
                        "give a path inside the course, relative to its folder, without '..'")
    return path


LARGEST = 1e12
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
LessonId = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}(-[a-z0-9]+)+$")]
InsidePath = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(inside)]
NotebookPath = Annotated[str, StringConstraints(pattern=r"^[^/\\].*\.ipynb$"), AfterValidator(inside)]
WebAddress = Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")]
# Every number in a content file: finite (pages cannot read .nan or .inf) and of a sensible size.
Number = Annotated[FiniteFloat, Field(ge=-LARGEST, le=LARGEST)]


class ContentModel(BaseModel):
    """Base for content: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)
