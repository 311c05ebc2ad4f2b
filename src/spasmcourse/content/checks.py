"""Rules that span fields and files: ids resolve, prerequisites form an order, answers make sense."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from spasmcourse.content.course import FINDINGS, MANIFEST, REFERENCES, Course
from spasmcourse.content.extra_checks import extras_problems
from spasmcourse.content.finding_checks import finding_problems
from spasmcourse.content.flow_rules import flowchart_issues
from spasmcourse.content.graphs import find_cycles
from spasmcourse.content.questions import (
    Categorize,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    SingleChoice,
)
from spasmcourse.content.reference_checks import entry_problems
from spasmcourse.content.suggest import suggestion
from spasmcourse.content.urgency_checks import urgency_problems
from spasmcourse.content.yamlfile import Location, YamlDocument
from spasmcourse.problems import Problem


def course_problems(course: Course) -> list[Problem]:
    """Every cross-field problem in the course's YAML files."""
    problems = list(_manifest_problems(course))
    problems += _reference_problems(course)
    for name in course.quiz_files:
        problems += _quiz_file_problems(course, name, course.documents[name])
    problems += _duplicate_quiz_ids(course)
    problems += finding_problems(course)
    problems += urgency_problems(course)
    problems += _flowchart_problems(course)
    problems += extras_problems(course)
    problems += _repeated_ids(course, problems)
    return problems


def _repeated_ids(course: Course, found: list[Problem]) -> Iterator[Problem]:
    """An id used twice in one list of any content file, where no rule above has said so already."""
    for name, document in course.documents.items():
        said = " ".join(problem.message for problem in found if problem.file == name)
        stack: list[tuple[Location, object]] = [((), document.data)]
        while stack:
            at, data = stack.pop()
            if isinstance(data, dict):
                stack += [((*at, key), value) for key, value in data.items() if isinstance(key, str)]
                continue
            if not isinstance(data, list):
                continue
            first: dict[str, int] = {}
            for index, entry in enumerate(data):
                stack.append(((*at, index), entry))
                entry_id = entry.get("id") if isinstance(entry, dict) else None
                if not isinstance(entry_id, str):
                    continue
                if entry_id in first and f"'{entry_id}'" not in said:
                    yield document.problem((*at, index, "id"), f"the id '{entry_id}' is used twice in this list "
                                           f"(also at position {first[entry_id] + 1})", "give each entry its own id")
                first.setdefault(entry_id, index)


def _manifest_problems(course: Course) -> Iterator[Problem]:
    document = course.documents[MANIFEST]
    lessons = course.lessons
    ids = [lesson.id for lesson in lessons]
    seen: dict[str, int] = {}
    seen_notebooks: dict[str, int] = {}
    for index, lesson in enumerate(lessons):
        if lesson.id in seen:
            yield document.problem(("lessons", index, "id"),
                                   f"duplicate lesson id '{lesson.id}' (also lessons[{seen[lesson.id]}])",
                                   "give each lesson its own id")
        seen.setdefault(lesson.id, index)
        if lesson.notebook in seen_notebooks:
            other = seen_notebooks[lesson.notebook]
            yield document.problem(("lessons", index, "notebook"),
                                   f"'{lesson.notebook}' is already used by lessons[{other}]",
                                   "give each lesson its own notebook")
        seen_notebooks.setdefault(lesson.notebook, index)
        if PurePosixPath(lesson.notebook).stem != lesson.id:
            yield document.problem(("lessons", index, "notebook"),
                                   f"notebook name '{lesson.notebook}' does not match the lesson id",
                                   f"name it notebooks/{lesson.id}.ipynb")
        for position, required in enumerate(lesson.requires):
            at = ("lessons", index, "requires", position)
            if required == lesson.id:
                yield document.problem(at, "a lesson cannot require itself", "remove it from requires")
            elif required not in ids:
                yield document.problem(at, f"unknown lesson '{required}'",
                                       suggestion(required, ids) or "use the id of a lesson listed above it")
            elif ids.index(required) > index:
                yield document.problem(at, f"'{required}' comes later in the course",
                                       "a lesson's prerequisites must come before it")
    yield from _cycles(course, document)


def _cycles(course: Course, document: YamlDocument) -> Iterator[Problem]:
    graph = {lesson.id: [r for r in lesson.requires if r != lesson.id] for lesson in course.lessons}
    index_of = {lesson.id: index for index, lesson in enumerate(course.lessons)}
    for node, cycle in find_cycles(graph):
        yield document.problem(("lessons", index_of[node], "requires"),
                               "prerequisites form a cycle: " + " -> ".join(cycle),
                               "a lesson may only require lessons that come before it; remove one of these")


def _reference_problems(course: Course) -> Iterator[Problem]:
    document = course.documents.get(REFERENCES)
    if document is None or REFERENCES in course.unreadable:
        return
    seen: set[str] = set()
    for index, item in enumerate(document.data.get("references", [])):
        key = item.get("key") if isinstance(item, dict) else None
        if key in seen:
            yield document.problem(("references", index, "key"), f"duplicate reference key '{key}'",
                                   "keep one entry per source, or give each its own key")
        seen.add(key)
        if isinstance(item, dict):
            yield from entry_problems(document, index, item)


def _quiz_file_problems(course: Course, name: str, document: YamlDocument) -> Iterator[Problem]:
    quiz_file = course.quiz_files[name]
    lesson_ids = [lesson.id for lesson in course.lessons]
    stem = PurePosixPath(name).stem
    if quiz_file.lesson not in lesson_ids:
        yield document.problem(("lesson",), f"unknown lesson '{quiz_file.lesson}'",
                               suggestion(quiz_file.lesson, lesson_ids) or f"use a lesson id from {MANIFEST}")
    elif stem != quiz_file.lesson:
        yield document.problem(("lesson",),
                               f"the file is named '{stem}' but belongs to lesson '{quiz_file.lesson}'",
                               f"name the file {quiz_file.lesson}.yml")
    for quiz_index, quiz in enumerate(quiz_file.quizzes):
        question_ids: set[str] = set()
        for question_index, question in enumerate(quiz.questions):
            at: Location = ("quizzes", quiz_index, "questions", question_index)
            if question.id in question_ids:
                yield document.problem((*at, "id"), f"duplicate question id '{question.id}' in this quiz",
                                       "give each question its own id")
            question_ids.add(question.id)
            yield from _question_problems(course, document, at, question)


def _question_problems(course: Course, document: YamlDocument, at: Location,
                       question: Question) -> Iterator[Problem]:
    if isinstance(question, SingleChoice | MultipleSelect):
        yield from _choice_problems(document, at, question)
    elif isinstance(question, Matching):
        pairs = list(enumerate(question.pairs))
        yield from _repeats(document, [((*at, "pairs", i, "term"), pair.term) for i, pair in pairs], "term")
        definitions = [((*at, "pairs", i, "definition"), pair.definition) for i, pair in pairs]
        definitions += [((*at, "distractors", i), text) for i, text in enumerate(question.distractors)]
        yield from _repeats(document, definitions, "definition")
    elif isinstance(question, Ordering):
        yield from _repeats(document, _texts(at, "items", [item.text for item in question.items]), "item")
    elif isinstance(question, Categorize):
        yield from _repeats(document, [((*at, "categories", i), name) for i, name in enumerate(question.categories)],
                            "category")
        yield from _repeats(document, _texts(at, "items", [item.text for item in question.items]), "item")
        for index, item in enumerate(question.items):
            if item.category not in question.categories:
                yield document.problem((*at, "items", index, "category"),
                                       f"'{item.category}' is not one of the categories",
                                       suggestion(item.category, list(question.categories))
                                       or f"use one of: {', '.join(question.categories)}")
    if REFERENCES not in course.unreadable and question.reference not in course.references:
        yield document.problem((*at, "reference"), f"unknown reference '{question.reference}'",
                               suggestion(question.reference, list(course.references))
                               or f"add it to {REFERENCES}")


def _choice_problems(document: YamlDocument, at: Location,
                     question: SingleChoice | MultipleSelect) -> Iterator[Problem]:
    correct = sum(option.correct for option in question.options)
    if question.type == "single" and correct != 1:
        yield document.problem((*at, "options"),
                               f"a single-choice question needs exactly one correct option, found {correct}",
                               "mark one option 'correct: true', or use type: multiple")
    if question.type == "multiple" and correct == 0:
        yield document.problem((*at, "options"), "no option is marked 'correct: true'",
                               "mark every right option with correct: true")
    if question.type == "multiple" and correct == len(question.options):
        yield document.problem((*at, "options"), "every option is correct, so the question tests nothing",
                               "add at least one wrong option")
    yield from _repeats(document, _texts(at, "options", [option.text for option in question.options]), "option")


def _texts(at: Location, field: str, texts: list[str]) -> list[tuple[Location, str]]:
    return [((*at, field, index, "text"), text) for index, text in enumerate(texts)]


def _repeats(document: YamlDocument, entries: list[tuple[Location, str]], what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for at, text in entries:
        if text in seen:
            yield document.problem(at, f"the {what} '{text}' appears twice",
                                   f"each {what} must be unique: change or remove this one")
        seen.add(text)


def _flowchart_problems(course: Course) -> Iterator[Problem]:
    known = None if REFERENCES in course.unreadable else set(course.references)
    findings = None if FINDINGS in course.unreadable else course.findings
    first: dict[str, str] = {}
    for name, chart in course.flowcharts.items():
        document = course.documents[name]
        stem = PurePosixPath(name).stem
        if stem != chart.id:
            yield document.problem(("id",), f"the file is named '{stem}' but the flowchart id is '{chart.id}'",
                                   f"name the file {chart.id}.yml")
        if chart.id in first:
            yield document.problem(("id",), f"flowchart id '{chart.id}' is already used in {first[chart.id]}",
                                   "give each flowchart its own id")
        first.setdefault(chart.id, name)
        for issue in flowchart_issues(chart, known, findings):
            yield document.problem(issue.location, issue.message, issue.hint)


def _duplicate_quiz_ids(course: Course) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for name, quiz_file in course.quiz_files.items():
        for index, quiz in enumerate(quiz_file.quizzes):
            if quiz.id in first:
                message = f"quiz id '{quiz.id}' is already used in {first[quiz.id]}"
                yield course.documents[name].problem(("quizzes", index, "id"), message, "give each quiz its own id")
            first.setdefault(quiz.id, name)
