"""The rules of the course: one module per kind of content, run together by `check_course`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spasmcourse.content.course import MANIFEST, Course, content_signature, read_course
from spasmcourse.content.rules.cases import case_problems
from spasmcourse.content.rules.charts import chart_problems
from spasmcourse.content.rules.explorers import explorer_problems
from spasmcourse.content.rules.figures import figure_problems
from spasmcourse.content.rules.findings import finding_problems
from spasmcourse.content.rules.flowcharts import flowchart_problems
from spasmcourse.content.rules.glossary import glossary_problems
from spasmcourse.content.rules.lessons import manifest_problems
from spasmcourse.content.rules.notebooks import notebook_problems
from spasmcourse.content.rules.quizzes import quiz_problems
from spasmcourse.content.rules.references import reference_problems
from spasmcourse.content.rules.shared import repeated_ids
from spasmcourse.content.rules.urgency import urgency_problems
from spasmcourse.problems import ContentError, Problem

FILE_RULES = (manifest_problems, reference_problems, quiz_problems, finding_problems, urgency_problems,
              flowchart_problems, glossary_problems, figure_problems, explorer_problems, chart_problems,
              case_problems)


def course_problems(course: Course) -> list[Problem]:
    """Every problem across fields and files of the course's YAML files."""
    problems = [problem for rule in FILE_RULES for problem in rule(course)]
    return problems + list(repeated_ids(course, problems))


def read_checked(root: Path) -> tuple[Course | None, list[Problem]]:
    """The course as far as it could be read, and every problem in its content files (not its notebooks).

    Checked once per process while no content file changes, like the reading itself.
    """
    course, problems = _read_checked(root, content_signature(root))
    return course, list(problems)


@lru_cache(maxsize=8)
def _read_checked(root: Path, signature: tuple[tuple[str, int, int], ...]) -> tuple[Course | None, tuple[Problem, ...]]:
    course, problems = read_course(root)
    if course is None:
        return None, tuple(problems)
    return course, (*problems, *course_problems(course))


def load_course(root: Path) -> Course:
    """The course, if its content files are sound; otherwise one ContentError listing every problem."""
    course, problems = read_checked(root)
    if problems or course is None:
        raise ContentError(problems)
    return course


def check_course(root: Path) -> list[Problem]:
    """Every problem in the course: content files, notebooks, and what notebooks refer to."""
    return _course_and_problems(root)[1]


def checked_course(root: Path) -> Course:
    """The course, read once, if `check_course` finds nothing wrong; otherwise a ContentError listing it all."""
    course, problems = _course_and_problems(root)
    if problems or course is None:
        raise ContentError(problems)
    return course


def _course_and_problems(root: Path) -> tuple[Course | None, list[Problem]]:
    course, problems = read_checked(root)
    if course is None:
        return None, problems
    manifest_sound = not any(problem.file == MANIFEST for problem in problems)
    return course, sorted(set(problems + notebook_problems(course, manifest_sound)))
