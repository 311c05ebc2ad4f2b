"""The build cache: a lesson is executed and exported again only when something it is made from changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from spasmcourse.content import Course
from spasmcourse.content.course import FIGURE_LIST, FINDINGS, GLOSSARY, REFERENCES
from spasmcourse.content.models import Lesson
from spasmcourse.content.notebook_text import notebook_code
from spasmcourse.content.rules.notebooks import ELEMENT_CALL
from spasmcourse.lab.clean import clean_notebook

CACHE_FILE = ".cache/lessons.json"
MEMO_FILE = ".cache/memo.json"
MANIFEST = "lessons.yml"
_SHARED_INPUTS = (MANIFEST, GLOSSARY, REFERENCES, FIGURE_LIST, FINDINGS)


def lesson_inputs(course: Course, lesson: Lesson) -> list[str]:
    """The course files (relative paths) that a lesson's page and deck are made from."""
    code = notebook_code(course.notebook_path(lesson))
    inputs = {*_SHARED_INPUTS, lesson.notebook}
    quiz_files = course.quiz_files
    if "final_assessment(" in code or "progress_dashboard(" in code:
        inputs.update(quiz_files)
    for name, quiz_file in quiz_files.items():
        if Path(name).stem == lesson.id or any(quiz.id in _called(code, "quiz") for quiz in quiz_file.quizzes):
            inputs.add(name)
    for kind, found in (("flowchart", course.flowcharts), ("explorer", course.explorers),
                        ("slider_chart", course.charts), ("case_study", course.cases)):
        inputs.update(name for name, item in found.items() if item.id in _called(code, kind))
    figures = Path(FIGURE_LIST).parent
    inputs.update(f"{figures}/{course.figure(figure_id).file}" for figure_id in _called(code, "figure"))
    return sorted(inputs)


def lesson_key(course: Course, lesson: Lesson, settings: str) -> str:
    """A fingerprint of everything a lesson's output depends on: its inputs, the library, the settings."""
    digest = hashlib.sha256(f"{library_fingerprint()}\n{settings}\n".encode())
    for name in lesson_inputs(course, lesson):
        path = course.root / name
        digest.update(name.encode() + b"\0" + _input_bytes(path) + b"\0")
    return digest.hexdigest()


def _input_bytes(path: Path) -> bytes:
    """A file's bytes; for a notebook, its clean form, so a learner's saved outputs do not force a rebuild."""
    if not path.is_file():
        return b"(missing)"
    data = path.read_bytes()
    if path.suffix != ".ipynb":
        return data
    try:
        return json.dumps(clean_notebook(json.loads(data)), sort_keys=True).encode()
    except (ValueError, AttributeError, TypeError):
        return data


@cache
def library_fingerprint() -> str:
    """A hash of the installed spasmcourse package's files and of the nbconvert and nbclient versions."""
    package = Path(str(files("spasmcourse")))
    digest = hashlib.sha256(f"nbconvert {version('nbconvert')} nbclient {version('nbclient')}".encode())
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class BuildCache:
    """The keys of the lesson outputs already in a build folder, per lesson and format."""

    def __init__(self, out: Path) -> None:
        self.path, self.memo_path = out / CACHE_FILE, out / MEMO_FILE
        self.keys: dict[str, dict[str, str]] = _read_json(self.path)
        self.memos: dict[str, object] = _read_json(self.memo_path)
        self.used: dict[str, object] = {}

    def fresh(self, lesson_id: str, output_format: str, key: str, output: Path) -> bool:
        """Whether the output on disk was made from exactly these inputs."""
        return self.keys.get(lesson_id, {}).get(output_format) == key and output.is_file()

    def record(self, lesson_id: str, output_format: str, key: str) -> None:
        """Remember that this output now matches this key."""
        self.keys.setdefault(lesson_id, {})[output_format] = key

    def remembered(self, key: str, make: Callable[[], object]) -> object:
        """What `make()` returned in an earlier build for this key (a fingerprint of all it depends on).

        The value must survive JSON. Only what this build asked for is kept by `save`.
        """
        if key not in self.used:
            self.used[key] = self.memos[key] if key in self.memos else make()
        return self.used[key]

    def save(self) -> None:
        """Write the keys next to the outputs, and the values remembered in this build."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.keys, indent=1, sort_keys=True), encoding="utf-8")
        if self.used:
            self.memo_path.write_text(json.dumps(self.used, sort_keys=True), encoding="utf-8")


def text_key(*parts: str) -> str:
    """A fingerprint of some texts and of the library that turns them into a remembered value."""
    digest = hashlib.sha256(library_fingerprint().encode())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _called(code: str, kind: str) -> set[str]:
    return {element_id for called, element_id in ELEMENT_CALL.findall(code) if called == kind}
