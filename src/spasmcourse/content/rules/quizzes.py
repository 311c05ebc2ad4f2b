"""Rules for quiz files: the file matches its lesson, ids are unique, answers make sense."""

from __future__ import annotations

from collections.abc import Iterator

from spasmcourse.content.course import MANIFEST, Course
from spasmcourse.content.models.questions import Categorize, Matching, MultipleSelect, Ordering, Question, SingleChoice
from spasmcourse.content.reading import Location, YamlDocument
from spasmcourse.content.rules.shared import (
    file_named_for,
    ids_in_two_files,
    known_references,
    repeats,
    unknown_reference,
)
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem


def quiz_problems(course: Course) -> Iterator[Problem]:
    """Every problem in the quiz files that their model alone cannot see."""
    for name in course.quiz_files:
        yield from _quiz_file_problems(course, name, course.documents[name])
    yield from ids_in_two_files(((course.documents[name], ("quizzes", index, "id"), quiz.id)
                                 for name, quiz_file in course.quiz_files.items()
                                 for index, quiz in enumerate(quiz_file.quizzes)), "quiz")


def _quiz_file_problems(course: Course, name: str, document: YamlDocument) -> Iterator[Problem]:
    quiz_file = course.quiz_files[name]
    lesson_ids = [lesson.id for lesson in course.lessons]
    if quiz_file.lesson not in lesson_ids:
        yield document.problem(("lesson",), f"unknown lesson '{quiz_file.lesson}'",
                               suggestion(quiz_file.lesson, lesson_ids) or f"use a lesson id from {MANIFEST}")
    else:
        yield from file_named_for(document, quiz_file.lesson, f"belongs to lesson '{quiz_file.lesson}'", ("lesson",))
    known = known_references(course)
    for quiz_index, quiz in enumerate(quiz_file.quizzes):
        questions: list[tuple[Location, Question]] = [(("quizzes", quiz_index, "questions", index), question)
                                                      for index, question in enumerate(quiz.questions)]
        for at, question, _ in repeats(questions, key=lambda question: question.id):
            yield document.problem((*at, "id"), f"duplicate question id '{question.id}' in this quiz",
                                   "give each question its own id")
        for at, question in questions:
            yield from _question_problems(document, at, question, known)


def _question_problems(document: YamlDocument, at: Location, question: Question,
                       known: set[str] | None) -> Iterator[Problem]:
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
    yield from unknown_reference(document, (*at, "reference"), question.reference, known)


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
    for at, text, _ in repeats(entries):
        yield document.problem(at, f"the {what} '{text}' appears twice",
                               f"each {what} must be unique: change or remove this one")
