"""Turn a YAML document into a content model, or into plain, located problems."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from spasmcourse.content.yamlfile import Location, YamlDocument
from spasmcourse.problems import ContentError, Problem

ModelT = TypeVar("ModelT", bound=BaseModel)

_KINDS = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "list": "a list",
    "dict": "a mapping (key: value lines)",
    "NoneType": "empty",
}

_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "use lowercase letters, digits and hyphens, like 'spasm-types'",
    "^[0-9]{2}(-[a-z0-9]+)+$": "use two digits then a lowercase slug, like '01-what-is-a-spasm'",
    r"^[^/\\].*\.ipynb$": "give a path relative to the course folder ending in .ipynb",
    r"^https://\S+$": "give a full https:// address",
    r"^10\.\d{4,9}/\S+$": "give the DOI alone, like '10.1136/bmj.n1446'",
    r"^[a-z]{2}(-[A-Z]{2})?$": "give a language code, like 'en' or 'fr'",
}


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
        return document.problem((*location, context.get("discriminator", "type").strip("'")),
                                f"unknown type '{context.get('tag')}'",
                                f"use one of: {context.get('expected_tags')}")
    if kind == "union_tag_not_found":
        return document.problem(location, f"the field {context.get('discriminator')} is required")
    if kind == "missing":
        return document.problem(location[:-1], f"the field '{location[-1]}' is required")
    if kind == "extra_forbidden":
        return _unknown_field(model, document, location)
    if kind == "literal_error":
        return document.problem(location, f"should be {context.get('expected')}")
    if kind == "string_pattern_mismatch":
        pattern = str(context.get("pattern", ""))
        value = detail["input"]
        return document.problem(
            location, f"'{value}' is not in the expected form", _PATTERN_HINTS.get(pattern, "")
        )
    if kind == "string_too_short":
        least = context.get("min_length", 1)
        return document.problem(location, "must not be empty" if least == 1 else f"needs at least {least} characters")
    if kind == "too_short":
        return document.problem(location, f"needs at least {_items(context.get('min_length'))}, "
                                          f"found {context.get('actual_length')}")
    if kind == "too_long":
        return document.problem(location, f"allows at most {_items(context.get('max_length'))}, "
                                          f"found {context.get('actual_length')}")
    expected = _expected_kind(kind)
    if expected:
        return document.problem(location, f"should be {expected}, not {_kind_of(detail['input'])}")
    message = detail["msg"].removeprefix("Value error, ").removeprefix("Input ")
    return document.problem(location, message)


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
    known = _field_names_at(model, location[:-1], document.data)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else (
        f"allowed fields: {', '.join(known)}" if known else ""
    )
    return document.problem(location, f"unknown field '{name}'", hint)


def _field_names_at(model: type[BaseModel], location: Location, data: Any) -> list[str]:
    current: Any = model
    for step in location:
        data = data[step] if isinstance(data, dict | list) else None
        if isinstance(step, int):
            current = _unwrap(current, data, list_item=True)
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(step)
            current = _unwrap(field.annotation, data) if field else None
    current = _unwrap(current, data)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any, data: Any, list_item: bool = False) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0], data, list_item)
    if list_item and origin is list:
        return typing.get_args(annotation)[0]
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0], data, list_item)
        tag = data.get("type") if isinstance(data, dict) else None
        for member in members:
            field = getattr(member, "model_fields", {}).get("type")
            if field is not None and tag in typing.get_args(field.annotation):
                return member
        return None
    return annotation


def _items(count: object) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _expected_kind(error_type: str) -> str:
    if error_type in ("model_type", "dict_type", "model_attributes_type"):
        return _KINDS["dict"]
    if error_type == "bool_parsing":
        return _KINDS["bool"]
    for prefix, name in (("string", "str"), ("int", "int"), ("float", "float"),
                         ("bool", "bool"), ("list", "list")):
        if error_type.startswith(prefix):
            return _KINDS[name]
    return ""


def _kind_of(value: Any) -> str:
    name = type(value).__name__
    described = _KINDS.get(name, name)
    return described if name in ("dict", "list", "NoneType") else f"{described} ({value!r})"
