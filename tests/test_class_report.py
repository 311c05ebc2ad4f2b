"""`spasmcourse class-report` on a crafted class: statistics, a miskeyed question flagged, bad files
skipped, pseudonyms only, and the page itself offline in Chromium with axe-core."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, OfflinePage, screenshot
from spasmcourse.classroom.handins import read_csv, read_handins
from spasmcourse.classroom.report import run_class_report
from spasmcourse.classroom.stats import class_stats, course_questions, wrong_parts
from spasmcourse.content import load_course
from spasmcourse.content.models.questions import Categorize, Matching, Numeric, Ordering, Question
from spasmcourse.elements.quiz.checking import check, choice_options, numeric_bounds
from spasmcourse.progress import ProgressStore
from spasmcourse.progress.commands import CSV_COLUMNS, scores_csv
from spasmcourse.progress.pseudonym import pseudonym
from spasmcourse.progress.report import lesson_scores
from spasmcourse.progress.store import Attempt
from test_site_browser import axe_violations

COURSE = load_course(REPO)
LESSON = "01-what-is-a-spasm"
ITEMS = [item for item in course_questions(COURSE) if item.key[0] == LESSON]
MISKEYED = "twisting-posture"
STUDENTS = 15
LOGINS = [f"login{n:02d}" for n in range(STUDENTS)]


def right(question: Question) -> object:
    """An answer the key marks right."""
    if isinstance(question, Numeric):
        return f"{sum(numeric_bounds(question)) / 2:g}"
    if isinstance(question, Matching):
        return list(range(len(question.pairs)))
    if isinstance(question, Ordering):
        return list(range(len(question.items)))
    if isinstance(question, Categorize):
        return [question.categories.index(item.category) for item in question.items]
    return [i for i, option in enumerate(choice_options(question)) if option.correct]


def wrong(question: Question) -> object:
    """An answer the key marks wrong (for choice questions: the first wrong option)."""
    if isinstance(question, Numeric):
        return "99999"
    if isinstance(question, Matching | Ordering):
        order = list(range(len(question.pairs if isinstance(question, Matching) else question.items)))
        return order[1:2] + order[:1] + order[2:]
    if isinstance(question, Categorize):
        return [(question.categories.index(item.category) + 1) % len(question.categories)
                for item in question.items]
    return [next(i for i, option in enumerate(choice_options(question)) if not option.correct)]


def student_answers(ability: int) -> dict[tuple[str, str, str], Attempt]:
    """Student `ability` (0 weakest) gets question j right when ability > j % STUDENTS - 1, except the
    miskeyed question: strong students pick the option the key marks wrong, weak ones the keyed one."""
    latest = {}
    for j, item in enumerate(ITEMS):
        question = item.question
        if item.key[2] == MISKEYED:
            answer = wrong(question) if ability >= STUDENTS // 2 else right(question)
        else:
            answer = right(question) if ability >= j + 1 else wrong(question)
        latest[item.key] = Attempt(*item.key, answer, check(question, answer).correct, "2026-01-01T00:00:00")
    return latest


def handin_csv(ability: int) -> str:
    latest = student_answers(ability)
    return scores_csv(lesson_scores(COURSE, latest), pseudonym(f"learner-{ability}"), latest)


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hand-ins"
    folder.mkdir()
    for ability, login in enumerate(LOGINS):
        (folder / f"{login}.csv").write_text(handin_csv(ability), encoding="utf-8")
    return folder


def test_export_carries_pseudonym_and_answers_and_reads_back(tmp_path: Path) -> None:
    text = handin_csv(9)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS and CSV_COLUMNS[:6] == ("lesson", "title", "answered", "correct",
                                                                 "questions", "percent")
    assert {row["learner"] for row in rows} == {pseudonym("learner-9")}
    path = tmp_path / "someone.csv"
    path.write_text(text, encoding="utf-8")
    handin = read_csv(path)
    assert handin.pseudonym == pseudonym("learner-9") and handin.login == "someone"
    assert {key: a.answer for key, a in (handin.answers or {}).items()} == {
        key: a.answer for key, a in student_answers(9).items()}


def test_statistics_of_the_crafted_class(class_folder: Path) -> None:
    reading = read_handins([class_folder])
    assert len(reading.handins) == STUDENTS and reading.skipped == 0
    stats = class_stats(COURSE, reading.handins)
    by_id = {q.item.key[2]: q for q in stats.questions}
    assert set(by_id) == {item.key[2] for item in ITEMS}
    [lesson] = [lesson for lesson in stats.lessons if lesson.lesson_id == LESSON]
    assert lesson.completed == STUDENTS and lesson.started == STUDENTS
    assert all(other.started == 0 for other in stats.lessons if other.lesson_id != LESSON)
    first = ITEMS[0].key[2]
    assert by_id[first].correct == STUDENTS - 1 and by_id[first].discrimination > 0
    assert [q.item.key[2] for q in stats.flagged] == [MISKEYED]
    miskeyed = by_id[MISKEYED]
    assert miskeyed.discrimination == -1.0 and miskeyed.upper_correct == 0.0 and miskeyed.lower_correct == 1.0
    [(option, count)] = miskeyed.wrong_choices
    assert count == STUDENTS - STUDENTS // 2 and option == wrong_option_text(MISKEYED)
    hardest = sorted((q for q in stats.questions if not q.flagged), key=lambda q: q.share_correct)[:5]
    assert stats.reteach == hardest and MISKEYED not in {q.item.key[2] for q in stats.reteach}


def wrong_option_text(question_id: str) -> str:
    [item] = [item for item in ITEMS if item.key[2] == question_id]
    return choice_options(item.question)[wrong(item.question)[0]].text


def test_multiple_select_counts_wrong_picks_and_left_out_options() -> None:
    [item] = [item for item in ITEMS if item.question.type == "multiple"][:1]
    options = choice_options(item.question)
    wrong_pick = next(i for i, o in enumerate(options) if not o.correct)
    rights = [i for i, o in enumerate(options) if o.correct]
    parts = wrong_parts(item.question, [*rights[1:], wrong_pick])
    assert parts == [options[wrong_pick].text, f"left out: {options[rights[0]].text}"]


def write_bad_files(folder: Path) -> dict[str, str]:
    """Files a teacher may find among hand-ins, with the words the report must say about each."""
    good = handin_csv(3)
    files = {
        "cut-short.csv": (good[: len(good) // 2], "cut short"),
        "notes.csv": ("name,mark\nx,1\n", "not a progress export"),
        "empty.csv": ("", "empty"),
        "binary.csv": (None, "not a text file"),
        "bad-count.csv": (good.replace(f"{LESSON},", f"{LESSON},", 1).replace(",13,", ",many,", 1),
                          "not a whole number"),
    }
    for name, (content, _) in files.items():
        if content is None:
            (folder / name).write_bytes(b"\xff\xfe\x00PK\x03\x04")
        else:
            (folder / name).write_text(content, encoding="utf-8")
    (folder / "damaged" / ".local" / "share" / "spasmcourse").mkdir(parents=True)
    (folder / "damaged" / ".local" / "share" / "spasmcourse" / "progress.sqlite3").write_bytes(b"x" * 4096)
    return {name: said for name, (_, said) in files.items()} | {"progress.sqlite3": "not a readable progress store"}


def test_bad_and_partial_files_are_reported_and_skipped(class_folder: Path, tmp_path: Path) -> None:
    expected = write_bad_files(class_folder)
    errors = io.StringIO()
    out = tmp_path / "report.html"
    assert run_class_report(COURSE, [class_folder], out, errors=errors) == 0
    said = errors.getvalue()
    for name, words in expected.items():
        line = next(line for line in said.splitlines() if f"{name}: skipped" in line)
        assert words in line, line
    html = out.read_text(encoding="utf-8")
    assert f"{STUDENTS} students; {len(expected)} files skipped" in html


def test_unreadable_folder_is_reported(class_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_walk = os.walk

    def walk(top, onerror=None, **options):
        onerror(PermissionError(13, "Permission denied", str(class_folder / "locked")))
        yield from real_walk(top, onerror=onerror, **options)

    monkeypatch.setattr(os, "walk", walk)
    reading = read_handins([class_folder])
    assert len(reading.handins) == STUDENTS and reading.skipped == 1
    assert any("locked: skipped: cannot read this folder (Permission denied)" in p for p in reading.problems)


def test_nothing_usable_exits_non_zero(tmp_path: Path) -> None:
    write_bad_files(tmp_path)
    errors = io.StringIO()
    assert run_class_report(COURSE, [tmp_path, tmp_path / "missing.csv"], tmp_path / "r.html", errors=errors) == 1
    assert "No usable hand-in" in errors.getvalue() and not (tmp_path / "r.html").exists()


def test_old_exports_count_for_completion_only(tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_text("lesson,title,answered,correct,questions,percent\n"
                   f"{LESSON},What is a spasm?,13,10,13,77\n02-back-spasms,Back spasms,2,1,9,11\n", encoding="utf-8")
    new = tmp_path / "new.csv"
    new.write_text(handin_csv(14), encoding="utf-8")
    reading = read_handins([old, new])
    assert len(reading.handins) == 2 and any("completion only" in p for p in reading.problems)
    stats = class_stats(COURSE, reading.handins)
    lessons = {lesson.lesson_id: lesson for lesson in stats.lessons}
    assert lessons[LESSON].completed == 2 and lessons["02-back-spasms"].started == 1
    assert all(q.answered == 1 for q in stats.questions)


def test_stores_are_read_without_changing_them_and_one_student_counts_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for ability, login in enumerate(LOGINS[:5]):
        store = ProgressStore(home / login / ".local" / "share" / "spasmcourse" / "progress.sqlite3")
        learner = store.learner_id()
        for attempt in student_answers(ability).values():
            store.record(attempt.lesson, attempt.quiz, attempt.question, attempt.answer, attempt.correct)
        store.close()
        if ability == 0:
            latest = student_answers(0)
            (home / login / "scores.csv").write_text(scores_csv(lesson_scores(COURSE, latest), pseudonym(learner),
                                                                latest), encoding="utf-8")
    stores = sorted(home.rglob("progress.sqlite3*"))
    before = {path: path.read_bytes() for path in stores}
    reading = read_handins([home])
    assert sorted(stores) == sorted(home.rglob("progress.sqlite3*"))
    assert {path: path.read_bytes() for path in stores} == before
    assert len(reading.handins) == 5 and reading.skipped == 1
    assert {h.login for h in reading.handins} == set(LOGINS[:5])
    assert any("the same student as" in p for p in reading.problems)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "spasmcourse"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_command_shows_pseudonyms_unless_asked_for_names(class_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = run_cli("--root", str(REPO), "class-report", str(class_folder), "--out", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"Read {STUDENTS} students' hand-ins" in done.stdout and "flagged to check: 1." in done.stdout
    html = out.read_text(encoding="utf-8")
    assert pseudonym("learner-0") in html and not any(login in html for login in LOGINS)
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    named = run_cli("--root", str(REPO), "class-report", str(class_folder), "--out", str(out), "--show-names",
                    cwd=tmp_path)
    assert named.returncode == 0 and all(login in out.read_text(encoding="utf-8") for login in LOGINS)


def test_report_page_offline_in_chromium(class_folder: Path, tmp_path: Path, browser) -> None:
    write_bad_files(class_folder)
    (class_folder / "old.csv").write_text("lesson,title,answered,correct,questions,percent\n"
                                          f"{LESSON},What is a spasm?,4,2,13,15\n", encoding="utf-8")
    out = tmp_path / "class-report.html"
    assert run_class_report(COURSE, [class_folder], out, errors=io.StringIO()) == 0
    holder = OfflinePage(browser, viewport={"width": 1100, "height": 900})
    page = holder.open(out)
    assert page.get_by_role("heading", name="Class report").is_visible()
    flagged = page.locator("section.card.flagged")
    assert flagged.count() == 1
    [item] = [item for item in ITEMS if item.key[2] == MISKEYED]
    assert item.question.prompt[:60] in flagged.inner_text()
    assert page.locator("#reteach ~ section.card:not(.flagged)").count() == 5
    assert page.locator("svg[role=img]").count() == 3
    assert page.locator("#student-table tbody tr").count() == STUDENTS + 1
    screenshot(page, "class-report", tmp_path)
    assert axe_violations(page) == []
    overflows = []
    for width in (1100, 400):
        page.set_viewport_size({"width": width, "height": 900})
        overflows.append(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))
    holder.context.close()
    assert overflows == [0, 0], "the page scrolls sideways (wide tables scroll inside their own box)"
    assert holder.refused == [] and holder.errors == []
