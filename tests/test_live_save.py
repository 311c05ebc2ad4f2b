"""A learner's session in a real JupyterLab leaves the course clean: open, run all, edit, save.

The course copy is a git repository, served with the course's server config (the save hook)
as `make lab`, Binder and a hub install it. Afterwards `check` and `build` pass and git shows
nothing but the learner's own edit.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import nbformat
from playwright.sync_api import expect

from conftest import REPO, copy_course, git_commit
from lab_server import loopback_only, open_lesson, running_lab
from spasmcourse.cli import main
from spasmcourse.lab.clean import is_teacher_notes

LESSON = "02-back-spasms"
NOTE = "# my own note: stand up and stretch every hour"


def git(course: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(course), *arguments], check=True, capture_output=True,
                          text=True).stdout


def git_course(target: Path) -> Path:
    """A copy of the course committed to a fresh git repository, as a learner's clone is."""
    return git_commit(copy_course(target))


def scroll_top(page) -> float:
    return page.locator(".jp-NotebookPanel:visible .jp-WindowedPanel-outer").evaluate("panel => panel.scrollTop")


def test_a_lesson_run_edited_and_saved_leaves_check_build_and_git_clean(browser, tmp_path: Path) -> None:
    course = git_course(tmp_path / "course")
    config = json.loads((REPO / "binder" / "server-config.json").read_text(encoding="utf-8"))
    committed = nbformat.read(course / "notebooks" / f"{LESSON}.ipynb", as_version=4)
    notes = [cell for cell in committed.cells if is_teacher_notes(cell)]
    with running_lab(tmp_path, course, config) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        refused: list[str] = []
        loopback_only(page, refused)
        open_lesson(page, url, LESSON)
        notebook = page.locator(".jp-NotebookPanel:visible .jp-Notebook")
        # Unrun, the generated first cell says how to start; teacher's notes are collapsed.
        start = notebook.locator(".jp-MarkdownCell").first
        expect(start).to_contain_text("Run > Run All Cells")
        expect(start).to_contain_text("Not medical advice.")
        placeholder = notebook.locator(".jp-MarkdownCell .jp-InputPlaceholder").first
        placeholder.scroll_into_view_if_needed()
        expect(placeholder).to_contain_text("Teacher's notes")
        expect(notebook.get_by_text(notes[0].source.split("\n")[-1].strip()[:60])).to_have_count(0)
        page.screenshot(path=str(tmp_path / "notes-collapsed.png"))
        notebook.locator(".jp-MarkdownCell").first.scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / "unrun.png"))

        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        expect(notebook.locator(".sc-references")).to_have_count(1, timeout=120_000)
        expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
        page.wait_for_timeout(1500)
        # After Run All the learner is back at the top of the lesson.
        assert scroll_top(page) == 0
        expect(start).to_be_in_viewport()
        page.screenshot(path=str(tmp_path / "after-run-all.png"))

        # The learner adds a cell of their own under the title, then saves.
        notebook.locator(".jp-MarkdownCell").nth(1).click()
        page.keyboard.press("Escape")
        page.keyboard.press("b")
        page.keyboard.press("Enter")
        page.keyboard.type(NOTE)
        page.keyboard.press("Escape")
        page.keyboard.press("Control+s")
        expect(page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty")).to_have_count(0, timeout=20_000)
        context.close()
        assert refused == [], f"JupyterLab tried to reach the network: {refused}"

    assert git(course, "status", "--porcelain") == f" M notebooks/{LESSON}.ipynb\n"
    saved = nbformat.read(course / "notebooks" / f"{LESSON}.ipynb", as_version=4)
    [added] = [cell for cell in saved.cells if cell.id not in {c.id for c in committed.cells}]
    assert (added.cell_type, added.source, added.outputs, added.execution_count) == ("code", NOTE, [], None)
    saved.cells.remove(added)
    assert saved == committed, "the save changed more than the learner's edit"
    assert main(["--root", str(course), "check"]) == 0
    assert main(["--root", str(course), "build", "--only", "html", "--out", str(tmp_path / "_build")]) == 0
    page_html = (tmp_path / "_build" / "html" / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "How to start:" not in page_html, "the start cell is for JupyterLab only"
    assert git(course, "status", "--porcelain") == f" M notebooks/{LESSON}.ipynb\n"
