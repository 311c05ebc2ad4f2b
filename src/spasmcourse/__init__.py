"""spasmcourse: an interactive course on muscle spasms, cramps, twitches, neck and back pain.

Notebooks use the small public API below; everything else is internal.
"""

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
