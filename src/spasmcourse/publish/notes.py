"""A lesson notebook read as a teacher reads it: slide sections, speaker notes, timings, questions to ask."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import nbformat
from markupsafe import Markup
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

from spasmcourse.content.rules.notebooks import KEY_POINTS

NOTES_LABEL = "**Teacher's notes:**"
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_MINUTES = re.compile(r"\babout (\d+) minutes?\b", re.I)
_ASK = re.compile(r"\bask\b[^*:.]{0,40}:\s*\*\"(.+?)\"\*", re.I | re.S)
_INTERNAL_LINK = re.compile(r"\[([^\]]+)\]\(#[^)]*\)")


@dataclass(frozen=True)
class DiscussionQuestion:
    """A question the notes tell the teacher to ask, with the answer they expect if the notes give one."""

    text: str
    answer: str | None = None


@dataclass
class Section:
    """One slide and what follows it up to the next slide: its title and its speaker notes."""

    title: str
    notes: list[str] = field(default_factory=list)

    @property
    def minutes(self) -> int | None:
        """The minutes the notes give this section ("About 2 minutes."), or None if they give none."""
        found = [minutes for note in self.notes if (minutes := note_minutes(note)) is not None]
        return sum(found) if found else None

    @property
    def questions(self) -> list[DiscussionQuestion]:
        """The discussion questions of this section's notes, in order."""
        return [question for note in self.notes for question in discussion_questions(note)]


def slide_type(cell: nbformat.NotebookNode) -> str:
    """The cell's slideshow type ("slide", "notes", ...), or "-" when it has none."""
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


def lesson_sections(notebook: nbformat.NotebookNode) -> list[Section]:
    """The notebook's sections: each Markdown slide starts one, titled by its first heading."""
    sections: list[Section] = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and slide_type(cell) == "slide":
            sections.append(Section(_title(cell.source)))
        elif cell.cell_type == "markdown" and slide_type(cell) == "notes":
            if not sections:
                sections.append(Section(""))
            sections[-1].notes.append(notes_body(cell.source))
    return sections


def notes_body(source: str) -> str:
    """The notes without their "Teacher's notes:" label."""
    return source.strip().removeprefix(NOTES_LABEL).strip()


def note_minutes(note: str) -> int | None:
    """The minutes a note gives ("About 3 minutes"), or None."""
    match = _MINUTES.search(note)
    return int(match.group(1)) if match else None


def discussion_questions(note: str) -> list[DiscussionQuestion]:
    """Every Ask: *"...?"* of a note, with the expected answer written after it in parentheses."""
    questions = []
    for match in _ASK.finditer(note):
        answer = _parenthesis(note[match.end():].lstrip())
        questions.append(DiscussionQuestion(_plain(match.group(1)), _plain(answer) if answer else None))
    return questions


def key_points(notebook: nbformat.NotebookNode) -> str:
    """The Markdown of the "Key points" cell without its heading, or "" when there is none."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and KEY_POINTS.search(cell.source):
            return KEY_POINTS.sub("", cell.source, count=1).strip()
    return ""


def markdown_html(source: str) -> Markup:
    """Course Markdown as HTML, raw HTML escaped, links to anchors of the lesson page kept as text."""
    renderer = IPythonRenderer(escape=True, allow_harmful_protocols=False, exclude_anchor_links=True)
    return Markup(MarkdownWithMath(renderer=renderer).render(_INTERNAL_LINK.sub(r"\1", source)))


def _title(source: str) -> str:
    match = _HEADING.search(source)
    first_line = next((line for line in source.splitlines() if line.strip()), "")
    return _plain(match.group(1) if match else first_line)


def _plain(markdown: str) -> str:
    text = _INTERNAL_LINK.sub(r"\1", markdown).replace("*", "").replace("`", "")
    return " ".join(text.split())


def _parenthesis(text: str) -> str | None:
    if not text.startswith("("):
        return None
    depth = 0
    for index, character in enumerate(text):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth == 0:
            return text[1:index]
    return None
