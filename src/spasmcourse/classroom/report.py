"""`spasmcourse class-report`: read the class's hand-ins and write one offline HTML page for the teacher."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from spasmcourse.classroom.handins import Reading, read_handins
from spasmcourse.classroom.plots import completion_plot, item_plot, score_plot
from spasmcourse.classroom.stats import (
    MIN_FOR_DISCRIMINATION,
    MIN_FOR_RETEACH,
    ClassStats,
    class_stats,
    right_answer,
)
from spasmcourse.content import Course
from spasmcourse.rendering import render


def percent(share: float | None) -> str:
    """A share as a whole percentage."""
    return "\u2013" if share is None else f"{round(100 * share)}%"


def report_html(course: Course, stats: ClassStats, reading: Reading, show_names: bool = False) -> str:
    """The report page: self-contained HTML with inline CSS and SVG plots."""
    return render("classroom/class_report.html.j2", course_title=course.manifest.title,
                  students=stats.students, lessons=stats.lessons, questions=stats.questions,
                  reteach=stats.reteach, flagged=stats.flagged, unknown=stats.unknown,
                  measured=any(q.discrimination is not None for q in stats.questions),
                  skipped=reading.skipped, counts_only=sum(not h.has_answers for h in reading.handins),
                  show_names=show_names, percent=percent, right_answer=right_answer,
                  min_reteach=MIN_FOR_RETEACH, min_discrimination=MIN_FOR_DISCRIMINATION,
                  completion_svg=completion_plot(stats), item_svg=item_plot(stats), score_svg=score_plot(stats))


def run_class_report(course: Course, inputs: Sequence[Path], out: Path, show_names: bool = False,
                     errors: TextIO | None = None) -> int:
    """Read, report problems to `errors`, write the page; 0 when at least one hand-in was usable, else 1."""
    errors = errors or sys.stderr
    reading = read_handins(inputs)
    for problem in reading.problems:
        print(problem, file=errors)
    if not reading.handins:
        print(f"No usable hand-in found ({reading.skipped} files skipped); no report written.", file=errors)
        return 1
    stats = class_stats(course, reading.handins)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report_html(course, stats, reading, show_names), encoding="utf-8")
    print(f"Read {len(reading.handins)} students' hand-ins, skipped {reading.skipped} files. "
          f"Questions flagged to check: {len(stats.flagged)}. Wrote {out}")
    return 0
