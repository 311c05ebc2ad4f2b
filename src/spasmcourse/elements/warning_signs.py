"""warning_signs("lesson-id") and advice_levels(): urgency in lessons, rendered from the findings catalogue.

Lessons never state warning signs or levels by hand, so a lesson cannot disagree with a chart.
"""

from __future__ import annotations

from IPython.display import HTML

from spasmcourse.content.course import Course
from spasmcourse.content.current_course import current_course
from spasmcourse.content.models.findings import LEVELS, Finding
from spasmcourse.elements.citations import anchor
from spasmcourse.elements.failure import shows_problems
from spasmcourse.rendering import asset_tags, render

LEVEL_STYLES = ("levels.css",)
EXAMPLES_PER_LEVEL = 1


def _sources(course: Course, finding: Finding) -> list[dict[str, str]]:
    return [{"anchor": anchor(key), "label": course.references[key].title}
            for key in finding.references if key in course.references]


def warning_signs_html(course: Course, lesson_id: str) -> str:
    """The lesson's "when to get help" box: its findings grouped by level, most urgent first."""
    listed = course.lesson_findings(lesson_id)
    groups = [(level, [{"text": f.text, "sources": _sources(course, f)} for f in listed if f.level == level])
              for level in reversed(LEVELS)]
    return render("elements/warning_signs.html.j2", lesson_id=lesson_id,
                  groups=[(level, items) for level, items in groups if items],
                  assets=asset_tags(LEVEL_STYLES, ()))


def advice_levels_html(course: Course) -> str:
    """The table of the five advice levels: what each means, and the catalogue's first findings at it as examples."""
    rows = []
    for level in reversed(LEVELS):
        at_level = [f for f in course.findings.values() if f.level == level]
        examples = [finding.text for finding in at_level[:EXAMPLES_PER_LEVEL]]
        rows.append({"level": level, "count": len(at_level), "examples": examples})
    return render("elements/advice_levels.html.j2", rows=rows, assets=asset_tags(LEVEL_STYLES, ()))


@shows_problems
def warning_signs(lesson_id: str) -> HTML:
    """The warning signs of this lesson's topic, from assets/triage/findings.yml."""
    course = current_course()
    course.lesson(lesson_id)
    return HTML(warning_signs_html(course, lesson_id))


@shows_problems
def advice_levels() -> HTML:
    """The five advice levels as a table, the same words every chart and lesson uses."""
    return HTML(advice_levels_html(current_course()))
