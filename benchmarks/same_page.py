"""Our page of the same 8 questions jupyterquiz shows: one extra lesson in a copy of the course, built as usual."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import yaml
from common import BIN, log, run

LESSON = "99-same-questions"
QUIZ_ID = "same-questions"


def same_questions_course(course: Path, target: Path, questions: list[dict]) -> Path:
    """A copy of the course with one more lesson (orientation, so exempt from the content rules) showing `questions`."""
    shutil.copytree(course, target, ignore=shutil.ignore_patterns("_build"))
    renamed = [{**question, "id": f"same-{question['id']}"} for question in questions]
    quiz_file = {"lesson": LESSON, "quizzes": [{"id": QUIZ_ID, "title": f"The same {len(questions)} questions",
                                                "questions": renamed}]}
    (target / "assets" / "quizzes" / f"{LESSON}.yml").write_text(
        yaml.safe_dump(quiz_file, sort_keys=False, allow_unicode=True), encoding="utf-8")
    manifest = yaml.safe_load((target / "lessons.yml").read_text(encoding="utf-8"))
    manifest["lessons"].append({"id": LESSON, "title": f"The same {len(questions)} questions",
                                "notebook": f"notebooks/{LESSON}.ipynb", "minutes": 5,
                                "objectives": ["Answer the questions"], "requires": [], "orientation": True})
    (target / "lessons.yml").write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True),
                                        encoding="utf-8")
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                 "display_name": "Python 3 (ipykernel)"}})
    hidden = {"tags": ["remove-input"]}
    notebook.cells = [nbformat.v4.new_markdown_cell(f"# The same {len(questions)} questions"),
                      nbformat.v4.new_code_cell(f'from spasmcourse import lesson_intro\nlesson_intro("{LESSON}")',
                                                metadata=hidden),
                      nbformat.v4.new_code_cell(f'from spasmcourse import quiz\nquiz("{QUIZ_ID}")', metadata=hidden)]
    nbformat.write(notebook, target / "notebooks" / f"{LESSON}.ipynb")
    return target


def build_same_questions_page(course: Path, target: Path, questions: list[dict]) -> Path:
    """Our page of `questions`, through `spasmcourse build --only html` of the extended copy."""
    log(f"peer: building our page of the same {len(questions)} questions (a copy of the course with one more lesson)")
    copy = same_questions_course(course, target, questions)
    run([BIN / "spasmcourse", "--root", copy, "build", "--only", "html"], copy)
    return copy / "_build" / "html" / f"{LESSON}.html"
