"""Helpers the rules share: repeats in a list, ids used in two files, unknown references, file names."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from pathlib import PurePosixPath
from typing import TypeVar

from spasmcourse.content.course import REFERENCES, Course
from spasmcourse.content.reading import Location, YamlDocument
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem

ValueT = TypeVar("ValueT")


def repeats(entries: Iterable[tuple[Location, ValueT]],
            key: Callable[[ValueT], Hashable] = lambda value: value) -> Iterator[tuple[Location, ValueT, Location]]:
    """(where, value, where it came first) for every value seen before in `entries`."""
    first: dict[Hashable, Location] = {}
    for at, value in entries:
        if key(value) in first:
            yield at, value, first[key(value)]
        first.setdefault(key(value), at)


def ids_in_two_files(entries: Iterable[tuple[YamlDocument, Location, str]], kind: str) -> Iterator[Problem]:
    """An id (of a quiz, a flowchart) that an earlier file already uses."""
    first: dict[str, str] = {}
    for document, at, item_id in entries:
        if item_id in first:
            yield document.problem(at, f"{kind} id '{item_id}' is already used in {first[item_id]}",
                                   f"give each {kind} its own id")
        first.setdefault(item_id, document.name)


def known_references(course: Course) -> set[str] | None:
    """The reference keys, or None when references.yml could not be read (then nothing is called unknown)."""
    return None if REFERENCES in course.unreadable else set(course.references)


def unknown_reference(document: YamlDocument, at: Location, key: str, known: set[str] | None,
                      message: str = "") -> Iterator[Problem]:
    """A problem if `key` is not a reference in references.yml."""
    if known is not None and key not in known:
        yield document.problem(at, message or f"unknown reference '{key}'",
                               suggestion(key, sorted(known)) or f"add it to {REFERENCES}")


def file_named_for(document: YamlDocument, item_id: str, said: str, at: Location = ("id",)) -> Iterator[Problem]:
    """A problem if the file is not named <item_id>.yml; `said` ends the message ("its id is 'x'")."""
    stem = PurePosixPath(document.name).stem
    if stem != item_id:
        yield document.problem(at, f"the file is named '{stem}' but {said}", f"name the file {item_id}.yml")


def repeated_ids(course: Course, found: list[Problem]) -> Iterator[Problem]:
    """An id used twice in one list of any content file, where no rule above has said so already."""
    for name, document in course.documents.items():
        said = " ".join(problem.message for problem in found if problem.file == name)
        stack: list[tuple[Location, object]] = [((), document.data)]
        while stack:
            at, data = stack.pop()
            if isinstance(data, dict):
                stack += [((*at, key), value) for key, value in data.items() if isinstance(key, str)]
                continue
            if not isinstance(data, list):
                continue
            first: dict[str, int] = {}
            for index, entry in enumerate(data):
                stack.append(((*at, index), entry))
                entry_id = entry.get("id") if isinstance(entry, dict) else None
                if not isinstance(entry_id, str):
                    continue
                if entry_id in first and f"'{entry_id}'" not in said:
                    yield document.problem((*at, index, "id"), f"the id '{entry_id}' is used twice in this list "
                                           f"(also at position {first[entry_id] + 1})", "give each entry its own id")
                first.setdefault(entry_id, index)
