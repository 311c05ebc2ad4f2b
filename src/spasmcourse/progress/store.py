"""A crash-safe SQLite store of quiz attempts, shared safely by notebooks open at once.

Each attempt is one committed row (WAL journal, full sync), so a crash loses nothing already
saved and two kernels can write at the same time. A file that is not a readable database is
moved aside, never deleted, and a fresh one is started with a warning; a file that is only
busy, read-only or on a full disk is left where it is and the learner is told why.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs

DATA_DIR_VARIABLE = "SPASMCOURSE_DATA_DIR"
FILE_NAME = "progress.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    lesson TEXT NOT NULL,
    quiz TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    correct INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_by_question ON attempts (lesson, quiz, question, id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cards (
    id INTEGER PRIMARY KEY,
    lesson TEXT NOT NULL,
    term TEXT NOT NULL,
    knew INTEGER NOT NULL,
    at TEXT NOT NULL
);
"""
_ADVICE = (
    ("disk is full", "free some disk space, then check the answer again (your earlier answers are safe)"),
    ("locked", "another program is using the progress file; check the answer again in a moment"),
    ("readonly", "the progress file cannot be written; check that the folder is yours"),
    ("malformed", "the progress file is damaged; restart the kernel to set it aside and start a new one"),
)


class ProgressError(Exception):
    """An attempt could not be saved or read; the message says why in plain words."""


def plain_reason(error: sqlite3.Error) -> str:
    """SQLite's message, followed by what the learner can do about it where we know."""
    said = str(error)
    for fragment, advice in _ADVICE:
        if fragment in said:
            return f"{said}; {advice}"
    return said


@dataclass(frozen=True)
class Attempt:
    """One checked answer."""

    lesson: str
    quiz: str
    question: str
    answer: Any
    correct: bool
    at: str


def data_dir() -> Path:
    """Where progress is kept: $SPASMCOURSE_DATA_DIR, else the user's data folder."""
    configured = os.environ.get(DATA_DIR_VARIABLE)
    return Path(configured) if configured else platformdirs.user_data_path("spasmcourse", appauthor=False)


class ProgressStore:
    """The attempts database at `path`, created on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._connection = self._open()
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError as error:
                self._connection = self._recover(error)
        except sqlite3.Error as error:
            raise ProgressError(f"cannot use {path}: {plain_reason(error)}") from None
        except OSError as error:
            raise ProgressError(f"cannot use {path}: {error.strerror or error}") from None

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            connection.execute("PRAGMA busy_timeout = 30000")
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            connection.executescript(_SCHEMA)
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def _recover(self, error: sqlite3.DatabaseError) -> sqlite3.Connection:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{self.path}{suffix}")
            if part.exists():
                part.rename(Path(f"{backup}{suffix}"))
        message = (f"Your progress file could not be read ({error}). It was kept as {backup} "
                   f"and a new one was started; answers you check from now on are saved again.")
        self.warnings.append(message)
        warnings.warn(message, stacklevel=3)
        return self._open()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction; if it cannot be committed it is rolled back, so the next save starts clean."""
        try:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
                self._connection.execute("COMMIT")
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise ProgressError(plain_reason(error)) from None

    def learner_id(self) -> str:
        """A random id for this learner, made once and kept; seeds the shuffling of options."""
        with self._writing() as connection:
            connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('learner', ?)",
                               (uuid.uuid4().hex,))
        return self._connection.execute("SELECT value FROM meta WHERE key = 'learner'").fetchone()[0]

    def record(self, lesson: str, quiz: str, question: str, answer: Any, correct: bool) -> Attempt:
        """Save one checked answer; it is on disk when this returns."""
        attempt = Attempt(lesson, quiz, question, answer, correct,
                          datetime.now(UTC).isoformat(timespec="milliseconds"))
        with self._writing() as connection:
            connection.execute(
                "INSERT INTO attempts (lesson, quiz, question, answer, correct, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (lesson, quiz, question, json.dumps(answer), int(correct), attempt.at))
        return attempt

    def record_card(self, lesson: str, term: str, knew: bool) -> None:
        """Save whether the learner knew a flashcard's term ("I knew it" or "Review again")."""
        with self._writing() as connection:
            connection.execute("INSERT INTO cards (lesson, term, knew, at) VALUES (?, ?, ?, ?)",
                               (lesson, term, int(knew), datetime.now(UTC).isoformat(timespec="milliseconds")))

    def known_cards(self, lesson: str) -> dict[str, bool]:
        """For each flashcard of a lesson seen so far, whether the learner last said they knew it."""
        rows = self._read("SELECT term, knew FROM cards WHERE lesson = ? ORDER BY id", (lesson,))
        return {term: bool(knew) for term, knew in rows}

    def attempts(self) -> list[Attempt]:
        """Every attempt, oldest first."""
        rows = self._read("SELECT lesson, quiz, question, answer, correct, at FROM attempts ORDER BY id")
        return [Attempt(lesson, quiz, question, json.loads(answer), bool(correct), at)
                for lesson, quiz, question, answer, correct, at in rows]

    def latest(self) -> dict[tuple[str, str, str], Attempt]:
        """The most recent attempt at each question, keyed by (lesson, quiz, question)."""
        return {(a.lesson, a.quiz, a.question): a for a in self.attempts()}

    def _read(self, query: str, parameters: tuple = ()) -> list[tuple]:
        try:
            return self._connection.execute(query, parameters).fetchall()
        except sqlite3.Error as error:
            raise ProgressError(plain_reason(error)) from None

    def close(self) -> None:
        """Close the database."""
        self._connection.close()


@cache
def open_store(folder: Path | None = None) -> ProgressStore:
    """The learner's store in `folder` (default: data_dir()), opened once per process."""
    return ProgressStore((folder or data_dir()) / FILE_NAME)
