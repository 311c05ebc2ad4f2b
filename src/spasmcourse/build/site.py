"""The course index page, generated from lessons.yml."""

from __future__ import annotations

from spasmcourse.content import Course
from spasmcourse.rendering import render, static_file


def index_page(course: Course) -> str:
    """The course map: every lesson in order with minutes, prerequisites, objectives and links."""
    titles = {lesson.id: lesson.title for lesson in course.lessons}
    return render("site/index.html.j2", course=course, titles=titles,
                  total_minutes=sum(lesson.minutes for lesson in course.lessons),
                  css=static_file("page.css"))
