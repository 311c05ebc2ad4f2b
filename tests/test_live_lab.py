"""Lesson 01 in a real JupyterLab: run all cells, answer a quiz question, see the feedback."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import copy_course
from spasmcourse.content import load_course
from spasmcourse.elements.quiz_html import question_dom_id

TOKEN = "spasmcourse-test-token"
LESSON = "01-what-is-a-spasm"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """JupyterLab on 127.0.0.1 over a copy of the course, with throwaway config and state."""
    base = tmp_path_factory.mktemp("lab")
    course = copy_course(base / "course")
    settings = base / "settings"
    notification = settings / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    environment = {**os.environ, **{name: str(base / name.lower()) for name in (
        "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR")}}
    port = free_port()
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
               "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={course}",
               f"--LabApp.user_settings_dir={settings}",
               f"--LabApp.workspaces_dir={base / 'workspaces'}"]
    log = (base / "lab.log").open("w")
    server = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{(base / 'lab.log').read_text()}")
                time.sleep(0.3)
        yield url, course
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def loopback_only(page: Page, refused: list[str]) -> None:
    def guard(route) -> None:
        if re.match(r"^(https?|wss?)://127\.0\.0\.1[:/]", route.request.url):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()
    page.route("**/*", guard)


def test_quiz_answered_live_in_jupyterlab(browser, lab: tuple[str, Path]) -> None:
    url, course_root = lab
    course = load_course(course_root)
    quiz = course.quiz_files[f"assets/quizzes/{LESSON}.yml"].quizzes[0]
    question = quiz.questions[0]
    wrong = next(option for option in question.options if not option.correct)
    right = next(option for option in question.options if option.correct)

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    refused: list[str] = []
    loopback_only(page, refused)
    page.goto(f"{url}/lab/tree/notebooks/{LESSON}.ipynb?token={TOKEN}")
    expect(page.locator(".jp-Notebook")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

    live = page.locator(f".sc-live .{question_dom_id(quiz, question)}")
    expect(live).to_be_visible(timeout=60_000)
    live.scroll_into_view_if_needed()
    live.get_by_label(wrong.text, exact=True).check()
    live.get_by_role("button", name="Check answer").click()
    expect(live.locator(".sc-verdict")).to_have_text(re.compile(r"^Not quite\."), timeout=20_000)
    expect(live).to_contain_text(wrong.feedback)
    live.get_by_label(right.text, exact=True).check()
    live.get_by_role("button", name="Check answer").click()
    expect(live.locator(".sc-verdict")).to_have_text("Correct.", timeout=20_000)
    expect(live).to_contain_text(question.explanation)
    context.close()
    assert refused == [], f"JupyterLab tried to reach the network: {refused}"
