"""The progress store under damage: unreadable rows, old and new layouts, many kernels, resets, read-only files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from spasmcourse.elements.quiz import quiz
from spasmcourse.progress import ProgressError, ProgressStore
from spasmcourse.progress.files import unique_name
from spasmcourse.progress.schema import SCHEMA_VERSION
from test_progress import legacy_store, run_cli, writer

OPENER = textwrap.dedent("""
    import sys, warnings
    from pathlib import Path
    warnings.simplefilter("ignore")
    from spasmcourse.progress import ProgressStore
    path, name = Path(sys.argv[1]), sys.argv[2]
    sys.stdin.readline()
    store = ProgressStore(path)
    store.record("01-demo", "quiz", name, [1], True)
    print(name, flush=True)
""")
RESETTER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from spasmcourse.progress import ProgressStore
    print(ProgressStore(Path(sys.argv[1])).reset(), flush=True)
""")
BAD_ROWS = [
    ("garbled JSON", "INSERT INTO attempts (lesson, quiz, question, answer, correct, at) "
                     "VALUES ('01-what-is-a-spasm', 'spasm-types', 'q-json', '[1, ', 1, 'now')"),
    ("wrong type", "INSERT INTO attempts (lesson, quiz, question, answer, correct, at) "
                   "VALUES (42, 'spasm-types', 'q-type', '[1]', 'yes', 'now')"),
    ("bad UTF-8", "INSERT INTO attempts (lesson, quiz, question, answer, correct, at) "
                  "VALUES (CAST(x'fffe41' AS TEXT), 'spasm-types', 'q-utf8', '[1]', 1, 'now')"),
]



def store_with_bad_rows(path: Path) -> None:
    store = ProgressStore(path)
    store.record("01-what-is-a-spasm", "spasm-types", "speed-dependent", [0], True)
    store.close()
    with sqlite3.connect(path) as connection:
        for _, statement in BAD_ROWS:
            connection.execute(statement)


@pytest.mark.parametrize(("what", "statement"), BAD_ROWS)
def test_an_unreadable_row_is_set_aside_and_reported_once(tmp_path: Path, what: str, statement: str) -> None:
    path = tmp_path / "p.sqlite3"
    ProgressStore(path).record("01-demo", "quiz", "fine", [1], True)
    with sqlite3.connect(path) as connection:
        connection.execute(statement)
    store = ProgressStore(path)
    with pytest.warns(UserWarning, match="could not be read"):
        assert [a.question for a in store.attempts()] == ["fine"]
    assert [a.question for a in store.attempts()] == ["fine"]
    assert len(store.warnings) == 1 and "set aside" in store.warnings[0]
    again = ProgressStore(path)
    assert [a.question for a in again.attempts()] == ["fine"] and again.warnings == []
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM set_aside").fetchone()[0] == 1


def test_unreadable_rows_never_stop_the_progress_command(tmp_path: Path, course_copy: Path) -> None:
    data = tmp_path / "data"
    store_with_bad_rows(data / "progress.sqlite3")
    shown = run_cli("progress", data=data, cwd=course_copy)
    assert shown.returncode == 0, shown.stderr
    assert "1 questions answered" in shown.stdout
    assert any(line.startswith("3 saved entries") for line in shown.stderr.splitlines()), shown.stderr
    assert "Traceback" not in shown.stderr
    assert run_cli("progress", data=data, cwd=course_copy).stderr == ""


def test_unreadable_rows_never_stop_a_quiz(learner_data: Path) -> None:
    store_with_bad_rows(learner_data / "progress.sqlite3")
    with sqlite3.connect(learner_data / "progress.sqlite3") as connection:
        connection.execute("INSERT INTO attempts (lesson, quiz, question, answer, correct, at) VALUES "
                           "('01-what-is-a-spasm', 'spasm-types', 'cramp-features', '\"not a list\"', 1, 'now')")
    with pytest.warns(UserWarning, match="could not be read"):
        widget = quiz("spasm-types")
    assert "could not be read" in widget.children[0].value
    assert quiz("spasm-types").questions


def test_an_old_layout_is_migrated_and_keeps_its_answers(tmp_path: Path) -> None:
    path = legacy_store(tmp_path / "p.sqlite3")
    store = ProgressStore(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert [a.question for a in store.attempts()] == ["q1", "q2"]
    store.record("01-demo", "quiz", "q3", [1], True)
    assert len(ProgressStore(path).attempts()) == 3


def test_a_newer_layout_is_read_but_never_written(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    ProgressStore(path).record("01-demo", "quiz", "q1", [1], True)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.warns(UserWarning, match="newer spasmcourse"):
        store = ProgressStore(path)
    assert [a.question for a in store.attempts()] == ["q1"]
    with pytest.raises(ProgressError, match="update spasmcourse"):
        store.record("01-demo", "quiz", "q2", [1], True)
    assert path.read_bytes() == before


def test_backup_names_are_unique_and_resets_never_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    assert len({unique_name(path, "reset") for _ in range(1000)}) == 1000
    store = ProgressStore(path)
    backups = []
    for n in range(3):
        store.record("01-demo", "quiz", f"q{n}", [n], True)
        backups.append(store.reset())
    assert len(set(backups)) == 3
    assert [[a.question for a in ProgressStore(b).attempts()] for b in backups] == [["q0"], ["q1"], ["q2"]]
    assert store.attempts() == []


def test_reset_while_a_lesson_is_open_keeps_the_answers_given_after(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    lesson = ProgressStore(path)
    lesson.record("01-demo", "quiz", "before", [1], True)
    done = subprocess.run([sys.executable, "-c", RESETTER, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for n in range(14):
        lesson.record("01-demo", "quiz", f"after-{n}", [1], True)
    assert [a.question for a in ProgressStore(path).attempts()] == [f"after-{n}" for n in range(14)]
    assert [a.question for a in ProgressStore(Path(done.stdout.strip())).attempts()] == ["before"]


@pytest.mark.parametrize("round_number", range(4))
def test_kernels_opening_a_damaged_store_at_once_keep_the_damaged_file(tmp_path: Path, round_number: int) -> None:
    path = tmp_path / "p.sqlite3"
    garbage = f"round {round_number}: not a database ".encode() * 300
    path.write_bytes(garbage)
    kernels = [subprocess.Popen([sys.executable, "-c", OPENER, str(path), f"k{n}"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(6)]
    for kernel in kernels:
        kernel.stdin.write("go\n")
        kernel.stdin.flush()
    said = [kernel.communicate(timeout=120) for kernel in kernels]
    assert all(kernel.returncode == 0 for kernel in kernels), said
    [backup] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert backup.read_bytes() == garbage
    assert sorted(a.question for a in ProgressStore(path).attempts()) == [f"k{n}" for n in range(6)]


class ReadOnly(sqlite3.Connection):
    """A connection to a file that cannot be written (root ignores file modes, so this stands in)."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.strip().upper().startswith(("BEGIN", "INSERT", "VACUUM")):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return super().execute(sql, *args)


def test_a_read_only_file_is_shown_with_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.sqlite3"
    ProgressStore(path).record("01-demo", "quiz", "q1", [1], True)
    legacy = legacy_store(tmp_path / "old.sqlite3")
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *args, **kwargs: connect(*args, factory=ReadOnly, **kwargs))
    with pytest.warns(UserWarning, match="cannot be written"):
        store = ProgressStore(legacy)
    assert "SPASMCOURSE_DATA_DIR" in store.warnings[0]
    with pytest.raises(ProgressError, match="SPASMCOURSE_DATA_DIR"):
        store.record("01-demo", "quiz", "q2", [1], True)
    current = ProgressStore(path)
    assert [a.question for a in current.attempts()] == ["q1"]
    with pytest.raises(ProgressError, match="cannot be written; set SPASMCOURSE_DATA_DIR"):
        current.record("01-demo", "quiz", "q2", [1], True)


def test_a_data_folder_that_cannot_be_made_gives_advice(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ProgressError, match="SPASMCOURSE_DATA_DIR"):
        ProgressStore(tmp_path / "file" / "p.sqlite3")
    assert os.path.isfile(tmp_path / "file")


def test_an_open_lesson_follows_when_another_kernel_sets_the_damaged_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    lesson = ProgressStore(path)
    lesson.record("01-demo", "quiz", "before", [1], True)
    lesson._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as file:
        file.write(b"not a database " * 10)
    with pytest.warns(UserWarning, match="could not be read"):
        ProgressStore(path)
    lesson.record("01-demo", "quiz", "after", [1], True)
    assert [a.question for a in ProgressStore(path).attempts()] == ["after"]
    [backup] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert backup.read_bytes().startswith(b"not a database ")


def test_reset_during_saving_loses_and_repeats_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    ProgressStore(path).close()
    process = writer(path, "w", 300)
    acknowledged = []
    backup = None
    for line in process.stdout:
        acknowledged.append(line.strip())
        if len(acknowledged) == 50:
            backup = ProgressStore(path).reset()
    process.wait(timeout=120)
    assert process.returncode == 0 and backup is not None
    before = [a.question for a in ProgressStore(backup).attempts()]
    after = [a.question for a in ProgressStore(path).attempts()]
    assert len(before) >= 50 and sorted(before + after) == sorted(acknowledged)
