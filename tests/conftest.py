"""Shared fixtures: a scratch copy of the course, one build per test run, a real Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[1]

# Tests (and the kernels nbval starts) never touch the learner's own progress or language.
os.environ["SPASMCOURSE_DATA_DIR"] = tempfile.mkdtemp(prefix="spasmcourse-test-progress-")
os.environ.pop("SPASMCOURSE_LANGUAGE", None)
COURSE_PARTS = ("lessons.yml", "assets", "notebooks")
AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def copy_course(target: Path) -> Path:
    """Copy the course content (not the code) to `target` and return it."""
    target.mkdir(parents=True, exist_ok=True)
    for part in COURSE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            shutil.copy2(source, target / part)
    return target


def git_commit(course: Path) -> Path:
    """Make `course` a git repository with everything in it committed, as a clone is."""
    shutil.copy(REPO / ".gitignore", course / ".gitignore")
    for arguments in (["init", "-q"], ["add", "."],
                      ["-c", "user.name=Learner", "-c", "user.email=learner@example.org",
                       "commit", "-q", "-m", "clone"]):
        subprocess.run(["git", "-C", str(course), *arguments], check=True, capture_output=True)
    return course


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    """A writable copy of the course to break on purpose."""
    return copy_course(tmp_path / "course")


@pytest.fixture
def learner_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder of the learner's own, and lessons that open their store afresh."""
    from spasmcourse.progress import open_store

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("SPASMCOURSE_DATA_DIR", str(data))
    monkeypatch.setenv("SPASMCOURSE_ROOT", str(REPO))
    open_store.cache_clear()
    yield data
    open_store.cache_clear()


@pytest.fixture(scope="session")
def built_course(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The course built once per test run (shared by xdist workers); returns the _build folder."""
    from spasmcourse.publish.pipeline import build_course

    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    out = shared / "_build"
    with FileLock(str(shared / "build.lock")):
        if not (out / "done").exists():
            build_course(REPO, out)
            (out / "done").touch()
    return out


def find_chromium() -> str | None:
    """Debian's chromium if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium driven by Playwright: Debian's build, else Playwright's own."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        executable = find_chromium()
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        except Error as error:
            pytest.fail("No usable Chromium: install Debian's package (apt-get install chromium) "
                        f"or run 'playwright install chromium'. ({error.message.splitlines()[0]})")
        yield launched
        launched.close()


class OfflinePage:
    """A page in a fresh offline context that records every request it was refused."""

    def __init__(self, browser, **options) -> None:
        self.context = browser.new_context(**options)
        self.context.set_offline(True)
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.context.route(re.compile(r"^(?!file:|data:|blob:|about:)"), self._refuse)
        self.page: Page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("requestfailed", lambda request: self._failed(request.url))

    def _refuse(self, route) -> None:
        self.refused.append(route.request.url)
        route.abort()

    def _failed(self, url: str) -> None:
        if not url.startswith("file:"):
            self.refused.append(url)

    def open(self, path: Path) -> Page:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page


@pytest.fixture
def offline(browser) -> Iterator[OfflinePage]:
    holder = OfflinePage(browser)
    yield holder
    holder.context.close()
    assert holder.refused == [], f"requests were attempted: {holder.refused}"
    assert holder.errors == [], f"script errors: {holder.errors}"


SCREENSHOTS = REPO / "assets" / "screenshots"


def screenshot(target, name: str, tmp: Path) -> Path:
    """Photograph a page or element; with SPASMCOURSE_SCREENSHOTS=1 into assets/screenshots for the README."""
    folder = SCREENSHOTS if os.environ.get("SPASMCOURSE_SCREENSHOTS") == "1" else tmp
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    target.screenshot(path=str(path))
    assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 5000, f"{name}.png is blank"
    return path
