"""Interface strings, one catalogue per language, shared by the live and static renderings."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

DEFAULT_LANGUAGE = "en"


@cache
def strings(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The interface strings of one language."""
    return json.loads(files(__package__).joinpath(f"{language}.json").read_text(encoding="utf-8"))


def text(key: str, **values: object) -> str:
    """One interface string with its {placeholders} filled in."""
    return strings()[key].format(**values)
