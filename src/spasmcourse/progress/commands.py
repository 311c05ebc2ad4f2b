"""`spasmcourse progress`: show, export or reset the learner's saved scores."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from spasmcourse.content import Course
from spasmcourse.progress.pseudonym import pseudonym
from spasmcourse.progress.report import Latest, Score, lesson_scores
from spasmcourse.progress.store import FILE_NAME, ProgressError, ProgressStore, data_dir

# The first six columns are the original export; `learner` (the pseudonym) and `answers` (the latest
# answer to each question of the lesson, as JSON) were added for `spasmcourse class-report`.
CSV_COLUMNS = ("lesson", "title", "answered", "correct", "questions", "percent", "learner", "answers")


def scores_table(scores: list[Score]) -> str:
    """A plain-text table of per-lesson scores."""
    head = ("Lesson", "Answered", "Correct", "Questions", "Score")
    rows = [(s.title, str(s.answered), str(s.correct), str(s.total), f"{s.percent}%") for s in scores]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                       for i, (cell, width) in enumerate(zip(row, widths, strict=True)))
             for row in [head, *rows]]
    return "\n".join([lines[0], "  ".join("-" * width for width in widths), *lines[1:]])


def scores_csv(scores: list[Score], learner: str = "", latest: Latest | None = None) -> str:
    """Per-lesson scores as CSV, one row per lesson, with the learner's pseudonym and latest answers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in scores:
        writer.writerow((s.id, s.title, s.answered, s.correct, s.total, s.percent, learner,
                         lesson_answers(latest or {}, s.id)))
    return buffer.getvalue()


def lesson_answers(latest: Latest, lesson_id: str) -> str:
    """A lesson's latest answers as compact JSON: {"quiz/question": {"answer": ..., "correct": bool}}."""
    answers = {f"{quiz}/{question}": {"answer": attempt.answer, "correct": attempt.correct}
               for (lesson, quiz, question), attempt in sorted(latest.items()) if lesson == lesson_id}
    return json.dumps(answers, separators=(",", ":"), ensure_ascii=False)


def _learner(store: ProgressStore) -> str:
    try:
        return pseudonym(store.learner_id())
    except ProgressError:
        return ""


def show_progress(course: Course, csv_target: str | None) -> int:
    """Print the scores, or write them as CSV to a file or '-' for standard output."""
    store = ProgressStore(data_dir() / FILE_NAME)
    latest = store.latest()
    scores = lesson_scores(course, latest)
    for warning in store.warnings:
        print(warning, file=sys.stderr)
    if csv_target is None:
        print(scores_table(scores))
        answered = sum(s.answered for s in scores)
        print(f"\n{answered} questions answered, saved in {store.path}")
    elif csv_target == "-":
        sys.stdout.write(scores_csv(scores, _learner(store), latest))
    else:
        Path(csv_target).write_text(scores_csv(scores, _learner(store), latest), encoding="utf-8")
        print(f"Wrote scores for {len(scores)} lessons to {csv_target}")
    return 0


def reset_progress(assume_yes: bool) -> int:
    """Start again after the learner confirms: the answers so far are copied to a backup file first."""
    path = data_dir() / FILE_NAME
    if not path.exists():
        print(f"Nothing to reset: no progress saved yet ({path}).")
        return 0
    if not assume_yes:
        if not sys.stdin.isatty():
            print("Refusing to reset without confirmation: run in a terminal, or add --yes.", file=sys.stderr)
            return 1
        reply = input(f"Start again with no saved answers? A copy of them is kept beside {path}. [y/N] ")
        if reply.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.")
            return 0
    store = ProgressStore(path)
    for warning in store.warnings:
        print(warning, file=sys.stderr)
    backup = store.reset()
    store.close()
    print(f"Progress reset. Your old answers are kept in {backup}.")
    return 0
