"""Read content files with locations: YAML with its node tree, validated into models, errors as problems."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from spasmcourse.content.reading.document import YamlDocument, format_location, load_yaml
from spasmcourse.content.reading.nodes import Location
from spasmcourse.content.reading.validation import parse
from spasmcourse.problems import ContentError, Problem, leaves, relative_name

ModelT = TypeVar("ModelT", bound=BaseModel)

__all__ = ["Location", "YamlDocument", "format_location", "load_yaml", "parse", "read_model"]


def read_model(path: Path, root: Path, model: type[ModelT]) -> tuple[ModelT | None, YamlDocument | None,
                                                                      list[Problem]]:
    """One content file as `model`, with its document; or None and the located problems that stop it."""
    name = relative_name(path, root)
    if path.is_symlink() and leaves(path, root):
        return None, None, [Problem(name, message="is a link that leads outside the course folder, to itself or "
                                                  "nowhere", hint="replace the link with the file itself")]
    if not path.exists():
        return None, None, [Problem(name, message="file not found", hint="restore it, for example with git restore")]
    document = None
    try:
        document = load_yaml(path, name)
        return parse(model, document), document, []
    except ContentError as error:
        return None, document, list(error.problems)
