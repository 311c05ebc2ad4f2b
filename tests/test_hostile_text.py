"""Text that tries to inject markup is shown as text: in element renderings, live widgets, pages and slides.

tests/hostile/ is a one-lesson course whose every field a learner reads holds script tags, event
handlers, javascript: links, a closing </script> and template syntax. Markdown in notebooks is written
by the course team and nbconvert passes raw HTML through, so for lesson Markdown the policy is that
`spasmcourse check` refuses active content (script-like elements, on...= attributes, script URLs)
outside code; the lesson here shows the same attempts as code, as escaped text and as template syntax.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import nbformat
import pytest
import yaml
from playwright.sync_api import Locator, Page

import spasmcourse
from conftest import REPO, OfflinePage
from spasmcourse.content.course import read_course
from spasmcourse.content.rules import check_course
from spasmcourse.content.rules.markdown_safety import active_content
from spasmcourse.content.start_cell import start_cell
from spasmcourse.elements.case_study import CaseStudyWidget
from spasmcourse.elements.explorer import ExplorerWidget
from spasmcourse.elements.failure import ContentProblemView
from spasmcourse.elements.flashcards import FlashcardsWidget
from spasmcourse.elements.flowchart.live import FlowchartWidget
from spasmcourse.elements.quiz.live import QuizWidget
from spasmcourse.elements.slider_chart import SliderChartWidget
from spasmcourse.publish.pipeline import build_course

HOSTILE = REPO / "tests" / "hostile"
LESSON = "01-hostile"
ATTEMPTS = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', '"><svg onload=alert(3)>',
            "<svg onload=alert(4)>", "[link](javascript:alert(5))", '<a href="jav&#x61;script:alert(6)">x</a>',
            "<iframe src=x></iframe>", '<p style="x" onclick="alert(7)">x</p>']
SHOWN_AS_TEXT = ("Shown as code: `<script>alert('markdown 1')</script>` and "
                 "`<img src=x onerror=\"alert('markdown 2')\">`.\n\n"
                 "Escaped: &lt;script&gt;alert('markdown 3')&lt;/script&gt;, "
                 "and template syntax: {{ 7*7 }} and {% if true %}x{% endif %}.\n\n"
                 "```html\n<svg onload=\"alert('markdown 4')\"></svg>\n```\n\n"
                 "A [term](#term-hostile-term) from a [source](#ref-hostile-source).")
CALLS = ['lesson_intro("01-hostile")', 'quiz("hostile-quiz")', 'flowchart("hostile-triage")',
         'explorer("hostile-explorer")', 'slider_chart("hostile-chart")', 'case_study("hostile-case")',
         'figure("hostile-figure")', 'flashcards("01-hostile")', 'warning_signs("01-hostile")', "advice_levels()",
         'lesson_summary("01-hostile")', "course_map()",
         "final_assessment()", "progress_dashboard()", 'lesson_references("01-hostile")']
INJECTED = """() => ({
  images: document.querySelectorAll('img[src="x"]').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
  scriptAddresses: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
  scripts: [...document.scripts].filter(s => s.textContent.trim().startsWith('alert(')).length,
  frames: document.querySelectorAll('iframe, object, embed').length,
})"""
NOTHING_INJECTED = {"images": 0, "handlers": 0, "scriptAddresses": 0, "scripts": 0, "frames": 0}
EXPORTED = [f"html/{LESSON}.html", "html/index.html", "html/glossary.html", "html/references.html",
            "html/search.html", "html/flowchart-hostile-triage.html", f"slides/{LESSON}.slides.html"]


def lesson_notebook() -> nbformat.NotebookNode:
    """The hostile lesson: Markdown showing injection attempts as text, then a cell per element."""
    slide = {"slideshow": {"slide_type": "slide"}}
    cells = [nbformat.v4.new_markdown_cell("# A lesson of hostile text", metadata=slide),
             nbformat.v4.new_markdown_cell(SHOWN_AS_TEXT)]
    imports = "from spasmcourse import " + ", ".join(sorted({call.split("(")[0] for call in CALLS}))
    cells.append(nbformat.v4.new_code_cell(imports, metadata={"tags": ["remove-input"]}))
    cells += [nbformat.v4.new_code_cell(call, metadata={"tags": ["remove-input"], **slide}) for call in CALLS]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    return notebook


@pytest.fixture(scope="module")
def hostile_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "course"
    shutil.copytree(HOSTILE, root)
    (root / "notebooks").mkdir()
    notebook = lesson_notebook()
    course, _ = read_course(root)
    notebook.cells.insert(0, start_cell(course, course.lesson(LESSON)))
    nbformat.write(notebook, root / "notebooks" / f"{LESSON}.ipynb")
    return root


@pytest.fixture
def in_hostile_course(hostile_course: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPASMCOURSE_ROOT", str(hostile_course))
    return hostile_course


def public_api() -> dict[str, Any]:
    """The names a notebook gets from `from spasmcourse import *` (the package imports them on first use)."""
    return {name: getattr(spasmcourse, name) for name in spasmcourse.__all__}


def watch_dialogs(page: Page) -> list[str]:
    """Every alert, confirm or prompt the page opens (each is dismissed)."""
    opened: list[str] = []

    def record(dialog: Any) -> None:
        opened.append(dialog.message)
        dialog.dismiss()
    page.on("dialog", record)
    return opened


def exercise(page: Page) -> None:
    """Answer, choose and press everything on the page, so its scripts write what they write."""
    def each(selector: str, act: Callable[[Locator], None]) -> None:
        for element in page.locator(selector).all():
            if element.is_visible() and element.is_enabled():
                act(element)
    each("input[type=checkbox], input[type=radio]", lambda box: box.check(timeout=2000))
    each("select", lambda select: select.select_option(index=select.locator("option").count() - 1, timeout=2000))
    each("input[type=text], input[type=search], input:not([type])", lambda field: field.fill("alert", timeout=2000))
    for _ in range(3):
        each("button", lambda button: button.click(timeout=2000))


def assert_shown_as_text(page: Page, dialogs: list[str], visible: str = "<script>alert(") -> None:
    page.wait_for_timeout(200)
    assert dialogs == [], f"a dialog opened: {dialogs}"
    assert page.evaluate(INJECTED) == NOTHING_INJECTED
    assert visible in page.evaluate("document.body.innerText")


def rendering(shown: object) -> str:
    """The static HTML an element carries for exports and untrusted notebooks."""
    assert not isinstance(shown, ContentProblemView), shown
    bundle = shown._repr_mimebundle_() if hasattr(shown, "_repr_mimebundle_") else {}
    return bundle.get("text/html") or shown._repr_html_()


def live_html(widget: widgets.Widget) -> list[str]:
    """The HTML values of a live widget and everything inside it, which JupyterLab puts in the page."""
    assert not getattr(widget, "description_allow_html", False)
    found = [widget.value] if isinstance(widget, widgets.HTML | widgets.HTMLMath) else []
    for child in getattr(widget, "children", ()):
        found += live_html(child)
    return found


def steps(shown: widgets.Widget) -> list[Callable[[], object]]:
    """What a learner does with a live element, one step at a time."""
    if isinstance(shown, QuizWidget):
        return [action for view in shown.questions
                for action in (view.show_hint if view.question.hint else view.answer, view.answer,
                               lambda view=view: view.answer(revealed=True))]
    if isinstance(shown, FlowchartWidget):
        return [lambda: shown.choose(1), lambda: shown.choose(0), lambda: shown.choose(0)]
    if isinstance(shown, CaseStudyWidget):
        return [lambda: shown.choose(1), shown.choose_again, lambda: shown.choose(0), shown.go_on]
    if isinstance(shown, FlashcardsWidget):
        return [shown.turn, lambda: shown.answer(knew=False), shown.turn, lambda: shown.answer(knew=True)]
    if isinstance(shown, ExplorerWidget):
        return [lambda: shown.show("first"), lambda: shown.show("second")]
    if isinstance(shown, SliderChartWidget):
        return [lambda: setattr(shown.slider, "value", shown.chart.x.max)]
    return [shown.refresh] if hasattr(shown, "refresh") else []


def drive(shown: widgets.Widget) -> list[str]:
    """Take a live element through its states, collecting its HTML in each."""
    seen = live_html(shown)
    for step in steps(shown):
        step()
        seen += live_html(shown)
    return seen


def page_of(tmp_path: Path, name: str, parts: list[str]) -> Path:
    path = tmp_path / f"{name}.html"
    sections = "".join(f"<section>{part}</section>" for part in parts)
    path.write_text(f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{name}</title></head>"
                    f"<body><main>{sections}</main></body></html>", encoding="utf-8")
    return path


def test_hostile_text_is_valid_content(hostile_course: Path) -> None:
    assert check_course(hostile_course) == []


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_lesson_markdown_may_not_run_anything(attempt: str) -> None:
    assert active_content(f"Some text.\n\n{attempt}\n") != []
    assert active_content(f"Shown as `{attempt}` code.") == []
    assert active_content(f"```\n{attempt}\n```") == []


def test_element_renderings_show_hostile_text_as_text(in_hostile_course: Path, tmp_path: Path,
                                                      offline: OfflinePage) -> None:
    shown = [eval(call, public_api()) for call in CALLS]
    path = page_of(tmp_path, "static", [rendering(element) for element in shown])
    page = offline.page
    dialogs = watch_dialogs(page)
    offline.open(path)
    assert_shown_as_text(page, dialogs)
    exercise(page)
    assert_shown_as_text(page, dialogs)
    assert "{{ 7*7 }}" in page.evaluate("document.body.innerText")


def test_live_widgets_show_hostile_text_as_text(in_hostile_course: Path, tmp_path: Path,
                                                offline: OfflinePage) -> None:
    shown = [eval(call, public_api()) for call in CALLS]
    parts = [html for element in shown if isinstance(element, widgets.Widget) for html in drive(element)]
    assert any("quiz title" in part for part in parts) and any("outcome emergency" in part for part in parts)
    page = offline.page
    dialogs = watch_dialogs(page)
    offline.open(page_of(tmp_path, "live", parts))
    assert_shown_as_text(page, dialogs)
    assert "{{ 7*7 }}" in page.evaluate("document.body.innerText")


@pytest.fixture(scope="module")
def hostile_build(hostile_course: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile course built as the course is: checked, executed, exported to pages and slides."""
    out = tmp_path_factory.mktemp("hostile-build") / "_build"
    build_course(hostile_course, out)
    return out


@pytest.fixture(scope="module")
def plain_titles_build(hostile_course: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile course with plain course and lesson titles, so its lesson page and slides can be checked now."""
    root = tmp_path_factory.mktemp("plain-titles") / "course"
    shutil.copytree(hostile_course, root)
    manifest = yaml.safe_load((root / "lessons.yml").read_text(encoding="utf-8"))
    manifest["title"] = "A hostile course"
    manifest["lessons"][0]["title"] = "A hostile lesson"
    (root / "lessons.yml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    out = root.parent / "_build"
    build_course(root, out)
    return out


def test_every_exported_page_is_checked(hostile_build: Path) -> None:
    written = {path.relative_to(hostile_build).as_posix() for path in hostile_build.glob("*/*.html")}
    assert written == {getattr(page, "values", [page])[0] for page in EXPORTED}
    lesson = (hostile_build / "html" / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in lesson and "{% if true %}" in lesson


def use_exported(offline: OfflinePage, path: Path) -> None:
    """Open an exported page and use it: every control on a page, every slide of a deck."""
    page = offline.page
    dialogs = watch_dialogs(page)
    offline.open(path)
    if path.name.endswith(".slides.html"):
        for _ in range(len(CALLS) + 2):
            page.keyboard.press("ArrowRight")
    else:
        exercise(page)
    assert_shown_as_text(page, dialogs, visible="alert(")


@pytest.mark.parametrize("name", EXPORTED)
def test_exported_page_shows_hostile_text_as_text(hostile_build: Path, offline: OfflinePage, name: str) -> None:
    use_exported(offline, hostile_build / name)


@pytest.mark.parametrize("name", [f"html/{LESSON}.html", f"slides/{LESSON}.slides.html"])
def test_lesson_page_and_slides_show_hostile_element_text_as_text(plain_titles_build: Path, offline: OfflinePage,
                                                                  name: str) -> None:
    use_exported(offline, plain_titles_build / name)
