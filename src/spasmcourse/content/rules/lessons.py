"""Rules for lessons.yml: ids and notebooks unique and matching, prerequisites known and in order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from spasmcourse.content.course import MANIFEST, Course
from spasmcourse.content.reading import YamlDocument
from spasmcourse.content.rules.graphs import find_cycles
from spasmcourse.content.rules.shared import repeats
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem


def manifest_problems(course: Course) -> Iterator[Problem]:
    """Every problem in lessons.yml that its model alone cannot see."""
    document = course.documents[MANIFEST]
    lessons = course.lessons
    ids = [lesson.id for lesson in lessons]
    for at, lesson_id, first in repeats((("lessons", index, "id"), lesson.id) for index, lesson in enumerate(lessons)):
        yield document.problem(at, f"duplicate lesson id '{lesson_id}' (also lessons[{first[1]}])",
                               "give each lesson its own id")
    for at, notebook, first in repeats((("lessons", index, "notebook"), lesson.notebook)
                                       for index, lesson in enumerate(lessons)):
        yield document.problem(at, f"'{notebook}' is already used by lessons[{first[1]}]",
                               "give each lesson its own notebook")
    for index, lesson in enumerate(lessons):
        if PurePosixPath(lesson.notebook).stem != lesson.id:
            yield document.problem(("lessons", index, "notebook"),
                                   f"notebook name '{lesson.notebook}' does not match the lesson id",
                                   f"name it notebooks/{lesson.id}.ipynb")
        yield from _requires_problems(document, ids, index, lesson.requires)
    yield from _cycles(course, document)


def _requires_problems(document: YamlDocument, ids: list[str], index: int, requires: list[str]) -> Iterator[Problem]:
    for position, required in enumerate(requires):
        at = ("lessons", index, "requires", position)
        if required == ids[index]:
            yield document.problem(at, "a lesson cannot require itself", "remove it from requires")
        elif required not in ids:
            yield document.problem(at, f"unknown lesson '{required}'",
                                   suggestion(required, ids) or "use the id of a lesson listed above it")
        elif ids.index(required) > index:
            yield document.problem(at, f"'{required}' comes later in the course",
                                   "a lesson's prerequisites must come before it")


def _cycles(course: Course, document: YamlDocument) -> Iterator[Problem]:
    graph = {lesson.id: [r for r in lesson.requires if r != lesson.id] for lesson in course.lessons}
    index_of = {lesson.id: index for index, lesson in enumerate(course.lessons)}
    for node, cycle in find_cycles(graph):
        yield document.problem(("lessons", index_of[node], "requires"),
                               "prerequisites form a cycle: " + " -> ".join(cycle),
                               "a lesson may only require lessons that come before it; remove one of these")
