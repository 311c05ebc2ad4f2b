"""Numbers about each lesson for authors: length, reading level, elements, questions, sources."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import nbformat
import textstat

from spasmcourse.content.assessment_questions import quizzes_shown
from spasmcourse.content.course import Course
from spasmcourse.content.notebook_text import cited_keys
from spasmcourse.content.rules.notebooks import ELEMENT_CALL, INTERACTIVE
from spasmcourse.content.start_cell import is_start_cell

WORDS_PER_MINUTE = 200
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[#*_>`|]+")


@dataclass(frozen=True)
class LessonStats:
    """One lesson's figures."""

    lesson: str
    words: int
    reading_minutes: int
    grade: float
    figures: int
    interactive: int
    questions: dict[str, int]
    references: int


def plain_prose(markdown: str) -> str:
    """Markdown as the words a learner reads: link text kept, markup and table rules dropped."""
    text = _LINK.sub(r"\1", markdown)
    lines = [line for line in text.splitlines() if not re.fullmatch(r"\s*\|?[-:| ]+\|?\s*", line)]
    return _MARKUP.sub(" ", "\n".join(lines))


def lesson_stats(course: Course) -> list[LessonStats]:
    """Statistics for every lesson, in course order (teacher's notes are not counted as prose)."""
    results = []
    for lesson in course.lessons:
        notebook = nbformat.read(course.notebook_path(lesson), as_version=4)
        markdown = "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown"
                               and cell.metadata.get("slideshow", {}).get("slide_type") != "notes"
                               and not is_start_cell(cell))
        calls = [kind for cell in notebook.cells if cell.cell_type == "code"
                 for kind, _ in ELEMENT_CALL.findall(cell.source)]
        questions = [q for quiz in quizzes_shown(course, lesson.id) for q in quiz.questions]
        prose = plain_prose(markdown)
        words = len(prose.split())
        results.append(LessonStats(
            lesson=lesson.id, words=words, reading_minutes=math.ceil(words / WORDS_PER_MINUTE),
            grade=round(textstat.flesch_kincaid_grade(prose), 1) if words else 0.0,
            figures=calls.count("figure"), interactive=sum(calls.count(kind) for kind in INTERACTIVE),
            questions=dict(Counter(q.type for q in questions)),
            references=len(set(cited_keys(markdown)) | {q.reference for q in questions})))
    return results


def stats_table(stats: list[LessonStats]) -> str:
    """A plain-text table of lesson statistics."""
    head = ("Lesson", "Words", "Min", "Grade", "Figures", "Interactive", "Questions (by type)", "Refs")
    rows = [(s.lesson, str(s.words), str(s.reading_minutes), f"{s.grade:.1f}", str(s.figures), str(s.interactive),
             f"{sum(s.questions.values())} (" + ", ".join(f"{k} {v}" for k, v in sorted(s.questions.items())) + ")",
             str(s.references)) for s in stats]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in [head, *rows]]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])
