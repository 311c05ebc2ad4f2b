"""The report's plots, drawn by matplotlib as SVG markup to inline in the page (no files, no network)."""

from __future__ import annotations

import io
import re

from markupsafe import Markup, escape

from spasmcourse.classroom.stats import ClassStats

_BLUE, _LIGHT, _ORANGE, _GREY = "#1f5f99", "#9cc3e6", "#b34700", "#555555"


def _pyplot():
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "spasmcourse", "font.size": 10,
                                "axes.spines.top": False, "axes.spines.right": False})
    import matplotlib.pyplot as plt

    return plt


def _svg(figure, title: str, plt) -> Markup:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    markup = buffer.getvalue()
    markup = re.sub(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*", "", markup)
    markup = re.sub(r"<metadata>.*?</metadata>\s*", "", markup, flags=re.S)
    markup = re.sub(r"<svg\b", f'<svg role="img" aria-label="{escape(title)}"', markup, count=1)
    return Markup(markup)


def completion_plot(stats: ClassStats) -> Markup:
    """Horizontal bars per lesson: share of students who started it and who answered every question."""
    plt = _pyplot()
    lessons = list(reversed(stats.lessons))
    figure, axes = plt.subplots(figsize=(7, 0.45 * len(lessons) + 1))
    rows = range(len(lessons))
    axes.barh(rows, [100 * lesson.started_share for lesson in lessons], color=_LIGHT, label="started")
    axes.barh(rows, [100 * lesson.completed_share for lesson in lessons], color=_BLUE, height=0.5,
              label="answered every question")
    axes.set_yticks(list(rows), [f"{lesson.lesson_id[:2]} {_short(lesson.title, 34)}" for lesson in lessons])
    axes.set_xlim(0, 100)
    axes.set_xlabel("% of students")
    axes.legend(loc="lower right", frameon=False)
    return _svg(figure, "Bar chart: share of students who started and who completed each lesson", plt)


def item_plot(stats: ClassStats) -> Markup:
    """Each question as a point: share correct across, discrimination index up; flagged ones marked."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(7, 4))
    measured = [q for q in stats.questions if q.discrimination is not None]
    fine = [q for q in measured if not q.flagged]
    flagged = [q for q in measured if q.flagged]
    axes.axhline(0, color=_GREY, linewidth=0.8)
    axes.scatter([100 * q.share_correct for q in fine], [q.discrimination for q in fine], color=_BLUE,
                 marker="o", label="question")
    axes.scatter([100 * q.share_correct for q in flagged], [q.discrimination for q in flagged], color=_ORANGE,
                 marker="X", s=80, label="flagged: strong students miss it more")
    for q in flagged:
        axes.annotate(q.item.label, (100 * q.share_correct, q.discrimination), textcoords="offset points",
                      xytext=(6, -4), color=_ORANGE)
    axes.set_xlim(-5, 105)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlabel("% of students correct")
    axes.set_ylabel("discrimination index\n(upper 27% minus lower 27%)")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2, frameon=False)
    return _svg(figure, "Scatter plot: each question's share correct against its discrimination index; "
                "flagged questions are marked with a cross", plt)


def score_plot(stats: ClassStats) -> Markup:
    """A histogram of students' share of answered questions right."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(7, 2.6))
    shares = [100 * s.share_correct for s in stats.students if s.share_correct is not None]
    axes.hist(shares, bins=list(range(0, 101, 10)), color=_BLUE, edgecolor="white")
    axes.set_xlim(0, 100)
    axes.set_xlabel("% of answered questions right")
    axes.set_ylabel("students")
    axes.yaxis.get_major_locator().set_params(integer=True)
    return _svg(figure, "Histogram of students' scores", plt)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
