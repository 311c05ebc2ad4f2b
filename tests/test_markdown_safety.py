"""Lesson Markdown is judged on what nbconvert renders and a browser parses, not on its source text.

tests/markdown_safety/xss_vectors.yml holds the issue 19 probes that got past the old regular
expressions, known filter-evasion vectors, and attempts that Markdown shows as text. Chromium is the
judge of the last kind: a page holding the rendered cell must have nothing active in it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from conftest import OfflinePage
from spasmcourse.content.rules.markdown_safety import MAX_DEPTH, active_content, rendered_html

DATA = yaml.safe_load((Path(__file__).parent / "markdown_safety" / "xss_vectors.yml").read_text(encoding="utf-8"))
REFUSED = DATA["probes"] + DATA["vectors"]
EVERYTHING = REFUSED + DATA["inert"]
ACTIVE = """() => {
  const risky = /^\\s*(javascript|vbscript|data):/i;
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    const name = element.localName;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'form', 'meta', 'link', 'set',
         'animate'].includes(name) && !element.closest('head')) found.push(name);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(attribute.name);
      if (/href$|^(src|action|formaction|data|poster|background)$/i.test(attribute.name)
          && risky.test(attribute.value.replace(/[\\t\\n\\r]/g, ''))) found.push(attribute.name);
    }
  }
  return found;
}"""


def in_a_lesson(markdown: str) -> str:
    return f"Some text before.\n\n{markdown}\n\nSome text after."


def test_there_are_enough_vectors() -> None:
    assert len(DATA["probes"]) >= 8 and len(DATA["vectors"]) >= 30


@pytest.mark.parametrize("markdown", REFUSED)
def test_active_markdown_is_refused(markdown: str) -> None:
    assert active_content(in_a_lesson(markdown)) != []


@pytest.mark.parametrize("markdown", DATA["inert"])
def test_markdown_shown_as_text_is_accepted(markdown: str) -> None:
    assert active_content(in_a_lesson(markdown)) == []


@pytest.mark.parametrize("markdown", REFUSED)
def test_active_markdown_in_a_fence_is_code(markdown: str) -> None:
    assert active_content(f"Shown as code:\n\n~~~~~~\n{markdown}\n~~~~~~\n") == []


def test_the_line_is_where_the_active_part_starts() -> None:
    cell = "# Title\n\nSome text.\n\n<div>\nA `tick`\n<img src=x\n  onerror=alert(1)>\n</div>\n\nMore text."
    assert active_content(cell) == [(7, "an event-handler attribute (onerror=), which would run in exported pages")]


def test_an_unclosed_tag_that_would_swallow_the_page_is_refused() -> None:
    assert active_content("Text.\n\n<iframe src=x.html <")
    assert active_content("Text.\n\n<textarea>")


@pytest.mark.parametrize("text", ["<a " * 20_000, "<a " * 50_000, "<div>" * 12_000, "<b>" * 20_000,
                                  "<div><!--</div>-->" * 4_000, "<a onclick=x>\n" * 5_000,
                                  "".join(f"<a on{n}x=1>\n" for n in range(3_000))])
def test_the_check_is_fast_on_huge_cells(text: str) -> None:
    """Linear: a second or two even on a busy machine, where the regular expressions took 22 s for 60 kB of '<a '."""
    started = time.perf_counter()
    active_content(text)
    assert time.perf_counter() - started < 8


def test_deep_nesting_is_a_located_problem() -> None:
    assert active_content("<div>" * (MAX_DEPTH + 1)) == [
        (1, f"HTML nested more than {MAX_DEPTH} elements deep, too deep to check")]


def test_the_browser_agrees(offline: OfflinePage, tmp_path: Path) -> None:
    """Chromium finds nothing active in pages of accepted Markdown, and something in most refused ones."""
    active_in_browser = 0
    for number, markdown in enumerate(EVERYTHING):
        page = tmp_path / f"cell-{number}.html"
        page.write_text("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>x</title></head>"
                        f"<body><main><div class='cell'>\n{rendered_html(in_a_lesson(markdown))}\n</div>"
                        "<div class='after'>after</div></main></body></html>", encoding="utf-8")
        offline.open(page)
        found = offline.page.evaluate(ACTIVE)
        refused = active_content(in_a_lesson(markdown)) != []
        assert refused or not found, f"{markdown!r} is accepted but the browser finds {found}"
        active_in_browser += bool(found)
    offline.refused.clear()
    offline.errors.clear()
    assert active_in_browser >= 30
