"""The progress store keeps every saved attempt through concurrent writers, crashes and damage."""

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from spasmcourse.elements.quiz import quiz
from spasmcourse.elements.quiz.live import QuizWidget
from spasmcourse.progress import ProgressError, ProgressStore
from spasmcourse.progress.schema import MIGRATIONS
from test_quiz_render import REFERENCES, make_quiz

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from spasmcourse.progress import ProgressStore
    store = ProgressStore(Path(sys.argv[1]))
    name, count = sys.argv[2], int(sys.argv[3])
    for n in range(count):
        store.record("01-demo", "quiz", f"{name}-{n}", [n], n % 2 == 0)
        print(f"{name}-{n}", flush=True)
""")


def legacy_store(path: Path) -> Path:
    """A progress file as versions before the layout was numbered wrote it, with two answers."""
    with sqlite3.connect(path) as connection:
        connection.executescript(MIGRATIONS[0])
        connection.executemany("INSERT INTO attempts (lesson, quiz, question, answer, correct, at) "
                               "VALUES ('01-demo', 'quiz', ?, '[1]', 1, '2026-01-01T00:00:00')", [("q1",), ("q2",)])
    return path


def writer(path: Path, name: str, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(count)],
                            stdout=subprocess.PIPE, text=True)


def test_record_and_read_back(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "p.sqlite3")
    store.record("01-demo", "quiz", "q1", [0], False)
    store.record("01-demo", "quiz", "q1", [1], True)
    latest = store.latest()
    assert latest[("01-demo", "quiz", "q1")].answer == [1]
    assert latest[("01-demo", "quiz", "q1")].correct
    assert len(store.attempts()) == 2
    learner = store.learner_id()
    store.close()
    assert ProgressStore(tmp_path / "p.sqlite3").learner_id() == learner


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    ProgressStore(path).close()
    writers = [writer(path, name, 300) for name in ("left", "right")]
    for process in writers:
        out, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        assert len(out.split()) == 300
    questions = {attempt.question for attempt in ProgressStore(path).attempts()}
    assert len(questions) == 600


def test_killed_writer_loses_nothing_it_saved(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    process = writer(path, "killed", 100_000)
    saved = []
    for line in process.stdout:
        saved.append(line.strip())
        if len(saved) == 200:
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=30)
    store = ProgressStore(path)
    assert store.warnings == []
    kept = {attempt.question for attempt in store.attempts()}
    assert set(saved) <= kept
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_damaged_file_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    garbage = b"this is not a database " * 200
    path.write_bytes(garbage)
    with pytest.warns(UserWarning, match="could not be read"):
        store = ProgressStore(path)
    [backup] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert backup.read_bytes() == garbage
    assert str(backup) in store.warnings[0]
    store.record("01-demo", "quiz", "q1", [1], True)
    assert len(ProgressStore(path).attempts()) == 1


def test_truncated_database_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    store = ProgressStore(path)
    for n in range(50):
        store.record("01-demo", "quiz", f"q{n}", [n], True)
    store.close()
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * 50 + data[150:])
    with pytest.warns(UserWarning):
        recovered = ProgressStore(path)
    assert recovered.warnings and any(".damaged-" in p.name for p in tmp_path.iterdir())


def test_failed_save_is_reported_to_the_learner(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "p.sqlite3")
    widget = QuizWidget(make_quiz(), REFERENCES, "01-demo", store)
    store.close()
    with pytest.raises(ProgressError):
        store.record("01-demo", "quiz", "q", [0], True)
    view = widget.questions[0]
    view.input.set([1])
    assert view.answer().correct
    assert "Your answer could not be saved" in view.feedback.value


def run_cli(*args: str, data: Path, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "SPASMCOURSE_DATA_DIR": str(data)}
    return subprocess.run([str(Path(sys.executable).parent / "spasmcourse"), *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, input=stdin, timeout=60)


def test_progress_command_table_csv_and_reset(tmp_path: Path, course_copy: Path) -> None:
    data = tmp_path / "data"
    store = ProgressStore(data / "progress.sqlite3")
    store.record("01-what-is-a-spasm", "spasm-types", "speed-dependent", [0], True)
    store.record("01-what-is-a-spasm", "spasm-types", "cramp-features", [3], False)
    store.close()
    table = run_cli("progress", data=data, cwd=course_copy)
    assert table.returncode == 0, table.stderr
    assert "What is a spasm?" in table.stdout and "2 questions answered" in table.stdout
    target = tmp_path / "scores.csv"
    assert run_cli("progress", "--csv", str(target), data=data, cwd=course_copy).returncode == 0
    rows = {row["lesson"]: row for row in csv.DictReader(target.open())}
    assert rows["01-what-is-a-spasm"]["answered"] == "2"
    assert rows["01-what-is-a-spasm"]["correct"] == "1"
    refused = run_cli("progress", "--reset", data=data, cwd=course_copy, stdin="")
    assert refused.returncode == 1 and "add --yes" in refused.stderr
    assert (data / "progress.sqlite3").exists()
    done = run_cli("progress", "--reset", "--yes", data=data, cwd=course_copy)
    assert done.returncode == 0 and "kept in" in done.stdout
    assert "0 questions answered" in run_cli("progress", data=data, cwd=course_copy).stdout
    [backup] = [p for p in data.iterdir() if ".reset-" in p.name]
    assert len(ProgressStore(backup).attempts()) == 2


class FullDisk(sqlite3.Connection):
    """A connection whose disk fills up when `full` is set: nothing more can be committed."""

    full = False

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if FullDisk.full and sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)

    def executescript(self, script: str) -> sqlite3.Cursor:
        if FullDisk.full:
            raise sqlite3.OperationalError("database or disk is full")
        return super().executescript(script)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> type[FullDisk]:
    """Every store opened from now on writes through a FullDisk connection."""
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *args, **kwargs: connect(*args, factory=FullDisk, **kwargs))
    yield FullDisk
    FullDisk.full = False


def test_full_disk_loses_nothing_saved_and_the_learner_is_told(tmp_path: Path, full_disk: type[FullDisk]) -> None:
    path = tmp_path / "p.sqlite3"
    store = ProgressStore(path)
    widget = QuizWidget(make_quiz(), REFERENCES, "01-demo", store)
    first, second = widget.questions[0], widget.questions[1]
    first.input.set([1])
    assert first.answer().correct and "could not be saved" not in first.feedback.value
    full_disk.full = True
    second.input.set([0, 2])
    assert second.answer().correct
    assert "Your answer could not be saved: database or disk is full; free some disk space" in second.feedback.value
    with pytest.raises(ProgressError, match="disk is full"):
        store.record_card("01-demo", "cramp", True)
    full_disk.full = False
    second.answer()
    assert "could not be saved" not in second.feedback.value
    store.close()
    kept = [(a.question, a.answer) for a in ProgressStore(path).attempts()]
    assert kept == [("one-of-three", [1]), ("two-of-four", [0, 2])]
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_full_disk_when_opening_leaves_the_file_in_place(tmp_path: Path, full_disk: type[FullDisk]) -> None:
    path = tmp_path / "p.sqlite3"
    store = ProgressStore(path)
    store.record("01-demo", "quiz", "q1", [1], True)
    store.close()
    old = legacy_store(tmp_path / "old.sqlite3")
    full_disk.full = True
    opened = ProgressStore(path)
    assert len(opened.attempts()) == 1
    with pytest.raises(ProgressError, match="disk is full; free some disk space"):
        opened.record("01-demo", "quiz", "q2", [1], True)
    with pytest.raises(ProgressError, match="disk is full; free some disk space"):
        ProgressStore(old)
    full_disk.full = False
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name] == []
    assert len(ProgressStore(path).attempts()) == 1
    assert len(ProgressStore(old).attempts()) == 2



def test_damaged_database_is_set_aside_and_the_quiz_says_so(learner_data: Path) -> None:
    garbage = b"SQLite format 3\x00" + bytes(range(256)) * 40
    (learner_data / "progress.sqlite3").write_bytes(garbage)
    with pytest.warns(UserWarning, match="could not be read"):
        widget = quiz("warm-up")
    [backup] = [p for p in learner_data.iterdir() if ".damaged-" in p.name]
    assert backup.read_bytes() == garbage
    header = widget.children[0].value
    assert "Your progress file could not be read" in header and str(backup) in header
    view = widget.questions[0]
    view.input.set([0])
    view.answer()
    assert "could not be saved" not in view.feedback.value
    assert len(ProgressStore(learner_data / "progress.sqlite3").attempts()) == 1


def test_unusable_data_folder_is_shown_in_the_quiz(learner_data: Path) -> None:
    (learner_data / "progress.sqlite3").mkdir()
    widget = quiz("warm-up")
    assert widget.store is None
    assert "cannot use" in widget.children[0].value
    view = widget.questions[0]
    view.input.set([0])
    view.answer()
    assert "Your answer could not be saved: no progress file" in view.feedback.value
