"""Turn a YAML document into a content model, or into plain, located problems with a fix each."""

from __future__ import annotations

import datetime
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from spasmcourse.content.models.base import RuleError
from spasmcourse.content.reading.document import Location, YamlDocument
from spasmcourse.content.reading.fields import field_names_at
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import ContentError, Problem, shorten

ModelT = TypeVar("ModelT", bound=BaseModel)

_KINDS = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "list": "a list",
    "dict": "a mapping (key: value lines)",
    "NoneType": "empty",
    "date": "a date",
    "datetime": "a date and time",
}

_KIND_HINTS = {
    "str": "write the text; put it in quotes if it looks like a number, a date or true/false",
    "int": "write digits only, like 30",
    "float": "write a number, like 2.5",
    "bool": "write true or false",
    "list": "write each item on its own line starting with '- ', or as [first, second]",
    "dict": "write 'key: value' lines, indented under this line",
}

_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "use lowercase letters, digits and hyphens, like 'spasm-types'",
    "^[0-9]{2}(-[a-z0-9]+)+$": "use two digits then a lowercase slug, like '01-what-is-a-spasm'",
    r"^[^/\\].*\.ipynb$": "give a path relative to the course folder ending in .ipynb",
    r"^https://\S+$": "give a full https:// address",
    r"^10\.\d{4,9}/\S+$": "give the DOI alone, like '10.1136/bmj.n1446'",
    r"^[a-z]{2}(-[A-Z]{2})?$": "give a language code, like 'en' or 'fr'",
}

_BOUNDS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt", "less_than_equal": "le"}


def parse(model: type[ModelT], document: YamlDocument) -> ModelT:
    """Validate `document` against `model`; every error becomes a located Problem."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise ContentError(_problem(model, document, detail) for detail in error.errors()) from None


def _problem(model: type[BaseModel], document: YamlDocument, detail: ErrorDetails) -> Problem:
    location = _in_document(document.data, tuple(detail["loc"]))
    kind = detail["type"]
    context = detail.get("ctx", {})
    if kind == "union_tag_invalid":
        tag, known = str(context.get("tag")), _quoted(str(context.get("expected_tags", "")))
        close = suggestion(tag, known)
        return document.problem((*location, context.get("discriminator", "type").strip("'")), f"unknown type '{tag}'",
                                f"use one of: {', '.join(known)}" + (f"; {close}" if close else ""))
    if kind == "union_tag_not_found":
        name = str(context.get("discriminator", "type")).strip("'")
        return document.problem(location, f"the field '{name}' is required",
                                f"add the line '{name}: ...'; tests/quiz_cases.yml shows every question type")
    if kind == "missing" and isinstance(location[-1], int):
        return document.problem(location[:-1], f"needs a value at position {location[-1] + 1}",
                                "write every value, like [0, 10] for a point")
    if kind == "missing":
        return document.problem(location[:-1], f"the field '{location[-1]}' is required",
                                f"add the line '{location[-1]}: ...' to this entry")
    if kind == "extra_forbidden":
        return _unknown_field(model, document, location)
    if kind == "literal_error":
        expected = str(context.get("expected"))
        given = detail["input"] if isinstance(detail["input"], str) else ""
        return document.problem(location, f"should be {expected}",
                                suggestion(given, _quoted(expected)) or "write one of these exactly as shown")
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(str(context.get("pattern", "")), "use the same form as the other entries")
        return document.problem(location, f"'{shorten(str(detail['input']))}' is not in the expected form", hint)
    if kind == "string_too_short":
        least = context.get("min_length", 1)
        if least == 1:
            return document.problem(location, "must not be empty",
                                    "write the text, or remove the line if it is optional")
        return document.problem(location, f"needs at least {least} characters", "say it in a full sentence")
    if kind == "too_short":
        return document.problem(location, f"needs at least {_items(context.get('min_length'))}, "
                                          f"found {context.get('actual_length')}", "add the missing items")
    if kind == "too_long":
        return document.problem(location, f"allows at most {_items(context.get('max_length'))}, "
                                          f"found {context.get('actual_length')}",
                                "remove some, or split them over two")
    expected = _expected_kind(kind)
    if expected:
        return document.problem(location, f"should be {_KINDS[expected]}, not {_kind_of(detail['input'])}",
                                _KIND_HINTS[expected])
    message = detail["msg"].removeprefix("Value error, ").removeprefix("Input ")
    error = context.get("error")
    if isinstance(error, RuleError):
        return document.problem(location, message, error.hint)
    if kind == "finite_number":
        return document.problem(location, "should be an ordinary number, not .nan or .inf",
                                "write a number, like 2.5; pages cannot show or check .nan or .inf")
    if kind in _BOUNDS:
        return document.problem(location, message, f"use a value that is {message.removeprefix('should be ')}")
    return document.problem(location, message, "compare it with the same field in a file that passes the check")


def _in_document(data: Any, location: Location) -> Location:
    """The error location without the union tags pydantic inserts (questions[0].numeric.answer)."""
    kept: list[str | int] = []
    for position, step in enumerate(location):
        is_last = position == len(location) - 1
        if isinstance(data, dict) and isinstance(step, str) and step not in data and not is_last:
            continue
        kept.append(step)
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            data = None
    return tuple(kept)


def _unknown_field(model: type[BaseModel], document: YamlDocument, location: Location) -> Problem:
    name = str(location[-1])
    known = field_names_at(model, location[:-1], document.data)
    hint = suggestion(name, known) or (f"allowed fields: {', '.join(known)}" if known else "remove it")
    return document.problem(location, f"unknown field '{name}'", hint)


def _quoted(text: str) -> list[str]:
    return re.findall(r"'([^']*)'", text)


def _items(count: object) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _expected_kind(error_type: str) -> str:
    if error_type in ("model_type", "dict_type", "model_attributes_type"):
        return "dict"
    if error_type == "bool_parsing":
        return "bool"
    for prefix in ("string", "int", "float", "bool", "list"):
        if error_type.startswith(prefix):
            return "str" if prefix == "string" else prefix
    return ""


def _kind_of(value: Any) -> str:
    name = type(value).__name__
    described = _KINDS.get(name, name)
    if isinstance(value, datetime.date):
        return f"{described} ({value.isoformat()})"
    return described if name in ("dict", "list", "NoneType") else f"{described} ({shorten(repr(value))})"
