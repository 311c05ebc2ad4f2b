"""A Jupyter Server pre-save hook that keeps course notebooks clean while a learner uses them.

Enabled by binder/server-config.json (installed by `make lab`, binder/postBuild and the hub
instructions) as `ContentsManager.pre_save_hook`. Only notebooks listed in the `lessons.yml`
of a folder above them are touched; every other file is saved as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from spasmcourse.lab.clean import clean_notebook

MANIFEST = "lessons.yml"


def pre_save_hook(model: dict[str, Any], path: str, contents_manager: Any = None, **_: Any) -> None:
    """Drop outputs, execution counts and session metadata from a course notebook before it is written."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    root = Path(getattr(contents_manager, "root_dir", ".") or ".")
    if is_course_notebook(root / path.lstrip("/")):
        clean_notebook(model["content"])


def is_course_notebook(path: Path) -> bool:
    """Whether `path` is a lesson notebook of the course whose lessons.yml is in a folder above it."""
    target = path.resolve()
    for folder in target.parents:
        manifest = folder / MANIFEST
        if manifest.is_file():
            return target in _listed_notebooks(manifest)
    return False


def _listed_notebooks(manifest: Path) -> set[Path]:
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return set()
    lessons = data.get("lessons") if isinstance(data, dict) else None
    return {(manifest.parent / lesson["notebook"]).resolve() for lesson in lessons or []
            if isinstance(lesson, dict) and isinstance(lesson.get("notebook"), str)}
