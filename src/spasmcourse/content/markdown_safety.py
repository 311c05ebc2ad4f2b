"""What in a lesson's Markdown would run as code in an exported page.

nbconvert passes raw HTML in Markdown cells through to the pages, so the check refuses active
content there: script-like elements, event-handler attributes and script URLs. Text inside
`code spans` and fenced code blocks is shown as code, never run, so it may show any of them.
"""

from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_ELEMENT = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta)\b", re.I)
_HANDLER = re.compile(r"<[a-z][^>]*?[\s/\"'](on[a-z]+)\s*=", re.I)
_SCHEME = re.compile(r"(javascript|vbscript|livescript):|data:text/html")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def active_content(markdown: str) -> list[tuple[int, str]]:
    """(line in the cell, what it is) for each piece of Markdown that would run in an exported page."""
    text = _CODE_SPAN.sub(_blank, _FENCE.sub(_blank, markdown))
    found = [(_line(text, m.start()), f"a <{m.group(1).lower()}> element") for m in _ELEMENT.finditer(text)]
    found += [(_line(text, m.start(1)), f"an event-handler attribute ({m.group(1).lower()}=)")
              for m in _HANDLER.finditer(text)]
    for number, line in enumerate(text.splitlines(), start=1):
        scheme = _SCHEME.search(_INVISIBLE.sub("", html.unescape(line)).lower())
        if scheme:
            found.append((number, f"a '{scheme.group(0)}' address"))
    return sorted(set(found))


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
