"""Interface strings, one catalogue per language, shared by the live and static renderings.

The language is a setting: the environment variable SPASMCOURSE_LANGUAGE (default "en"),
which kernels started by JupyterLab or by the build inherit.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from importlib.resources import files

DEFAULT_LANGUAGE = "en"
LANGUAGE_VARIABLE = "SPASMCOURSE_LANGUAGE"


def available_languages() -> list[str]:
    """The languages with a catalogue."""
    return sorted(entry.name.removesuffix(".json") for entry in files(__package__).iterdir()
                  if entry.name.endswith(".json"))


def current_language() -> str:
    """The configured interface language, or English when unset or unknown."""
    wanted = os.environ.get(LANGUAGE_VARIABLE, DEFAULT_LANGUAGE).strip().lower()
    return wanted if wanted in available_languages() else DEFAULT_LANGUAGE


@cache
def catalogue(language: str) -> dict[str, str]:
    """The strings of one language."""
    return json.loads(files(__package__).joinpath(f"{language}.json").read_text(encoding="utf-8"))


def strings() -> dict[str, str]:
    """The interface strings of the current language."""
    return catalogue(current_language())


def text(key: str, **values: object) -> str:
    """One interface string in the current language, with its {placeholders} filled in.

    A count `n` of 1 picks the key's singular form, `<key>_one`, where the catalogue has one.
    """
    catalogue_strings = strings()
    if values.get("n") == 1 and f"{key}_one" in catalogue_strings:
        key = f"{key}_one"
    return catalogue_strings[key].format(**values)


def strings_for(*scripts: str) -> dict[str, str]:
    """The current language's strings whose keys the given static scripts mention, for their page data.

    Keys are found by name in the scripts' text, so a script that builds a key from a table of
    names still gets every key it can ask for; the rest of the catalogue stays out of the page.
    """
    return {key: value for key, value in strings().items() if key in _mentioned(scripts)}


@cache
def _mentioned(scripts: tuple[str, ...]) -> frozenset[str]:
    code = "\n".join(files("spasmcourse").joinpath("static", name).read_text(encoding="utf-8") for name in scripts)
    return frozenset(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", code))
