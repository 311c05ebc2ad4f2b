"""Read a lesson notebook, turning every way it can be broken into located problems."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbformat.validator import iter_validate

from spasmcourse.content.reading import format_location
from spasmcourse.problems import ContentError, Problem, shorten

MAX_NOTEBOOK_BYTES = 20_000_000
MAX_LISTED = 20
RESAVE = "open it in JupyterLab and save it again, or restore the last good copy, for example with git restore"
FORMAT_HINT = "save it with a current JupyterLab, which writes format 4.5 or later with cell ids"


def read_notebook(path: Path, name: str) -> nbformat.NotebookNode:
    """The notebook at `path`, checked against the notebook format; a ContentError lists what is wrong."""
    text = _text(path, name)
    raw = _json(text, name)
    if not isinstance(raw, dict):
        raise ContentError([Problem(name, message=f"is not a notebook (its JSON is {type(raw).__name__}, "
                                                  "not an object with cells and metadata)", hint=RESAVE)])
    major, minor = raw.get("nbformat"), raw.get("nbformat_minor")
    if not isinstance(major, int) or not isinstance(minor, int):
        raise ContentError([Problem(name, message="has no notebook format number (nbformat, nbformat_minor)",
                                    hint=RESAVE)])
    if major != 4 or minor < 5:
        raise ContentError([Problem(name, message=f"uses notebook format {major}.{minor}", hint=FORMAT_HINT)])
    problems = [Problem(name, format_location(tuple(getattr(error, "absolute_path", ()))),
                        f"is not a valid notebook: {_said(error)}", hint=RESAVE) for error in iter_validate(raw)]
    problems += _repeated_ids(raw, name)
    if problems:
        raise ContentError(problems[:MAX_LISTED])
    return nbformat.reads(text, as_version=nbformat.NO_CONVERT)


def _repeated_ids(raw: dict, name: str) -> list[Problem]:
    """A cell id used twice: nbformat would quietly give one a random new id, so builds would differ."""
    first: dict[str, int] = {}
    problems = []
    for index, cell in enumerate(raw.get("cells") or []):
        cell_id = cell.get("id") if isinstance(cell, dict) else None
        if not isinstance(cell_id, str):
            continue
        if cell_id in first:
            said = f"repeats the id '{shorten(cell_id)}' of cells[{first[cell_id]}]"
            problems.append(Problem(name, f"cells[{index}].id", said,
                                    hint="open it in JupyterLab and save it again, which gives the cell a new id"))
        first.setdefault(cell_id, index)
    return problems


def _text(path: Path, name: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError([Problem(name, message=f"cannot be read: {error.strerror}",
                                    hint="check that the file exists and that you may read it")]) from None
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise ContentError([Problem(name, message=f"is larger than {MAX_NOTEBOOK_BYTES // 1_000_000} MB",
                                    hint="clear all outputs and save it again")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([Problem(name, message=f"is not a readable notebook (not UTF-8 text: bad byte at "
                                                  f"offset {error.start})", hint=RESAVE)]) from None


def _json(text: str, name: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ContentError([Problem(name, message=f"is not a readable notebook (not JSON: {error.msg} at line "
                                                  f"{error.lineno}, column {error.colno})", hint=RESAVE)]) from None
    except RecursionError:
        raise ContentError([Problem(name, message="is not a readable notebook (nested too deeply)",
                                    hint=RESAVE)]) from None


def _said(error: Exception) -> str:
    """The schema error in words, without the whole offending cell printed in front of it."""
    instance, message = getattr(error, "instance", None), str(getattr(error, "message", error))
    if isinstance(instance, dict) and instance.get("cell_type") not in (None, "code", "markdown", "raw"):
        return f"unknown cell_type {instance['cell_type']!r} (a cell is code, markdown or raw)"
    if isinstance(instance, dict | list) and message.startswith(repr(instance)):
        return "this entry" + message[len(repr(instance)):]
    return message[:200]
