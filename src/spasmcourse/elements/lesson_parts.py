"""The parts every lesson shares: intro with objectives and safety note, course map, references."""

from __future__ import annotations

from IPython.display import HTML

from spasmcourse.content.course import Course
from spasmcourse.content.current_course import current_course
from spasmcourse.content.notebook_text import notebook_citations, notebook_markdown
from spasmcourse.elements.citations import anchor, citation_text, citation_url
from spasmcourse.elements.failure import shows_problems
from spasmcourse.elements.glossary import lesson_terms
from spasmcourse.rendering import asset_tags, render, script_json

LESSON_STYLES = ("lesson.css",)


@shows_problems
def lesson_intro(lesson_id: str) -> HTML:
    """Time, prerequisites, objectives (from lessons.yml) and the not-medical-advice note."""
    course = current_course()
    lesson = course.lesson(lesson_id)
    prerequisites = [course.lesson(required) for required in lesson.requires]
    terms = lesson_terms(course, notebook_markdown(course.notebook_path(lesson)))
    glossary = {term.id: {"term": term.term, "definition": term.definition} for term in terms}
    return HTML(render("elements/lesson_intro.html.j2", lesson=lesson, prerequisites=prerequisites,
                       assets=asset_tags((*LESSON_STYLES, "glossary.css"), ("glossary.js",)),
                       glossary=script_json(glossary)))


@shows_problems
def course_map() -> HTML:
    """The course's lessons in order, with minutes, prerequisites and objectives."""
    course = current_course()
    titles = {lesson.id: lesson.title for lesson in course.lessons}
    total = sum(lesson.minutes for lesson in course.lessons)
    return HTML(render("elements/course_map.html.j2", course=course, titles=titles,
                       total_minutes=total, assets=asset_tags(LESSON_STYLES, ())))


@shows_problems
def lesson_references(lesson_id: str) -> HTML:
    """The numbered reference list of a lesson: what its text cites, then what its quizzes cite."""
    course = current_course()
    keys = cited_in_order(course, lesson_id)
    items = [{"anchor": anchor(key), "text": citation_text(course.references[key]),
              "url": citation_url(course.references[key])} for key in keys]
    return HTML(render("elements/references.html.j2", references=items))


def cited_in_order(course: Course, lesson_id: str) -> list[str]:
    """The reference keys of a lesson: what its text cites, in order, then its quizzes, then its warning signs."""
    ordered = notebook_citations(course.notebook_path(course.lesson(lesson_id)))
    quiz_keys = sorted({q.reference for quiz in course.lesson_quizzes(lesson_id) for q in quiz.questions})
    finding_keys = [key for finding in course.lesson_findings(lesson_id) for key in finding.references]
    return list(dict.fromkeys([*ordered, *quiz_keys, *finding_keys]))
