"""`make lab` as a learner starts it: a terminal opened in its JupyterLab runs `spasmcourse progress --csv`."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tornado import websocket

from conftest import REPO
from lab_server import TOKEN, free_port, wait_until_serving

MARK = "END-OF-$((6*7))"  # the shell prints END-OF-42; the echoed command line does not contain it


def run_in_terminal(url: str, command: str) -> str:
    """What a new JupyterLab terminal prints for `command`."""
    request = urllib.request.Request(f"{url}/api/terminals?token={TOKEN}", method="POST", data=b"")
    name = json.load(urllib.request.urlopen(request, timeout=20))["name"]

    async def talk() -> str:
        socket_url = url.replace("http", "ws", 1) + f"/terminals/websocket/{name}?token={TOKEN}"
        connection = await websocket.websocket_connect(socket_url)
        connection.write_message(json.dumps(["stdin", f"{command}; echo {MARK}\r"]))
        said = ""
        while "END-OF-42" not in said:
            message = await connection.read_message()
            if message is None:
                break
            kind, *rest = json.loads(message)
            said += rest[0] if kind == "stdout" else ""
        connection.close()
        return said

    # Its own thread and event loop, apart from the one Playwright's sync API keeps in this thread.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(talk(), 90)).result()


def test_a_terminal_in_make_lab_finds_spasmcourse(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # A learner's shell: .venv is not on PATH; make's output goes to a file, not a terminal.
    environment = {**os.environ, "PATH": "/usr/local/bin:/usr/bin:/bin",
                   **{name: str(tmp_path / name.lower()) for name in (
                       "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "SPASMCOURSE_DATA_DIR")}}
    lab_args = (f"--no-browser --port={port} --ServerApp.port_retries=0 --IdentityProvider.token={TOKEN} "
                f"--LabApp.workspaces_dir={tmp_path / 'workspaces'} --LabApp.user_settings_dir={tmp_path / 'settings'}")
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(["make", "-s", "lab", f"LAB_ARGS={lab_args}"], cwd=REPO, env=environment,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_serving(url, server, tmp_path / "lab.log")
        said = run_in_terminal(url, "command -v spasmcourse; spasmcourse progress --csv | head -2")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
    assert f"{REPO}/.venv/bin/spasmcourse" in said, said
    assert "lesson,title,answered,correct,questions,percent" in said, said
