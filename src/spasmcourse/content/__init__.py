"""Course content: models, loading with located errors, and cross-file checks."""

from spasmcourse.content.course import Course, find_course_root, load_course, read_course

__all__ = ["Course", "find_course_root", "load_course", "read_course"]
