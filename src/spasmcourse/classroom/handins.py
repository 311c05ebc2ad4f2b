"""Students' hand-ins: `spasmcourse progress --csv` files and per-student progress stores, read safely.

A file that cannot be read, or that is damaged or cut short, is reported and skipped; it never
stops the others. Stores are read from a private copy, so the report never changes a student's folder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spasmcourse.progress.pseudonym import pseudonym
from spasmcourse.progress.store import FILE_NAME

Key = tuple[str, str, str]
REQUIRED_COLUMNS = ("lesson", "answered")
_SKIPPED_FOLDERS = {".git", ".ipynb_checkpoints", "node_modules", "__pycache__", ".venv", "_build"}


@dataclass(frozen=True)
class Answer:
    """A student's latest answer to one question, and whether it was right when checked."""

    answer: Any
    correct: bool


@dataclass
class HandIn:
    """What one student handed in: questions answered per lesson and, where known, each answer."""

    pseudonym: str
    login: str
    source: Path
    answered: dict[str, int]
    answers: dict[Key, Answer] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def has_answers(self) -> bool:
        """False for CSVs from before answers were exported: they count for completion only."""
        return self.answers is not None


@dataclass
class Reading:
    """The usable hand-ins, and a plain message for every file skipped or partly used."""

    handins: list[HandIn] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: int = 0


class BadHandIn(Exception):
    """A file that is not a usable hand-in; the message says why."""


def read_handins(paths: Iterable[Path]) -> Reading:
    """Read every hand-in among `paths` (files or folders, searched recursively); one per student."""
    reading = Reading()
    seen: dict[str, HandIn] = {}
    for path in _candidates(paths, reading):
        try:
            handin = read_store(path) if path.name.endswith(".sqlite3") else read_csv(path)
        except BadHandIn as error:
            reading.problems.append(f"{path}: skipped: {error}")
            reading.skipped += 1
            continue
        reading.problems += [f"{path}: {note}" for note in handin.notes]
        earlier = seen.get(handin.pseudonym)
        if earlier is not None:
            keep, drop = (earlier, handin) if _richness(earlier) >= _richness(handin) else (handin, earlier)
            reading.problems.append(f"{drop.source}: skipped: the same student as {keep.source}")
            reading.skipped += 1
            seen[handin.pseudonym] = keep
            continue
        seen[handin.pseudonym] = handin
    reading.handins = sorted(seen.values(), key=lambda h: h.pseudonym)
    return reading


def _richness(handin: HandIn) -> tuple[int, int]:
    return (len(handin.answers or {}), sum(handin.answered.values()))


def _candidates(paths: Iterable[Path], reading: Reading) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(_walk(path, reading))
        elif path.is_file():
            yield path
        else:
            reading.problems.append(f"{path}: skipped: no such file or folder")
            reading.skipped += 1


def _walk(folder: Path, reading: Reading) -> Iterator[Path]:
    def unreadable(error: OSError) -> None:
        reading.problems.append(f"{error.filename}: skipped: cannot read this folder ({error.strerror})")
        reading.skipped += 1

    for current, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if name not in _SKIPPED_FOLDERS]
        for name in names:
            if name.endswith(".csv") or name == FILE_NAME:
                yield Path(current, name)


def login_name(path: Path) -> str:
    """The student's login as the file's place suggests it: the home folder of a store, else the file's name."""
    if path.name == FILE_NAME:
        parts = path.parts
        if ".local" in parts:
            return parts[parts.index(".local") - 1]
        return path.parent.name
    return path.stem


def read_csv(path: Path) -> HandIn:
    """A `spasmcourse progress --csv` file, old (counts only) or new (with answers)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BadHandIn("not a text file in UTF-8") from None
    except OSError as error:
        raise BadHandIn(f"cannot be read ({error.strerror or error})") from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise BadHandIn(f"not readable as CSV ({error}); the file may be cut short") from None
    if not rows or not rows[0]:
        raise BadHandIn("the file is empty")
    header = [cell.strip() for cell in rows[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise BadHandIn(f"not a progress export (no {', '.join(missing)} column); "
                        "students make it with `spasmcourse progress --csv scores.csv`")
    new_format = "answers" in header and "learner" in header
    answered: dict[str, int] = {}
    answers: dict[Key, Answer] = {}
    learners: set[str] = set()
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise BadHandIn(f"line {number} has {len(cells)} fields instead of {len(header)} "
                            "(the file may be cut short or edited)")
        row = dict(zip(header, cells, strict=True))
        lesson = row["lesson"].strip()
        if not lesson or lesson in answered:
            raise BadHandIn(f"line {number}: {'a lesson is listed twice' if lesson else 'no lesson id'}")
        answered[lesson] = _count(row["answered"], number)
        if new_format:
            learners.add(row["learner"].strip())
            answers.update(_lesson_answers(lesson, row["answers"], number))
    if not answered:
        raise BadHandIn("no lesson rows")
    learners.discard("")
    if len(learners) > 1:
        raise BadHandIn(f"rows from {len(learners)} different learners in one file")
    seed = next(iter(learners)) if learners else ""
    name = seed or pseudonym(hashlib.sha256(text.encode("utf-8")).hexdigest())
    notes = [] if new_format else ["an older export without answers: counted for completion only"]
    return HandIn(name, login_name(path), path, answered, answers if new_format else None, notes)


def _count(value: str, number: int) -> int:
    try:
        count = int(value.strip())
    except ValueError:
        raise BadHandIn(f"line {number}: 'answered' is {value!r}, not a whole number") from None
    if count < 0:
        raise BadHandIn(f"line {number}: 'answered' is negative")
    return count


def _lesson_answers(lesson: str, cell: str, number: int) -> dict[Key, Answer]:
    try:
        data = json.loads(cell) if cell.strip() else {}
    except json.JSONDecodeError:
        raise BadHandIn(f"line {number}: the answers are not readable JSON (cut short or edited?)") from None
    if not isinstance(data, dict):
        raise BadHandIn(f"line {number}: the answers are not a JSON object")
    answers = {}
    for key, value in data.items():
        quiz, _, question = key.partition("/")
        if not question or not isinstance(value, dict) or not isinstance(value.get("correct"), bool):
            raise BadHandIn(f"line {number}: the answer for {key!r} is not in the exported form")
        answers[(lesson, quiz, question)] = Answer(value.get("answer"), value["correct"])
    return answers


def read_store(path: Path) -> HandIn:
    """A student's progress.sqlite3, opened read-only: their latest answer to each question."""
    try:
        rows, learner = _store_rows(path)
    except sqlite3.Error as error:
        raise BadHandIn(f"not a readable progress store ({error})") from None
    answers: dict[Key, Answer] = {}
    for lesson, quiz, question, answer, correct in rows:
        try:
            answers[(lesson, quiz, question)] = Answer(json.loads(answer), bool(correct))
        except (TypeError, json.JSONDecodeError):
            raise BadHandIn(f"an answer to {lesson}/{quiz}/{question} is damaged") from None
    answered: dict[str, int] = {}
    for lesson, _, _ in answers:
        answered[lesson] = answered.get(lesson, 0) + 1
    seed = pseudonym(learner) if learner else pseudonym(hashlib.sha256(str(path).encode()).hexdigest())
    return HandIn(seed, login_name(path), path, answered, answers)


def _store_rows(path: Path) -> tuple[list[tuple], str]:
    """Rows of the attempts table in saving order, and the learner id.

    The store and its write-ahead log are copied to a private folder and read there: opening them in
    place, even read-only, would leave SQLite's shared-memory file in the student's folder.
    """
    with tempfile.TemporaryDirectory(prefix="spasmcourse-report-") as scratch:
        copy = Path(scratch) / FILE_NAME
        try:
            shutil.copyfile(path, copy)
            wal = Path(f"{path}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
        except OSError as error:
            raise sqlite3.OperationalError(f"cannot be read: {error.strerror or error}") from None
        connection = sqlite3.connect(copy)
        try:
            rows = connection.execute(
                "SELECT lesson, quiz, question, answer, correct FROM attempts ORDER BY id").fetchall()
            found = connection.execute("SELECT value FROM meta WHERE key = 'learner'").fetchone()
            return rows, found[0] if found else ""
        finally:
            connection.close()
