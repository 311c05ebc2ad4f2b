"""A lesson notebook as it is committed: no outputs, no execution counts, no volatile metadata.

Used by the JupyterLab save hook (so a learner's saves stay clean), by the build (which runs
a stripped copy) and by `spasmcourse check --fix`. A learner's own edits to cells are kept.
"""

from __future__ import annotations

import copy
from typing import Any

# What ipykernel reports and JupyterLab writes, without the Python version, which differs per machine.
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# Cell metadata that records a session (timings, output scrolling or collapsing), not content.
VOLATILE_CELL_KEYS = ("execution", "scrolled", "collapsed", "trusted")
VOLATILE_NOTEBOOK_KEYS = ("widgets",)
NOTES = "notes"


def is_teacher_notes(cell: dict[str, Any]) -> bool:
    """Whether a cell is a teacher's speaker note (a Markdown cell of slide type "notes")."""
    return (cell.get("cell_type") == "markdown"
            and cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == NOTES)


def clean_notebook(notebook: dict[str, Any]) -> dict[str, Any]:
    """Strip `notebook` (a notebook as JSON or a NotebookNode) in place, and return it."""
    for cell in notebook.get("cells", []):
        metadata = cell.setdefault("metadata", {})
        for key in VOLATILE_CELL_KEYS:
            metadata.pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        if is_teacher_notes(cell):
            metadata.setdefault("jupyter", {})["source_hidden"] = True
    metadata = notebook.setdefault("metadata", {})
    for key in VOLATILE_NOTEBOOK_KEYS:
        metadata.pop(key, None)
    if metadata.get("kernelspec", {}).get("name") == KERNELSPEC["name"]:
        metadata["kernelspec"] = dict(KERNELSPEC)
    if metadata.get("language_info", {}).get("name") == LANGUAGE_INFO["name"]:
        metadata["language_info"] = {**LANGUAGE_INFO, "codemirror_mode": dict(LANGUAGE_INFO["codemirror_mode"])}
    return notebook


def has_session_state(notebook: dict[str, Any]) -> bool:
    """Whether saving `notebook` clean would change it (outputs, counts or volatile metadata)."""
    return clean_notebook(copy.deepcopy(notebook)) != notebook
