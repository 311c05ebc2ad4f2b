"""Rules for case studies: steps lead somewhere, every path ends, lessons and references are known."""

from __future__ import annotations

from collections.abc import Iterator

from spasmcourse.content.course import Course
from spasmcourse.content.models.cases import CaseStudy
from spasmcourse.content.reading import YamlDocument
from spasmcourse.content.rules.shared import file_named_for, known_references, unknown_reference
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem


def case_problems(course: Course) -> Iterator[Problem]:
    """Every problem in the case study files that their model alone cannot see."""
    known = known_references(course)
    for name, case in course.cases.items():
        yield from _case(course, course.documents[name], case, known)


def _case(course: Course, document: YamlDocument, case: CaseStudy, known: set[str] | None) -> Iterator[Problem]:
    yield from file_named_for(document, case.id, f"its id is '{case.id}'")
    steps = {step.id: step for step in case.steps}
    endings = {ending.id for ending in case.endings}
    ids = [step.id for step in case.steps] + [ending.id for ending in case.endings]
    for node_id in {i for i in ids if ids.count(i) > 1}:
        yield document.problem(("id",), f"step or ending id '{node_id}' is used twice",
                               "give each step and ending its own id")
    if case.start not in steps:
        yield document.problem(("start",), f"start '{case.start}' is not a step",
                               suggestion(case.start, list(steps)) or "set start to the id of the first step")
        return
    lessons = [lesson.id for lesson in course.lessons]
    for index, step in enumerate(case.steps):
        if not any(choice.best for choice in step.choices):
            yield document.problem(("steps", index, "choices"), f"step '{step.id}' has no best choice",
                                   "mark the wisest decision with best: true")
        for number, choice in enumerate(step.choices):
            if choice.to not in steps and choice.to not in endings:
                yield document.problem(("steps", index, "choices", number, "to"),
                                       f"step '{step.id}' leads to '{choice.to}', not a step or an ending",
                                       suggestion(choice.to, ids) or "point it at a step or an ending of this case")
    for index, ending in enumerate(case.endings):
        for number, lesson_id in enumerate(ending.revisit):
            if lesson_id not in lessons:
                yield document.problem(("endings", index, "revisit", number), f"unknown lesson '{lesson_id}'",
                                       suggestion(lesson_id, lessons) or "use a lesson id from lessons.yml")
    seen: set[str] = set()
    stack: list[tuple[str, tuple[str, ...]]] = [(case.start, ())]
    while stack:
        node, path = stack.pop()
        if node in path:
            yield document.problem(("steps",), "the story loops: " + " -> ".join([*path, node]),
                                   "every path must end in an ending")
            return
        if node in seen or node not in steps:
            seen.add(node)
            continue
        seen.add(node)
        stack += [(choice.to, (*path, node)) for choice in steps[node].choices]
    for node_id in ids:
        if node_id not in seen:
            yield document.problem(("id",), f"'{node_id}' cannot be reached from the start",
                                   "lead a choice to it, or remove it")
    for position, key in enumerate(case.references):
        yield from unknown_reference(document, ("references", position), key, known)
