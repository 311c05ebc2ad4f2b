"""Tell a learner's working copy (state from a JupyterLab session) from a broken commit.

Stored outputs, execution counts and teacher's notes left open are problems only in a
notebook as committed: when the course is a git checkout and the notebook at HEAD has them.
Anywhere else (an edited working copy, a download without git) they are a note: the build
runs a clean copy, and the save hook writes clean notebooks.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from spasmcourse.lab.clean import has_session_state, is_teacher_notes


def stored_output_cells(notebook: dict[str, Any]) -> list[int]:
    """The numbers of the code cells that hold outputs or an execution count."""
    return [number for number, cell in enumerate(notebook.get("cells", []))
            if cell.get("cell_type") == "code" and (cell.get("outputs") or cell.get("execution_count"))]


def committed_notebook(root: Path, path: Path) -> dict[str, Any] | None:
    """The notebook as committed at HEAD, or None when there is no git, no commit or it is untracked."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        name = path.resolve().relative_to(root.resolve()).as_posix()
        shown = subprocess.run([git, "-C", str(root), "show", f"HEAD:./{name}"],
                               capture_output=True, timeout=30, check=False)
    except (ValueError, OSError, subprocess.SubprocessError):
        return None
    if shown.returncode != 0:
        return None
    try:
        committed = json.loads(shown.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return committed if isinstance(committed, dict) else None


def open_notes_cells(notebook: dict[str, Any]) -> list[int]:
    """The numbers of the teacher's notes cells that JupyterLab would show expanded to a learner."""
    return [number for number, cell in enumerate(notebook.get("cells", []))
            if is_teacher_notes(cell) and not cell.get("metadata", {}).get("jupyter", {}).get("source_hidden")]


def session_note(name: str, notebook: dict[str, Any]) -> str | None:
    """A note when a notebook carries state from a JupyterLab session, else None."""
    if not has_session_state(notebook):
        return None
    cells = stored_output_cells(notebook)
    what = f"outputs in {len(cells)} cell{'s' if len(cells) != 1 else ''}" if cells else "session metadata"
    return (f"{name}: holds {what} from a JupyterLab session (a learner's working copy: fine, the build "
            "runs a clean copy; `spasmcourse check --fix` clears it)")
