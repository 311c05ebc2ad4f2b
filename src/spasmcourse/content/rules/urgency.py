"""Quiz answers and case decisions that state an urgency must agree with the findings catalogue.

A text that names an advice level declares it in `triage`: a question (or case step) names the
findings it is about and each option (or decision) the level it gives, or the question names a
level and each option the findings it lists. Then the right answers are exactly those the
catalogue agrees with, so a quiz can never teach an urgency a flowchart contradicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spasmcourse.content.course import FINDINGS, Course
from spasmcourse.content.models.findings import Urgency, most_urgent, urgency
from spasmcourse.content.models.questions import Categorize, MultipleSelect, Question, SingleChoice, TrueFalse
from spasmcourse.content.reading import Location, YamlDocument
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import Problem

ADVICE = re.compile(r"emergency (help|care|number|department)|get help (now|today)|urgent (appointment|care)|"
                    r"same[- ]day|medical help today|routine appointment|ordinary appointment|\bself-care\b", re.I)


def urgency_problems(course: Course) -> Iterator[Problem]:
    """Every quiz question and case decision whose stated urgency is undeclared or disagrees with the catalogue."""
    if FINDINGS in course.unreadable:
        return
    for name, quiz_file in course.quiz_files.items():
        document = course.documents[name]
        for quiz_index, quiz in enumerate(quiz_file.quizzes):
            for index, question in enumerate(quiz.questions):
                yield from _question(course, document, ("quizzes", quiz_index, "questions", index), question)
    for name, case in course.cases.items():
        document = course.documents[name]
        for index, step in enumerate(case.steps):
            at: Location = ("steps", index)
            yield from _known(course, document, (*at, "triage"), step.triage)
            for number, choice in enumerate(step.choices):
                where: Location = (*at, "choices", number)
                yield from _known(course, document, (*where, "triage"), choice.triage)
                if step.triage and step.triage.level:
                    yield from _lists(course, document, where, step.triage, choice.triage, choice.best, "best")
                else:
                    yield from _stated(course, document, where, choice.label, step.triage, choice.triage,
                                       choice.best, "best: true")
            yield from _declared_right((*at, "choices"), document,
                                       [(choice.triage, choice.best) for choice in step.choices], "best: true")


def _known(course: Course, document: YamlDocument, at: Location, declared: Urgency | None) -> Iterator[Problem]:
    for position, finding in enumerate(declared.findings or [] if declared else []):
        if finding not in course.findings:
            yield document.problem((*at, "findings", position), f"unknown finding '{finding}'",
                                   suggestion(finding, sorted(course.findings)) or f"use an id from {FINDINGS}")


def _level_of(course: Course, declared: Urgency | None) -> str | None:
    """The level the catalogue gives what was declared: self-care for none of its findings; None if undeclared."""
    if declared is None:
        return None
    known = [course.findings[f].level for f in declared.findings or [] if f in course.findings]
    if declared.findings and not known:
        return None
    return most_urgent(known)


def _stated(course: Course, document: YamlDocument, at: Location, text: str, about: Urgency | None,
            says: Urgency | None, right: bool, marker: str) -> Iterator[Problem]:
    """An option or decision: does the level it names fit the findings its question is about?

    A right answer must give the catalogue's level; a wrong one may share it (wrong for another reason).
    """
    if says is None or says.level is None:
        if ADVICE.search(text):
            yield document.problem(at, f"'{text[:60]}' names an advice level but does not declare it",
                                   "add triage: {level: ...} here and triage: {findings: [...]} to its question")
        return
    needed = _level_of(course, about)
    if about is None:
        yield document.problem((*at, "triage", "level"), "names a level, but its question declares no triage",
                               "add triage: {findings: [...]} to the question or step, from " + FINDINGS
                               + " (triage: {} for a story with none of them)")
    elif needed is not None and right and says.level != needed:
        yield document.problem((*at, "triage", "level"),
                               f"says {says.level} and is marked right, but the catalogue gives {needed} for "
                               f"{', '.join(about.findings or []) or 'a story with none of its findings'}",
                               f"give the right answer the catalogue's level, or fix {marker}")


def _declared_right(at: Location, document: YamlDocument, answers: list[tuple[Urgency | None, bool]],
                    marker: str) -> Iterator[Problem]:
    """Where any answer names a level, the right answers must name theirs too, so the key can be checked."""
    if any(says and says.level for says, _ in answers):
        for number, (says, right) in enumerate(answers):
            if right and not (says and (says.level or says.findings)):
                yield document.problem((*at, number), f"is marked {marker} but declares no level, while "
                                       "other answers do", "add triage: {level: ...} to it")


def _question(course: Course, document: YamlDocument, at: Location, question: Question) -> Iterator[Problem]:
    yield from _known(course, document, (*at, "triage"), question.triage)
    if isinstance(question, SingleChoice | MultipleSelect):
        for number, option in enumerate(question.options):
            where: Location = (*at, "options", number)
            yield from _known(course, document, (*where, "triage"), option.triage)
            if (option.triage and option.triage.findings) or (
                    question.triage and question.triage.level and not (option.triage and option.triage.level)):
                yield from _lists(course, document, where, question.triage, option.triage, option.correct,
                                  "correct")
            else:
                yield from _stated(course, document, where, option.text, question.triage, option.triage,
                                   option.correct, "correct: true")
        yield from _declared_right((*at, "options"), document,
                                   [(option.triage, option.correct) for option in question.options], "correct: true")
    elif isinstance(question, TrueFalse) and question.triage and question.triage.level:
        needed = _level_of(course, question.triage)
        if needed is None:
            yield document.problem((*at, "triage"), "names a level but no findings",
                                   f"add the findings the statement is about, from {FINDINGS}")
        elif (needed == question.triage.level) != question.answer:
            yield document.problem((*at, "answer"), f"the statement says {question.triage.level}, the catalogue "
                                   f"gives {needed}, so the answer must be {needed == question.triage.level}",
                                   "fix the answer or the statement")
    elif isinstance(question, Categorize) and question.triage and question.triage.categories:
        yield from _sorted(course, document, at, question)


def _lists(course: Course, document: YamlDocument, at: Location, asked: Urgency | None, lists: Urgency | None,
           right: bool, marker: str) -> Iterator[Problem]:
    """An option that lists findings (none: an ordinary feature), in a question asking which need a level."""
    if asked is None or asked.level is None:
        yield document.problem((*at, "triage", "findings"), "lists findings, but its question names no level",
                               "add triage: {level: ...} to the question")
        return
    needed = "self-care" if lists is None else _level_of(course, lists)
    if needed is not None and (urgency(needed) >= urgency(asked.level)) != right:
        named = ", ".join(lists.findings or []) if lists else "an option that names no finding"
        yield document.problem((*at, marker), f"the catalogue gives {needed} for {named}, "
                               f"so this answer is {'right' if not right else 'wrong'} for a question about "
                               f"{asked.level}", f"fix {marker}:, or declare the findings it lists with triage")


def _sorted(course: Course, document: YamlDocument, at: Location, question: Categorize) -> Iterator[Problem]:
    levels = question.triage.categories or {}
    for name in levels:
        if name not in question.categories:
            yield document.problem((*at, "triage", "categories"), f"'{name}' is not one of the categories",
                                   suggestion(name, list(question.categories)) or "use a category name")
    for number, item in enumerate(question.items):
        yield from _known(course, document, (*at, "items", number, "triage"), item.triage)
        needed = "self-care" if item.triage is None else _level_of(course, item.triage)
        if item.category not in levels or needed is None:
            continue
        if item.triage is None and levels[item.category] != "self-care":
            yield document.problem((*at, "items", number), "is sorted by urgency but names no findings",
                                   f"add triage: {{findings: [...]}} from {FINDINGS}")
        elif needed != levels[item.category]:
            yield document.problem((*at, "items", number, "category"),
                                   f"is sorted under '{item.category}' ({levels[item.category]}), but the catalogue "
                                   f"gives {needed} for {', '.join(item.triage.findings or [])}",
                                   "sort it under the category of the catalogue's level")
