"""What an exported lesson page is made of: its sections and quiz questions, read from the page itself."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from markupsafe import escape

_SKIPPED = ("script", "style", "noscript", "svg", "template", "nav")
_SKIPPED_CLASSES = frozenset({"sc-quiz", "sc-static-note", "sc-term-tip"})
_QUESTION_CLASS = "sc-question"


@dataclass
class Section:
    """A heading of the page (with its id) and the text under it, up to the next heading."""

    anchor: str
    title: str
    level: int
    words: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The section's visible text, in one line."""
        return " ".join(self.words)


@dataclass(frozen=True)
class PageQuestion:
    """A quiz question shown on the page: its element id and prompt."""

    anchor: str
    prompt: str


Outline = tuple[list[Section], list[PageQuestion]]


def page_outline(html: str) -> Outline:
    """The sections (h1 to h3 with an id) and quiz questions of a page's main content."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main") or soup
    sections: list[Section] = []
    questions = [PageQuestion(form["id"], _clean(form.find(class_="sc-prompt").get_text(" ")))
                 for form in main.find_all("form", class_=_QUESTION_CLASS) if form.find(class_="sc-prompt")]
    for node in main.descendants:
        if isinstance(node, Tag) and node.name in ("h1", "h2", "h3") and node.get("id") and not _hidden(node):
            sections.append(Section(node["id"], _clean(node.get_text(" ").replace("\u00b6", "")), int(node.name[1])))
        elif isinstance(node, NavigableString) and sections and not _hidden(node):
            words = node.strip()
            if words and not _inside_heading(node):
                sections[-1].words.append(_clean(words))
    return sections, questions


def outline_json(outline: Outline) -> dict[str, list[dict]]:
    """An outline as JSON-ready data, to keep between builds."""
    sections, questions = outline
    return {"sections": [asdict(section) for section in sections],
            "questions": [asdict(question) for question in questions]}


def outline_from_json(data: dict[str, list[dict]]) -> Outline:
    """The outline `outline_json` made the data from."""
    return [Section(**section) for section in data["sections"]], [PageQuestion(**q) for q in data["questions"]]


def table_of_contents(html: str, label: str) -> str:
    """The page with a list of its second-level sections inserted after the cell holding its title."""
    soup = BeautifulSoup(html, "html.parser")
    title = soup.find("h1")
    cell = title.find_parent(class_="jp-Cell") if title else None
    following = cell.find_next_sibling(class_="jp-Cell") if cell else None
    sections = [s for s in page_outline(html)[0] if s.level == 2]
    if following is None or not sections:
        return html
    items = "".join(f'<li><a href="#{escape(s.anchor)}">{escape(s.title)}</a></li>' for s in sections)
    toc = (f'<nav class="sc-toc" aria-labelledby="sc-toc-title"><h2 class="sc-toc-title" id="sc-toc-title">'
           f"{escape(label)}</h2><ol>{items}</ol></nav>\n")
    lines = html.split("\n")
    offset = sum(len(line) + 1 for line in lines[: following.sourceline - 1]) + following.sourcepos
    return html[:offset] + toc + html[offset:]


def _hidden(node: NavigableString | Tag) -> bool:
    return any(parent.name in _SKIPPED or parent.has_attr("hidden") or _SKIPPED_CLASSES.intersection(
        parent.get("class") or ()) for parent in node.parents)


def _inside_heading(node: NavigableString) -> bool:
    return any(parent.name in ("h1", "h2", "h3") for parent in node.parents)


def _clean(words: str) -> str:
    return " ".join(words.split())
