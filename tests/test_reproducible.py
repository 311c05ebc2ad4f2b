"""Lessons are reproducible: run twice they show the same thing, and they are committed clean."""

from __future__ import annotations

import copy
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import nbformat
import pytest

from conftest import REPO
from spasmcourse.content import load_course
from spasmcourse.publish.execute import execute_notebook

COURSE = load_course(REPO)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# What may differ between two runs, and why; everything else in an output must be identical.
KNOWN_TO_VARY = {
    (WIDGET_VIEW, "model_id"): "ipywidgets gives each widget a new random id in every kernel",
}


def comparable(outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The outputs with only the values listed in KNOWN_TO_VARY blanked out."""
    kept = copy.deepcopy(outputs)
    for output in kept:
        for (mime, key) in KNOWN_TO_VARY:
            value = output.get("data", {}).get(mime)
            if isinstance(value, dict) and key in value:
                value[key] = "<varies>"
    return kept


@pytest.mark.parametrize("lesson", COURSE.lessons, ids=lambda lesson: lesson.id)
def test_a_lesson_run_twice_shows_the_same(lesson) -> None:
    path = COURSE.notebook_path(lesson)
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(lambda _: execute_notebook(path, lesson.notebook), range(2))
    code = [(a, b) for a, b in zip(first.cells, second.cells, strict=True) if a.cell_type == "code"]
    assert any(a.outputs for a, _ in code), "nothing was shown"
    for number, (a, b) in enumerate(code):
        assert [o.output_type for o in a.outputs if o.output_type == "error"] == []
        assert a.execution_count == b.execution_count
        assert comparable(a.outputs) == comparable(b.outputs), f"code cell {number} differs:\n{a.source}"


def committed_notebooks() -> list[Path]:
    """Every notebook in notebooks/, listed as a lesson or not."""
    listed = {COURSE.notebook_path(lesson) for lesson in COURSE.lessons}
    return sorted(listed | set((REPO / "notebooks").glob("*.ipynb")))


@pytest.mark.parametrize("path", committed_notebooks(), ids=lambda path: path.name)
def test_committed_notebook_is_clean(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert (raw["nbformat"], raw["nbformat_minor"]) >= (4, 5)
    nbformat.validate(nbformat.from_dict(raw))
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    assert raw["metadata"]["kernelspec"]["language"] == "python"
    ids = [cell.get("id") for cell in raw["cells"]]
    assert all(ids) and len(set(ids)) == len(ids), "every cell needs its own id"
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"cell {cell['id']} has stored outputs"
            assert cell["execution_count"] is None, f"cell {cell['id']} has an execution count"
