"""spasmcourse: an interactive course on muscle spasms, cramps, twitches, neck and back pain.

Notebooks use the small public API below; everything else is internal. Each name is imported on
first use (PEP 562), so `import spasmcourse` and the command line load only what they need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spasmcourse.elements.case_study import case_study
    from spasmcourse.elements.explorer import explorer
    from spasmcourse.elements.figures import figure
    from spasmcourse.elements.flashcards import flashcards
    from spasmcourse.elements.flowchart import flowchart
    from spasmcourse.elements.lesson_parts import course_map, lesson_intro, lesson_references
    from spasmcourse.elements.progress_views import lesson_summary, progress_dashboard
    from spasmcourse.elements.quiz import quiz
    from spasmcourse.elements.quiz.assessment import final_assessment
    from spasmcourse.elements.slider_chart import slider_chart
    from spasmcourse.elements.warning_signs import advice_levels, warning_signs

_HOMES = {
    "advice_levels": "spasmcourse.elements.warning_signs",
    "case_study": "spasmcourse.elements.case_study",
    "course_map": "spasmcourse.elements.lesson_parts",
    "explorer": "spasmcourse.elements.explorer",
    "figure": "spasmcourse.elements.figures",
    "final_assessment": "spasmcourse.elements.quiz.assessment",
    "flashcards": "spasmcourse.elements.flashcards",
    "flowchart": "spasmcourse.elements.flowchart",
    "lesson_intro": "spasmcourse.elements.lesson_parts",
    "lesson_references": "spasmcourse.elements.lesson_parts",
    "lesson_summary": "spasmcourse.elements.progress_views",
    "progress_dashboard": "spasmcourse.elements.progress_views",
    "quiz": "spasmcourse.elements.quiz",
    "slider_chart": "spasmcourse.elements.slider_chart",
    "warning_signs": "spasmcourse.elements.warning_signs",
}
__all__ = [
    "advice_levels",
    "case_study",
    "course_map",
    "explorer",
    "figure",
    "final_assessment",
    "flashcards",
    "flowchart",
    "lesson_intro",
    "lesson_references",
    "lesson_summary",
    "progress_dashboard",
    "quiz",
    "slider_chart",
    "warning_signs",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import a public function from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'spasmcourse' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API as well as the module's own names."""
    return sorted({*globals(), *__all__})
