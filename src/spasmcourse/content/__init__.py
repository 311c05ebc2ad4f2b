"""Course content: models, reading with located errors, loading, and the rules that check it."""

from spasmcourse.content.course import Course, find_course_root, read_course
from spasmcourse.content.rules import check_course, checked_course, load_course

__all__ = ["Course", "check_course", "checked_course", "find_course_root", "load_course", "read_course"]
