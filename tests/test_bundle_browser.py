"""The offline bundle, unzipped into a fresh folder: every link resolves and everything works offline."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import REPO, OfflinePage
from spasmcourse.content import load_course
from spasmcourse.i18n import text
from spasmcourse.publish.bundle import (
    BUNDLE_FOLDER,
    KIT_FOLDER,
    STUDENT_PARTS,
    TEACHER_PARTS,
    kit_fresh,
    start_page,
    zip_folder,
)
from spasmcourse.publish.cache import CACHE_FILE
from test_export_browser import answer_wrong_then_right, first_question
from test_site_browser import axe_violations, broken_links

COURSE = load_course(REPO)


@pytest.fixture(scope="module")
def bundles(built_course: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both bundles made from the test build, zipped, then unzipped somewhere else.

    The kit is written by the command line: Playwright's sync API cannot start a second time in a
    process whose browser fixture already runs one.
    """
    work = tmp_path_factory.mktemp("bundle-work")
    for part in ("assets", "html", "slides"):
        shutil.copytree(built_course / part, work / part)
    kit = subprocess.run([sys.executable, "-m", "spasmcourse.cli", "--root", str(REPO), "teacher-kit", "--out",
                          str(work / KIT_FOLDER)], capture_output=True, text=True, check=False)
    assert kit.returncode == 0, kit.stderr
    zips = tmp_path_factory.mktemp("bundle-zip")
    unzipped = {}
    for who, parts in (("student", STUDENT_PARTS), ("teacher", TEACHER_PARTS)):
        report = zip_folder(work, zips / f"{who}.zip", parts, start_page(COURSE, teacher=who == "teacher"))
        assert report.files > 50
        target = tmp_path_factory.mktemp(f"usb-stick-{who}")
        with zipfile.ZipFile(report.zip_path) as archive:
            assert all(name.startswith(f"{BUNDLE_FOLDER}/") for name in archive.namelist())
            archive.extractall(target)
        unzipped[who] = target / BUNDLE_FOLDER
    return unzipped


@pytest.fixture(scope="module")
def unzipped(bundles: dict[str, Path]) -> Path:
    """The teacher's bundle, unzipped."""
    return bundles["teacher"]


def test_bundle_holds_site_slides_and_kit(unzipped: Path) -> None:
    for lesson in COURSE.lessons:
        assert (unzipped / "html" / f"{lesson.id}.html").is_file()
        assert (unzipped / "slides" / f"{lesson.id}.slides.html").is_file()
        assert (unzipped / KIT_FOLDER / f"{lesson.id}.html").is_file()
        assert (unzipped / KIT_FOLDER / f"{lesson.id}.pdf").read_bytes().startswith(b"%PDF")
        assert (unzipped / KIT_FOLDER / "handouts" / f"{lesson.id}.pdf").read_bytes().startswith(b"%PDF")
    assert (unzipped / "slides" / "reveal.js" / "LICENSE").is_file()
    assert (unzipped / "assets" / "lunr" / "LICENSE").is_file()


def test_student_bundle_holds_no_answer_key_or_guide(bundles: dict[str, Path], offline: OfflinePage) -> None:
    student = bundles["student"]
    names = [path.relative_to(student).as_posix() for path in student.rglob("*") if path.is_file()]
    assert not (student / KIT_FOLDER).exists()
    assert not [name for name in names if "answer" in name or "guide" in name], names
    for lesson in COURSE.lessons:
        assert (student / "html" / f"{lesson.id}.html").is_file()
        assert (student / "handouts" / f"{lesson.id}.pdf").read_bytes().startswith(b"%PDF")
    texts = " ".join(path.read_text(encoding="utf-8") for path in student.rglob("*.html"))
    for marker in (text("teacher_kit_title"), text("teacher_guide_link"), text("answer_key_title")):
        assert marker not in texts, f"the student bundle mentions {marker!r}"
    assert broken_links(student) == []
    page = offline.open(student / "index.html")
    assert axe_violations(page) == []
    expect(page.get_by_role("link", name=text("teacher_kit_title"))).to_have_count(0)


def test_every_link_in_the_bundle_resolves(unzipped: Path) -> None:
    assert broken_links(unzipped) == []


def test_start_page_leads_to_a_working_lesson_deck_and_kit(unzipped: Path, offline: OfflinePage) -> None:
    page = offline.open(unzipped / "index.html")
    assert axe_violations(page) == []
    lesson = COURSE.lessons[2]
    page.get_by_role("link", name="Course site").click()
    page.get_by_role("link", name=lesson.title, exact=True).click()
    page.wait_for_load_state("load")
    quiz, question = first_question(lesson.id)
    answer_wrong_then_right(page, quiz, question)
    page.get_by_role("searchbox", name="Search the course").fill("spasm")
    page.keyboard.press("Enter")
    expect(page.locator("#sc-search-results li").first).to_be_visible()
    page.goto((unzipped / "index.html").as_uri())
    page.get_by_role("link", name=lesson.title, exact=True).click()
    expect(page.locator(".reveal.ready")).to_have_count(1)
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"#/1"))
    page.goto((unzipped / "index.html").as_uri())
    page.get_by_role("link", name="Teacher's kit").click()
    page.get_by_role("link", name=re.compile("Teacher's guide")).first.click()
    expect(page.locator("h1")).to_contain_text(COURSE.lessons[0].title)
    assert axe_violations(page) == []


def test_bundle_reuses_a_kit_written_after_the_build(tmp_path: Path) -> None:
    cache, index = tmp_path / CACHE_FILE, tmp_path / KIT_FOLDER / "index.html"
    assert not kit_fresh(tmp_path), "no kit yet"
    for path in (cache, index):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", encoding="utf-8")
    os.utime(cache, (1_000, 1_000))
    assert kit_fresh(tmp_path), "the kit is newer than the build"
    os.utime(cache, (index.stat().st_mtime + 10,) * 2)
    assert not kit_fresh(tmp_path), "the build changed since the kit was written"
