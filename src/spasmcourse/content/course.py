"""Load the whole course (manifest, quizzes, references, ...) into one object; checking is in rules/."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spasmcourse.content.models import (
    Explorer,
    Figure,
    FigureList,
    Glossary,
    Lesson,
    Manifest,
    Quiz,
    QuizFile,
    Reference,
    ReferenceList,
    SliderChart,
    Term,
)
from spasmcourse.content.models.cases import CaseStudy
from spasmcourse.content.models.findings import Finding, FindingList, urgency
from spasmcourse.content.models.flowcharts import Flowchart
from spasmcourse.content.reading import ModelT, YamlDocument, read_model
from spasmcourse.content.suggest import suggestion
from spasmcourse.problems import ContentError, Problem, relative_name

MANIFEST = "lessons.yml"
QUIZ_FOLDER = "assets/quizzes"
FLOWCHART_FOLDER = "assets/flowcharts"
EXPLORER_FOLDER = "assets/explorers"
CHART_FOLDER = "assets/charts"
CASE_FOLDER = "assets/cases"
FIGURE_FOLDER = "assets/figures"
FIGURE_LIST = "assets/figures/figures.yml"
GLOSSARY = "assets/glossary.yml"
REFERENCES = "assets/references.yml"
FINDINGS = "assets/triage/findings.yml"
ASSET_FOLDER = "assets"
ROOT_VARIABLE = "SPASMCOURSE_ROOT"


@dataclass(frozen=True)
class Course:
    """The validated course content, with the files it came from for locating problems."""

    root: Path
    manifest: Manifest
    quiz_files: dict[str, QuizFile]
    references: dict[str, Reference]
    flowcharts: dict[str, Flowchart]
    documents: dict[str, YamlDocument] = field(repr=False, compare=False)
    glossary: dict[str, Term] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    explorers: dict[str, Explorer] = field(default_factory=dict)
    charts: dict[str, SliderChart] = field(default_factory=dict)
    cases: dict[str, CaseStudy] = field(default_factory=dict)
    findings: dict[str, Finding] = field(default_factory=dict)
    unreadable: frozenset[str] = frozenset()

    @property
    def lessons(self) -> list[Lesson]:
        """The lessons in teaching order."""
        return list(self.manifest.lessons)

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson with this id, or a ContentError naming the known ids."""
        for lesson in self.manifest.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise ContentError([_not_found(MANIFEST, "lesson", lesson_id, [lesson.id for lesson in self.lessons])])

    def quiz(self, quiz_id: str) -> Quiz:
        """The quiz with this id from any lesson's quiz file."""
        return self._find_quiz(quiz_id)[1]

    def lesson_of_quiz(self, quiz_id: str) -> str:
        """The id of the lesson whose quiz file holds this quiz."""
        return self._find_quiz(quiz_id)[0]

    def lesson_quizzes(self, lesson_id: str) -> list[Quiz]:
        """The quizzes in a lesson's quiz file, in file order."""
        quiz_file = self.quiz_files.get(f"{QUIZ_FOLDER}/{lesson_id}.yml")
        return list(quiz_file.quizzes) if quiz_file else []

    def _find_quiz(self, quiz_id: str) -> tuple[str, Quiz]:
        for quiz_file in self.quiz_files.values():
            for quiz in quiz_file.quizzes:
                if quiz.id == quiz_id:
                    return quiz_file.lesson, quiz
        raise ContentError([_not_found(QUIZ_FOLDER, "quiz", quiz_id, sorted(self.quiz_ids()))])

    def quiz_ids(self) -> set[str]:
        """Every quiz id in the course."""
        return {quiz.id for file in self.quiz_files.values() for quiz in file.quizzes}

    def flowchart(self, flowchart_id: str) -> Flowchart:
        """The flowchart with this id."""
        for chart in self.flowcharts.values():
            if chart.id == flowchart_id:
                return chart
        known = sorted(chart.id for chart in self.flowcharts.values())
        raise ContentError([_not_found(FLOWCHART_FOLDER, "flowchart", flowchart_id, known)])

    def lesson_findings(self, lesson_id: str) -> list[Finding]:
        """The findings a lesson's warning-sign box lists, most urgent first, then in catalogue order."""
        listed = [finding for finding in self.findings.values() if lesson_id in finding.lessons]
        return sorted(listed, key=lambda finding: -urgency(finding.level))

    def explorer(self, explorer_id: str) -> Explorer:
        """The explorer with this id."""
        return _by_id(self.explorers, explorer_id, EXPLORER_FOLDER, "explorer")

    def chart(self, chart_id: str) -> SliderChart:
        """The slider chart with this id."""
        return _by_id(self.charts, chart_id, CHART_FOLDER, "slider chart")

    def case(self, case_id: str) -> CaseStudy:
        """The case study with this id."""
        return _by_id(self.cases, case_id, CASE_FOLDER, "case study")

    def figure(self, figure_id: str) -> Figure:
        """The figure with this id."""
        if figure_id not in self.figures:
            raise ContentError([_not_found(FIGURE_LIST, "figure", figure_id, sorted(self.figures))])
        return self.figures[figure_id]

    def notebook_path(self, lesson: Lesson) -> Path:
        """Where the lesson's notebook lives."""
        return self.root / lesson.notebook

    def neighbours(self, lesson_id: str) -> tuple[Lesson | None, Lesson | None]:
        """The lessons before and after this one in teaching order."""
        lessons = self.lessons
        index = [lesson.id for lesson in lessons].index(lesson_id)
        before = lessons[index - 1] if index > 0 else None
        after = lessons[index + 1] if index + 1 < len(lessons) else None
        return before, after


def _by_id(items: dict, item_id: str, folder: str, kind: str):
    for item in items.values():
        if item.id == item_id:
            return item
    raise ContentError([_not_found(folder, kind, item_id, sorted(item.id for item in items.values()))])


def _not_found(where: str, kind: str, item_id: str, known: list[str]) -> Problem:
    listed = f"use one of: {', '.join(known)}" if known else f"there is no {kind} yet"
    hint = suggestion(item_id, known)
    return Problem(where, message=f"no {kind} '{item_id}'", hint=f"{hint} {listed}" if hint else listed)


def find_course_root(start: Path | None = None) -> Path:
    """The folder holding lessons.yml: $SPASMCOURSE_ROOT, or the nearest one above `start`."""
    configured = os.environ.get(ROOT_VARIABLE)
    if configured:
        return Path(configured).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MANIFEST).is_file():
            return folder
    raise ContentError(
        [Problem(MANIFEST, message=f"not found in {here} or any folder above it",
                 hint=f"run from the course folder or set {ROOT_VARIABLE}")]
    )


def read_course(root: Path) -> tuple[Course | None, list[Problem]]:
    """Read every content file into models; return what could be read and every reading problem.

    Rules across fields and files are not run here (see spasmcourse.content.rules). The course is
    None only when lessons.yml itself cannot be read. A course is read once per process while none
    of its content files changes.
    """
    course, problems = _read_course(root, content_signature(root))
    return course, list(problems)


def content_signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Path, modification time and size of every content file, so a changed file means a fresh read."""
    files = [root / MANIFEST, *sorted(path for path in (root / ASSET_FOLDER).rglob("*") if path.is_file())]
    return tuple((str(path), stat.st_mtime_ns, stat.st_size) for path in files if (stat := _stat(path)) is not None)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


@lru_cache(maxsize=8)
def _read_course(root: Path, signature: tuple[tuple[str, int, int], ...]) -> tuple[Course | None, tuple[Problem, ...]]:
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    broken: set[str] = set()

    def read(path: Path, model: type[ModelT]) -> ModelT | None:
        item, document, found = read_model(path, root, model)
        name = relative_name(path, root)
        if document is not None:
            documents[name] = document
        if found:
            problems.extend(found)
            broken.add(name)
        return item

    def read_folder(folder: str, model: type[ModelT]) -> dict[str, ModelT]:
        items = {relative_name(path, root): read(path, model) for path in sorted((root / folder).glob("*.yml"))}
        return {name: item for name, item in items.items() if item is not None}

    def read_optional(name: str, model: type[ModelT]) -> ModelT | None:
        return read(root / name, model) if _present(root / name) else None

    manifest = read(root / MANIFEST, Manifest)
    reference_list = read(root / REFERENCES, ReferenceList)
    finding_list = read(root / FINDINGS, FindingList)
    quiz_files = read_folder(QUIZ_FOLDER, QuizFile)
    flowcharts = read_folder(FLOWCHART_FOLDER, Flowchart)
    glossary = read_optional(GLOSSARY, Glossary)
    figure_list = read_optional(FIGURE_LIST, FigureList)
    explorers = read_folder(EXPLORER_FOLDER, Explorer)
    charts = read_folder(CHART_FOLDER, SliderChart)
    cases = read_folder(CASE_FOLDER, CaseStudy)
    if manifest is None:
        return None, tuple(problems)
    course = Course(root, manifest, quiz_files,
                    {ref.key: ref for ref in reference_list.references} if reference_list else {},
                    flowcharts, documents,
                    glossary={term.id: term for term in glossary.terms} if glossary else {},
                    figures={figure.id: figure for figure in figure_list.figures} if figure_list else {},
                    explorers=explorers, charts=charts, cases=cases,
                    findings={finding.id: finding for finding in finding_list.findings} if finding_list else {},
                    unreadable=frozenset(broken))
    return course, tuple(problems)


def _present(path: Path) -> bool:
    """An optional file that is there, or a link standing in its place (which read() then reports)."""
    return path.exists() or path.is_symlink()
