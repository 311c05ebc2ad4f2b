"""The course around the working directory, as the lesson elements show it."""

from __future__ import annotations

from spasmcourse.content.course import Course, find_course_root
from spasmcourse.content.rules import load_course


def current_course() -> Course:
    """The course around the working directory; read again only when a content file is added, changed or removed."""
    return load_course(find_course_root())
