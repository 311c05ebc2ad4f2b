"""Which fields a content model allows at a place in a file, for 'did you mean' hints on unknown keys."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from spasmcourse.content.reading.nodes import Location


def field_names_at(model: type[BaseModel], location: Location, data: Any) -> list[str]:
    """The field names allowed in the mapping at `location` of `data`, read with `model`."""
    current: Any = model
    for step in location:
        current = _unwrap(current, data)
        if isinstance(step, int):
            current = typing.get_args(current)[0] if typing.get_origin(current) is list else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(step)
            current = field.annotation if field else None
        else:
            current = None
        data = _step_into(data, step)
    current = _unwrap(current, data)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _step_into(data: Any, step: str | int) -> Any:
    if isinstance(data, dict):
        return data.get(step)
    if isinstance(data, list) and isinstance(step, int) and step < len(data):
        return data[step]
    return None


def _unwrap(annotation: Any, data: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0], data)
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0], data)
        tag = data.get("type") if isinstance(data, dict) else None
        for member in members:
            field = getattr(member, "model_fields", {}).get("type")
            if field is not None and tag in typing.get_args(field.annotation):
                return member
        return None
    return annotation
