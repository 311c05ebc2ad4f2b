"""What a lesson's Markdown cites, read without nbformat so the notebook kernel stays light."""

from __future__ import annotations

import json
import re
from pathlib import Path

# The generated start cell (content/start_cell.py) repeats lessons.yml; it is not lesson text.
START_ID = "lesson-start"
CITATION = re.compile(r"\]\(#ref-([a-z0-9-]+)\)")


def cited_keys(markdown: str) -> list[str]:
    """Reference keys cited as [text](#ref-key), in order of first appearance."""
    return list(dict.fromkeys(CITATION.findall(markdown)))


def _cells_text(path: Path, cell_type: str) -> str:
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    return "\n".join("".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                     for cell in cells if cell.get("cell_type") == cell_type and cell.get("id") != START_ID)


def notebook_markdown(path: Path) -> str:
    """All the Markdown of a notebook, cell after cell."""
    return _cells_text(path, "markdown")


def notebook_code(path: Path) -> str:
    """All the code of a notebook, cell after cell."""
    return _cells_text(path, "code")


def notebook_citations(path: Path) -> list[str]:
    """Reference keys cited in a notebook's Markdown cells, in order of first appearance."""
    return cited_keys(notebook_markdown(path))
