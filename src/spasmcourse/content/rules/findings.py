"""Rules for the findings catalogue: unique ids, known references, known lessons."""

from __future__ import annotations

from collections.abc import Iterator

from spasmcourse.content.course import FINDINGS, MANIFEST, Course
from spasmcourse.content.rules.shared import known_references, repeats, unknown_reference
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem


def finding_problems(course: Course) -> Iterator[Problem]:
    """Every problem in assets/triage/findings.yml that its model alone cannot see (the model has parsed it)."""
    document = course.documents.get(FINDINGS)
    if document is None or FINDINGS in course.unreadable:
        return
    ids = [(("findings", index, "id"), item["id"]) for index, item in enumerate(document.data["findings"])]
    for at, finding_id, _ in repeats(ids):
        yield document.problem(at, f"duplicate finding id '{finding_id}'", "give each finding its own id")
    lesson_ids = [lesson.id for lesson in course.lessons]
    known = known_references(course)
    for index, item in enumerate(document.data["findings"]):
        for position, key in enumerate(item.get("references", [])):
            yield from unknown_reference(document, ("findings", index, "references", position), key, known,
                                         f"finding '{item['id']}' cites unknown reference '{key}'")
        for position, lesson_id in enumerate(item.get("lessons", [])):
            if lesson_id not in lesson_ids:
                yield document.problem(("findings", index, "lessons", position),
                                       f"finding '{item['id']}' is listed for unknown lesson '{lesson_id}'",
                                       suggestion(lesson_id, lesson_ids) or f"use a lesson id from {MANIFEST}")
