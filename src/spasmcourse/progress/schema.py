"""The layout of the progress file, by version, and the migrations from each version to the next.

The version is SQLite's `user_version`. Files from before versions were kept read 0 and hold
layout 1 (every statement of migration 1 is safe to run on them). Each migration runs in one
transaction with the version bump, so two kernels opening an old file migrate it once.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS = (
    """
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
    """,
    """
    CREATE TABLE set_aside (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        row_id INTEGER,
        content TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    """The layout version the file holds."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the file up to SCHEMA_VERSION; returns the version found (a newer one is left alone)."""
    found = schema_version(connection)
    if found >= SCHEMA_VERSION:
        return found
    connection.execute("BEGIN IMMEDIATE")
    try:
        found = schema_version(connection)
        for version in range(found, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {max(found, SCHEMA_VERSION)}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return found


def _statements(script: str) -> list[str]:
    """The statements of a migration, run one by one (executescript would commit the transaction)."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]
