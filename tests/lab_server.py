"""A real JupyterLab for browser tests: started on loopback over a course folder, with throwaway state."""

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
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

TOKEN = "spasmcourse-test-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_lab(base: Path, course: Path, server_config: dict | None = None) -> Iterator[str]:
    """JupyterLab serving `course`, its config and state under `base`; yields its address.

    `server_config` is written as the jupyter_server_config.json of the throwaway config folder.
    """
    settings = base / "settings"
    notification = settings / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    environment = {**os.environ, **{name: str(base / name.lower()) for name in (
        "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
        "SPASMCOURSE_DATA_DIR")}}
    if server_config is not None:
        config_dir = Path(environment["JUPYTER_CONFIG_DIR"])
        config_dir.mkdir(parents=True, exist_ok=True)
        (config_dir / "jupyter_server_config.json").write_text(json.dumps(server_config))
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
        wait_until_serving(url, server, base / "lab.log")
        yield url
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


def open_lesson(page: Page, url: str, lesson: str) -> None:
    """Open a lesson in a fresh workspace and wait for its kernel."""
    page.goto(f"{url}/lab/workspaces/{lesson}/tree/notebooks/{lesson}.ipynb?reset&token={TOKEN}")
    expect(page.locator(".lm-TabBar-tab.jp-mod-current", has_text=lesson)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)


def open_and_run(page: Page, url: str, lesson: str) -> None:
    """Open a lesson in a fresh workspace, wait for its kernel, and run every cell."""
    open_lesson(page, url, lesson)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def wait_until_serving(url: str, server: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    """Wait until JupyterLab answers its status API; fail the test with its log if it stops or never answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2)
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start:\n{log.read_text()}")
            time.sleep(0.3)
