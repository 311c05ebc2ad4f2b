"""Rules for the findings catalogue: unique ids, known references, known lessons."""

from __future__ import annotations

from collections.abc import Iterator

from spasmcourse.content.course import FINDINGS, MANIFEST, REFERENCES, Course
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem


def finding_problems(course: Course) -> Iterator[Problem]:
    """Every problem in assets/triage/findings.yml that its model alone cannot see (the model has parsed it)."""
    document = course.documents.get(FINDINGS)
    if document is None or FINDINGS in course.unreadable:
        return
    seen: set[str] = set()
    for index, item in enumerate(document.data["findings"]):
        finding_id = item["id"]
        if finding_id in seen:
            yield document.problem(("findings", index, "id"), f"duplicate finding id '{finding_id}'",
                                   "give each finding its own id")
        seen.add(finding_id)
    lesson_ids = [lesson.id for lesson in course.lessons]
    known = None if REFERENCES in course.unreadable else set(course.references)
    for index, item in enumerate(document.data["findings"]):
        for position, key in enumerate(item.get("references", [])):
            if known is not None and key not in known:
                yield document.problem(("findings", index, "references", position),
                                       f"finding '{item['id']}' cites unknown reference '{key}'",
                                       suggestion(key, sorted(known)) or f"add it to {REFERENCES}")
        for position, lesson_id in enumerate(item.get("lessons", [])):
            if lesson_id not in lesson_ids:
                yield document.problem(("findings", index, "lessons", position),
                                       f"finding '{item['id']}' is listed for unknown lesson '{lesson_id}'",
                                       suggestion(lesson_id, lesson_ids) or f"use a lesson id from {MANIFEST}")
