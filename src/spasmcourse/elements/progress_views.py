"""The lesson score summary and the progress dashboard, live from the store and static in exports."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from markupsafe import escape

from spasmcourse.content.current_course import current_course
from spasmcourse.elements.failure import shows_problems
from spasmcourse.elements.quiz.live import on_progress
from spasmcourse.elements.quiz.static import QUIZ_SCRIPTS, QUIZ_STYLES
from spasmcourse.i18n import strings_for, text
from spasmcourse.progress import ProgressError, open_store
from spasmcourse.progress.report import lesson_scores, quiz_scores
from spasmcourse.rendering import asset_tags, render, script_json


def _latest() -> tuple[dict, str, str]:
    try:
        store = open_store()
        return store.latest(), str(store.path), " ".join(store.warnings)
    except ProgressError as error:
        return {}, "", str(error)


class LessonSummary(widgets.HTML):
    """'n of m correct' per quiz of a lesson and in all, updated as answers are saved."""

    def __init__(self, lesson_id: str) -> None:
        super().__init__()
        self.lesson_id = lesson_id
        self.add_class("sc-live")
        self.refresh()
        on_progress(lambda changed: self.refresh() if changed == lesson_id else None)

    def refresh(self) -> None:
        """Recompute the summary from the saved attempts."""
        latest, _, _ = _latest()
        scores = [s for s in quiz_scores(current_course(), self.lesson_id, latest) if s.answered]
        self.value = render("elements/summary_live.html.j2", scores=scores,
                            correct=sum(s.correct for s in scores), total=sum(s.total for s in scores))

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = render("elements/summary.html.j2", lesson_id=self.lesson_id,
                                     data=script_json({"strings": strings_for(*QUIZ_SCRIPTS)}),
                                     assets=asset_tags(QUIZ_STYLES, QUIZ_SCRIPTS))
        return bundle


class ProgressDashboard(widgets.VBox):
    """Saved answers per lesson, with a Refresh button."""

    def __init__(self) -> None:
        self.table = widgets.HTML()
        refresh = widgets.Button(description=text("progress_refresh"))
        refresh.on_click(lambda _: self.refresh())
        super().__init__([self.table, refresh])
        self.add_class("sc-live")
        self.refresh()

    def refresh(self) -> None:
        """Reread the store."""
        latest, path, warning = _latest()
        scores = lesson_scores(current_course(), latest)
        self.table.value = render("elements/dashboard.html.j2", scores=scores, path=path, warning=warning,
                                  answered=any(score.answered for score in scores))

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = f'<p class="sc-dashboard-static">{escape(text("progress_static"))}</p>'
        return bundle


@shows_problems
def lesson_summary(lesson_id: str) -> LessonSummary:
    """The learner's score in this lesson's quizzes."""
    current_course().lesson(lesson_id)
    return LessonSummary(lesson_id)


@shows_problems
def progress_dashboard() -> ProgressDashboard:
    """The learner's saved progress in every lesson."""
    return ProgressDashboard()
