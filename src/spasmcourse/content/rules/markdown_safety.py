"""What in a lesson's Markdown would run as code in an exported page, decided on the rendered HTML.

nbconvert passes raw HTML in Markdown cells through to the pages. So the check renders each cell
as nbconvert's exporters do (mistune, with nbconvert's renderer) and parses the result as a
browser does (html5lib), then looks at the elements and attributes the page would really have:
script-like elements, event-handler attributes, script and data addresses, script in styles, SVG
animations that can rewrite a link. Text inside `code spans` and fenced code blocks is rendered
escaped, so it may show any of them. Where something is found, the line is the first line of the
smallest run of lines that still renders it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cache, lru_cache

import html5lib
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

MAX_DEPTH = 100
MAX_LOCATED = 5
_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "form",
             "link", "portal", "isindex", "template", "noscript", "noembed", "noframes", "xmp", "plaintext",
             "set", "animate", "animatemotion", "animatetransform", "handler", "listener", "import"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "poster", "lowsrc", "dynsrc",
                   "codebase", "cite", "longdesc", "srcset", "ping", "manifest", "icon", "usemap", "archive",
                   "classid", "profile"}
_SCHEME = re.compile(r"^(javascript|vbscript|livescript|mocha|data):")
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_EDGE = "".join(chr(code) for code in range(0x21))
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_CSS_RISKS = ("javascript:", "vbscript:", "expression(", "-moz-binding", "behavior:", "@import")
_SPACE = re.compile(r"\s+")
_RUNS = ", which would run in exported pages"
_RAW_TEXT = {"style", "textarea", "title", "noscript", "xmp", "noembed", "noframes", "iframe", "plaintext"}
_MARKUP = re.compile(r"<[a-zA-Z/!?]")
# The page around a cell: a marker after it shows whether the cell leaves a tag, comment or raw text open.
_BEFORE = "<!DOCTYPE html><html><head><title>page</title></head><body><main><div class='cell'>\n"
_AFTER = "\n</div><div class='after' data-sc-end='{0}'>{0}</div></main></body></html>"


class _TooDeep(Exception):
    """The HTML nests more elements than the check follows (parsing it costs time with depth)."""


class _ShallowTree(html5lib.getTreeBuilder("etree")):
    """An html5lib tree that refuses more than MAX_DEPTH open elements, keeping parsing linear."""

    def insertElementNormal(self, token):
        element = super().insertElementNormal(token)
        self._guard()
        return element

    def insertElementTable(self, token):
        element = super().insertElementTable(token)
        self._guard()
        return element

    def _guard(self) -> None:
        if len(self.openElements) > MAX_DEPTH:
            raise _TooDeep


def active_content(markdown: str) -> list[tuple[int, str]]:
    """(line in the cell, what it is) for each piece of Markdown that would run in an exported page."""
    return list(_active_content(markdown))


@lru_cache(maxsize=4096)
def _active_content(markdown: str) -> tuple[tuple[int, str], ...]:
    lines = markdown.split("\n")

    @cache
    def found(start: int, end: int) -> frozenset[str]:
        return frozenset(_findings(rendered_html("\n".join(lines[start:end]))))

    everything = sorted(found(0, len(lines)))
    located = [(_first_line(found, len(lines), what), what) for what in everything[:MAX_LOCATED]]
    if len(everything) > MAX_LOCATED:
        located.append((1, f"{len(everything) - MAX_LOCATED} more kinds of active content"))
    return tuple(sorted(located))


def rendered_html(markdown: str) -> str:
    """The HTML nbconvert's HTML and slides exporters make of one Markdown cell."""
    return _renderer().render(markdown)


@cache
def _renderer() -> MarkdownWithMath:
    return MarkdownWithMath(renderer=IPythonRenderer(escape=False))


@cache
def _parser() -> html5lib.HTMLParser:
    """One parser for every cell: building html5lib's parser costs more than parsing a cell."""
    return html5lib.HTMLParser(tree=_ShallowTree, namespaceHTMLElements=False)


def _findings(html: str) -> set[str]:
    """What would be active in a page holding `html`, parsed in place as a browser parses the page."""
    parser = _parser()
    marker = hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    try:
        page = parser.parse(_BEFORE + html + _AFTER.format(marker))
    except _TooDeep:
        return {f"HTML nested more than {MAX_DEPTH} elements deep, too deep to check"}
    found: set[str] = set()
    ended = False
    for element in page.iter():
        if not isinstance(element.tag, str):
            if _MARKUP.search(element.text or ""):
                found.add("markup inside an HTML comment, which browsers may read differently")
            continue
        name = _local(element.tag).lower()
        ended |= element.get("data-sc-end") == marker and "".join(element.itertext()) == marker
        if name in _ELEMENTS:
            found.add(f"a <{name}> element{_RUNS}")
        if name in _RAW_TEXT and _MARKUP.search(element.text or ""):
            found.add(f"markup inside a <{name}> element, which browsers may read differently")
        if name == "style":
            found |= _style_risks(element.text or "")
        for attribute, value in element.attrib.items():
            found |= _attribute_risks(_local(attribute).lower(), value)
    if not ended:
        found.add("an unclosed tag, comment or element that swallows the page after it")
    return found


def _attribute_risks(name: str, value: str) -> set[str]:
    if name.startswith("on"):
        return {f"an event-handler attribute ({name}=){_RUNS}"}
    if name == "style":
        return _style_risks(value)
    if name in _URL_ATTRIBUTES:
        scheme = _SCHEME.match(_URL_IGNORED.sub("", value).strip(_URL_EDGE).lower())
        if scheme:
            return {f"a '{scheme.group(0)}' address{_RUNS}"}
    return set()


def _style_risks(css: str) -> set[str]:
    plain = _SPACE.sub("", _CSS_ESCAPE.sub(_css_character, _CSS_COMMENT.sub("", css))).lower()
    return {f"a style with '{risk}'{_RUNS}" for risk in _CSS_RISKS if risk in plain}


def _css_character(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else ""
    return match.group(2)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _first_line(found: Callable[[int, int], frozenset[str]], count: int, what: str) -> int:
    """The first line of the smallest run of lines whose rendering still has `what`."""
    low, high = 1, count
    while low < high:
        middle = (low + high) // 2
        if what in found(0, middle):
            high = middle
        else:
            low = middle + 1
    end, low, high = low, 0, low - 1
    while low < high:
        middle = (low + high + 1) // 2
        if what in found(middle, end):
            low = middle
        else:
            high = middle - 1
    return low + 1
