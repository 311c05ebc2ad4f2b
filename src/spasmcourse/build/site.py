"""The course index page, generated from lessons.yml."""

from __future__ import annotations

from spasmcourse.content import Course
from spasmcourse.rendering import inline_asset, render


def index_page(course: Course) -> str:
    """The course map: every lesson in order with minutes, prerequisites, objectives and links."""
    titles = {lesson.id: lesson.title for lesson in course.lessons}
    requires = {lesson.id: ", ".join(titles[r] for r in lesson.requires) for lesson in course.lessons}
    return render("site/index.html.j2", course=course, requires=requires, language=course.manifest.language,
                  total_minutes=sum(lesson.minutes for lesson in course.lessons),
                  css=inline_asset("page.css"))
