"""A crash-safe SQLite store of quiz attempts, shared safely by notebooks open at once.

Each attempt is one committed row (WAL journal, full sync), so a crash loses nothing already
saved and two kernels can write at the same time. A file that is not a readable database is
moved aside under a name of its own, never deleted or overwritten, and a fresh one is started
with a warning; a file that is only busy, read-only or on a full disk is left where it is and
the learner is told what to do. A row that cannot be read is set aside (kept in the file) and
reported once. The file says which version of its layout it holds, and older layouts are
migrated in place. Starting again ("reset") moves the saved rows into a backup file in one
transaction and keeps the same file, so a lesson that is open meanwhile goes on saving into it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
import warnings
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs

from spasmcourse.progress.files import locked, move_aside, unique_name
from spasmcourse.progress.rows import UnreadableRow, attempt_fields, card_fields, plain_row
from spasmcourse.progress.schema import SCHEMA_VERSION, migrate, schema_version

DATA_DIR_VARIABLE = "SPASMCOURSE_DATA_DIR"
FILE_NAME = "progress.sqlite3"
_TABLES = ("attempts", "cards", "meta", "set_aside")
_CLEARED = ("attempts", "cards", "set_aside")
_ELSEWHERE = f"set {DATA_DIR_VARIABLE} to a folder of your own to keep your progress there"
_ADVICE = (
    ("disk is full", "free some disk space, then check the answer again (your earlier answers are safe)"),
    ("locked", "another program is using the progress file; check the answer again in a moment"),
    ("readonly", f"the progress file or its folder cannot be written; {_ELSEWHERE}"),
    ("unable to open", f"the progress folder is missing or cannot be written; {_ELSEWHERE}"),
    ("malformed", "the progress file is damaged; restart the kernel to set it aside and start a new one"),
)


class ProgressError(Exception):
    """An attempt could not be saved or read; the message says why in plain words."""


def plain_reason(error: sqlite3.Error | OSError) -> str:
    """The error's message, followed by what the learner can do about it where we know."""
    said = (error.strerror or str(error)) if isinstance(error, OSError) else str(error)
    if isinstance(error, OSError) and error.errno == 28:
        said = "database or disk is full"
    elif isinstance(error, OSError):
        return f"{said}; {_ELSEWHERE}"
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
        self.read_only = ""
        self._reported: set[tuple[str, int]] = set()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = self._connect()
        except (sqlite3.Error, OSError) as error:
            raise ProgressError(f"cannot use {path}: {plain_reason(error)}") from None

    def _connect(self) -> sqlite3.Connection:
        for _ in range(3):
            found = _identity(self.path)
            try:
                return self._open()
            except sqlite3.OperationalError as error:
                if not _unwritable(error) or not self.path.is_file():
                    raise
                return self._open_read_only(error)
            except sqlite3.DatabaseError as error:
                self._recover(error, found)
        return self._open()

    def _open(self) -> sqlite3.Connection:
        with locked(self.path, exclusive=False):
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.text_factory = bytes
            try:
                connection.execute("PRAGMA busy_timeout = 30000")
                if connection.execute("PRAGMA quick_check").fetchone()[0] != b"ok":
                    raise sqlite3.DatabaseError("integrity check failed")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = FULL")
                version = migrate(connection)
            except sqlite3.DatabaseError:
                connection.close()
                raise
            self._identity = _identity(self.path)
        if version > SCHEMA_VERSION:
            self._newer(version)
        return connection

    def _open_read_only(self, error: sqlite3.Error) -> sqlite3.Connection:
        connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                                     isolation_level=None)
        connection.text_factory = bytes
        self._identity = _identity(self.path)
        self.read_only = f"your answers are shown but not saved ({plain_reason(error)})"
        self._warn(f"Your progress file {self.path} cannot be written: {self.read_only}.")
        return connection

    def _newer(self, version: int) -> None:
        self.read_only = (f"the progress file was saved by a newer spasmcourse (layout {version}; this one knows up "
                          f"to {SCHEMA_VERSION}); update spasmcourse to go on saving answers")
        self._warn(f"Your progress file {self.path}: {self.read_only}. Nothing in it was changed.")

    def _recover(self, error: sqlite3.DatabaseError, found: tuple[int, int] | None) -> None:
        """Move the damaged file aside under a new name, unless another kernel already did."""
        with locked(self.path, exclusive=True):
            if found is None or _identity(self.path) != found:
                return
            backup = unique_name(self.path, "damaged")
            for suffix in ("", "-wal", "-shm"):
                move_aside(Path(f"{self.path}{suffix}"), Path(f"{backup}{suffix}"))
        self._warn(f"Your progress file could not be read ({error}). It was kept as {backup} and a new one was "
                   "started; answers you check from now on are saved again.")

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        warnings.warn(message, stacklevel=4)

    @contextmanager
    def _current(self) -> Iterator[None]:
        """Hold the shared lock on the file this store has open, reopening it first if another kernel replaced it.

        The file is reopened outside the lock, since setting a damaged file aside takes it exclusively.
        """
        for _ in range(3):
            if _identity(self.path) != self._identity:
                self._connection.close()
                self._connection = self._connect()
            with locked(self.path, exclusive=False):
                if _identity(self.path) == self._identity:
                    yield
                    return
        raise sqlite3.OperationalError("the progress file keeps being replaced by another program")

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction; if it cannot be committed it is rolled back, so the next save starts clean."""
        if self.read_only:
            raise ProgressError(self.read_only)
        try:
            with self._current():
                self._connection.execute("BEGIN IMMEDIATE")
                try:
                    yield self._connection
                    self._connection.execute("COMMIT")
                except BaseException:
                    if self._connection.in_transaction:
                        self._connection.execute("ROLLBACK")
                    raise
        except (sqlite3.Error, OSError) as error:
            raise ProgressError(plain_reason(error)) from None

    def learner_id(self) -> str:
        """A random id for this learner, made once and kept; seeds the shuffling of options."""
        if not self.read_only:
            with self._writing() as connection:
                connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('learner', ?)",
                                   (uuid.uuid4().hex,))
        rows = self._read("SELECT value FROM meta WHERE key = 'learner'")
        value = rows[0][0] if rows else b"anonymous"
        return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)

    def record(self, lesson: str, quiz: str, question: str, answer: Any, correct: bool) -> Attempt:
        """Save one checked answer; it is on disk when this returns."""
        attempt = Attempt(lesson, quiz, question, answer, correct,
                          datetime.now(UTC).isoformat(timespec="milliseconds"))
        with self._writing() as connection:
            connection.execute(
                "INSERT INTO attempts (lesson, quiz, question, answer, correct, at) VALUES (?, ?, ?, ?, ?, ?)",
                (lesson, quiz, question, json.dumps(answer), int(correct), attempt.at))
        return attempt

    def record_card(self, lesson: str, term: str, knew: bool) -> None:
        """Save whether the learner knew a flashcard's term ("I knew it" or "Review again")."""
        with self._writing() as connection:
            connection.execute("INSERT INTO cards (lesson, term, knew, at) VALUES (?, ?, ?, ?)",
                               (lesson, term, int(knew), datetime.now(UTC).isoformat(timespec="milliseconds")))

    def known_cards(self, lesson: str) -> dict[str, bool]:
        """For each flashcard of a lesson seen so far, whether the learner last said they knew it."""
        rows = self._readable("cards", card_fields, "SELECT id, lesson, term, knew FROM cards ORDER BY id")
        return {term: knew for card_lesson, term, knew in rows if card_lesson == lesson}

    def attempts(self) -> list[Attempt]:
        """Every attempt, oldest first; unreadable rows are set aside and reported once."""
        rows = self._readable("attempts", attempt_fields,
                              "SELECT id, lesson, quiz, question, answer, correct, at FROM attempts ORDER BY id")
        return [Attempt(*fields) for fields in rows]

    def latest(self) -> dict[tuple[str, str, str], Attempt]:
        """The most recent attempt at each question, keyed by (lesson, quiz, question)."""
        return {(a.lesson, a.quiz, a.question): a for a in self.attempts()}

    def reset(self) -> Path:
        """Start again: move every saved row into a new backup file, in one transaction, and return its path.

        Saving waits while the rows move, so nothing is lost between the copy and the clearing; a
        lesson left open meanwhile goes on saving into this (now empty) file.
        """
        if self.read_only:
            raise ProgressError(self.read_only)
        backup = unique_name(self.path, "reset")
        try:
            with closing(sqlite3.connect(backup, isolation_level=None)) as copy:
                migrate(copy)
        except (sqlite3.Error, OSError) as error:
            raise ProgressError(f"cannot write the backup {backup}: {plain_reason(error)}") from None
        try:
            with self._current():
                self._connection.execute("ATTACH DATABASE ? AS backup", (str(backup),))
        except (sqlite3.Error, OSError) as error:
            raise ProgressError(f"cannot write the backup {backup}: {plain_reason(error)}") from None
        try:
            with self._writing() as connection:
                for table in _TABLES:
                    connection.execute(f"INSERT INTO backup.{table} SELECT * FROM main.{table}")
                for table in _CLEARED:
                    connection.execute(f"DELETE FROM main.{table}")
        finally:
            with suppress(sqlite3.Error):
                self._connection.execute("DETACH DATABASE backup")
        return backup

    def schema_version(self) -> int:
        """The layout version the file says it holds."""
        return schema_version(self._connection)

    def _readable(self, table: str, fields, query: str) -> list[tuple]:
        good, bad = [], []
        for row in self._read(query):
            try:
                good.append(fields(row[1:]))
            except UnreadableRow as error:
                if (table, row[0]) not in self._reported:
                    bad.append((row, str(error)))
        if bad:
            self._set_aside(table, bad)
        return good

    def _set_aside(self, table: str, bad: list[tuple[tuple, str]]) -> None:
        """Move unreadable rows to the set_aside table (or, if the file cannot be written, only skip them)."""
        self._reported |= {(table, row[0]) for row, _ in bad}
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        kept = "were set aside in the progress file (table set_aside)"
        try:
            with self._writing() as connection:
                for row, reason in bad:
                    connection.execute("INSERT INTO set_aside (source, row_id, content, reason, at) "
                                       "VALUES (?, ?, ?, ?, ?)", (table, row[0], plain_row(row), reason, now))
                    connection.execute(f"DELETE FROM {table} WHERE id = ?", (row[0],))
        except ProgressError:
            kept = "are skipped (the file cannot be changed now)"
        reasons = sorted({reason for _, reason in bad})
        self._warn(f"{len(bad)} saved {'entry' if len(bad) == 1 else 'entries'} in {self.path} could not be read "
                   f"({'; '.join(reasons)}) and {kept}; everything else you saved is shown.")

    def _read(self, query: str, parameters: tuple = ()) -> list[tuple]:
        try:
            with self._current():
                return self._connection.execute(query, parameters).fetchall()
        except (sqlite3.Error, OSError) as error:
            raise ProgressError(plain_reason(error)) from None

    def close(self) -> None:
        """Close the database."""
        self._connection.close()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _unwritable(error: sqlite3.Error) -> bool:
    said = str(error)
    return "readonly" in said or "unable to open" in said


@cache
def open_store(folder: Path | None = None) -> ProgressStore:
    """The learner's store in `folder` (default: data_dir()), opened once per process."""
    return ProgressStore((folder or data_dir()) / FILE_NAME)
