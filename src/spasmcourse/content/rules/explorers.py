"""Rules for explorers: items in known groups, no empty group, known references."""

from __future__ import annotations

from collections.abc import Iterator

from spasmcourse.content.course import Course
from spasmcourse.content.rules.shared import file_named_for, known_references, unknown_reference
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem


def explorer_problems(course: Course) -> Iterator[Problem]:
    """Every problem in the explorer files that their model alone cannot see."""
    known = known_references(course)
    for name, explorer in course.explorers.items():
        document = course.documents[name]
        yield from file_named_for(document, explorer.id, f"its id is '{explorer.id}'")
        group_ids = [group.id for group in explorer.groups]
        for index, item in enumerate(explorer.items):
            for position, group in enumerate(item.groups):
                if group not in group_ids:
                    yield document.problem(("items", index, "groups", position), f"unknown group '{group}'",
                                           suggestion(group, group_ids) or f"use one of: {', '.join(group_ids)}")
            yield from unknown_reference(document, ("items", index, "reference"), item.reference, known)
        for index, group in enumerate(explorer.groups):
            if not any(group.id in item.groups for item in explorer.items):
                yield document.problem(("groups", index), f"group '{group.id}' has no items",
                                       "put at least one item in it, or remove the group")
