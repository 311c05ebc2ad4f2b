"""Rows read back from the progress store, checked field by field so one bad row never stops the rest."""

from __future__ import annotations

import json
from typing import Any


class UnreadableRow(ValueError):
    """A saved row that cannot be read back: garbled JSON, a wrong type, or bytes that are not UTF-8."""


def attempt_fields(row: tuple) -> tuple[str, str, str, Any, bool, str]:
    """(lesson, quiz, question, answer, correct, at) from a raw attempts row."""
    lesson, quiz, question, answer, correct, at = row
    return _text(lesson), _text(quiz), _text(question), _json(answer), _flag(correct), _text(at)


def card_fields(row: tuple) -> tuple[str, str, bool]:
    """(lesson, term, knew) from a raw cards row."""
    lesson, term, knew = row
    return _text(lesson), _text(term), _flag(knew)


def plain_row(row: tuple) -> str:
    """The row as JSON, bytes written as hex, so a set-aside row is kept whatever it held."""
    return json.dumps([{"hex": value.hex()} if isinstance(value, bytes) else value for value in row])


def _text(value: object) -> str:
    if not isinstance(value, bytes):
        raise UnreadableRow(f"{type(value).__name__} where text belongs")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableRow("text that is not UTF-8") from None


def _json(value: object) -> Any:
    try:
        return json.loads(_text(value))
    except (json.JSONDecodeError, RecursionError):
        raise UnreadableRow("an answer that is not JSON") from None


def _flag(value: object) -> bool:
    if value not in (0, 1) or isinstance(value, float):
        raise UnreadableRow("a right-or-wrong flag that is not 0 or 1")
    return bool(value)
