"""A real JupyterHub on loopback for tests/test_hub.py, and students who use it over HTTP.

The hub runs with the dummy authenticator (one shared password) and the simple local-process
spawner: every student's single-user server is a process on this machine with its own home
folder under the test's temporary folder. Students log in through the hub's login form, follow
the nbgitpuller link from the README, and talk to their own Jupyter server through its REST API
and a kernel's websocket, sending the same widget messages JupyterLab sends when an option is
picked and "Check answer" is clicked.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote, urlencode

import psutil
import requests
import websocket

REPO = Path(__file__).resolve().parents[1]
PROXY = REPO / ".hub" / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "classroom-test-password"
COURSE_FOLDER = "spasmcourse"
LESSON_NOTEBOOK = f"{COURSE_FOLDER}/notebooks/01-what-is-a-spasm.ipynb"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], object], timeout: float, what: str, every: float = 0.25) -> object:
    """Poll `condition` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def readme_link() -> str:
    """The nbgitpuller link template that the README tells teachers to send."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [link] = re.findall(r"^https://<your-hub>/hub/user-redirect/git-pull\?\S+$", readme, flags=re.M)
    return link


def nbgitpuller_link(hub_url: str, repo_url: str) -> str:
    """The README's link, filled in for this hub and repository (URL-encoded, as its link generator does)."""
    return (readme_link().replace("https://<your-hub>", hub_url).replace("<repo-url>", quote(repo_url, safe=""))
            .replace("<folder>", COURSE_FOLDER))


@dataclass
class Hub:
    """A JupyterHub process with its proxy, configured in and writing to `folder`."""

    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def homes(self) -> Path:
        return self.folder / "home"

    def home(self, student: str) -> Path:
        return self.homes / student

    def config(self) -> str:
        bin_dir = Path(sys.executable).parent
        arguments = ["--allow-root"] if os.geteuid() == 0 else []
        return "\n".join([
            "c.JupyterHub.ip = '127.0.0.1'",
            f"c.JupyterHub.port = {self.port}",
            "c.JupyterHub.hub_ip = '127.0.0.1'",
            f"c.JupyterHub.hub_port = {free_port()}",
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'",
            f"c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]",
            f"c.JupyterHub.db_url = 'sqlite:///{self.folder / 'hub.sqlite'}'",
            f"c.JupyterHub.cookie_secret_file = {str(self.folder / 'cookie_secret')!r}",
            "c.JupyterHub.authenticator_class = 'dummy'",
            f"c.DummyAuthenticator.password = {PASSWORD!r}",
            "c.Authenticator.allow_all = True",
            "c.JupyterHub.spawner_class = 'simple'",
            f"c.SimpleLocalProcessSpawner.home_dir_template = {str(self.homes / '{username}')!r}",
            f"c.Spawner.cmd = [{str(bin_dir / 'jupyterhub-singleuser')!r}]",
            f"c.Spawner.args = {arguments!r}",
            "c.Spawner.notebook_dir = '~'",
            "c.Spawner.default_url = '/lab'",
            "c.Spawner.start_timeout = 180",
            "c.Spawner.http_timeout = 180",
            "c.JupyterHub.cleanup_servers = True",
        ]) + "\n"

    def start(self) -> None:
        self.homes.mkdir(parents=True, exist_ok=True)
        (self.folder / "jupyterhub_config.py").write_text(self.config(), encoding="utf-8")
        environment = {key: value for key, value in os.environ.items()
                       if not key.startswith(("SPASMCOURSE_", "JUPYTER", "XDG_", "IPYTHON"))}
        environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment.get('PATH', '')}"
        log = (self.folder / "hub.log").open("wb")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(self.folder / "jupyterhub_config.py")],
            cwd=self.folder, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(self._answers, 90, "the hub to answer")

    def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"the hub exited ({self.process.returncode}):\n{self.log_tail()}")
        try:
            return requests.get(f"{self.url}/hub/api", timeout=2).status_code == 200
        except requests.ConnectionError:
            return False

    def log_tail(self, lines: int = 60) -> str:
        path = self.folder / "hub.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def singleuser_processes(self) -> dict[str, psutil.Process]:
        """The running single-user server of each student, found by its JUPYTERHUB_USER."""
        found = {}
        for process in psutil.process_iter(["cmdline"]):
            try:
                if any("jupyterhub-singleuser" in part for part in process.info["cmdline"] or []):
                    environment = process.environ()
                    if environment.get("HOME", "").startswith(str(self.homes)):
                        found[environment["JUPYTERHUB_USER"]] = process
            except (psutil.Error, KeyError):
                continue
        return found

    def stop(self) -> None:
        """Stop the hub (it stops the proxy and the single-user servers), then anything of ours left."""
        leftovers = list(self.singleuser_processes().values())
        leftovers += [child for p in leftovers for child in _children(p)]
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        for process in leftovers:
            with contextlib.suppress(psutil.Error):
                process.kill()


def _children(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def cpu_seconds(process: psutil.Process) -> float:
    """CPU time the process has used so far (user and system)."""
    times = process.cpu_times()
    return times.user + times.system


def memory(process: psutil.Process) -> tuple[float, float]:
    """Resident and proportional set size (PSS: shared pages split among the processes using them), MB."""
    info = process.memory_full_info()
    return info.rss / 1e6, getattr(info, "pss", info.rss) / 1e6


@dataclass
class Student:
    """One student with a browser-like session (cookies) on the hub, and an API token of their own."""

    hub: Hub
    name: str
    session: requests.Session = field(default_factory=requests.Session)
    token: str = ""

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def login(self) -> None:
        """Log in through the hub's login form, then ask the hub's API for a token."""
        self.session.get(f"{self.hub.url}/hub/login", timeout=30).raise_for_status()
        answer = self.session.post(f"{self.hub.url}/hub/login",
                                   data={"username": self.name, "password": PASSWORD,
                                         "_xsrf": self.session.cookies.get("_xsrf", "")},
                                   allow_redirects=False, timeout=60)
        assert answer.status_code == 302, f"login of {self.name} failed: {answer.status_code}"
        made = self.session.post(f"{self.hub.url}/hub/api/users/{self.name}/tokens",
                                 json={"note": "classroom test", "expires_in": 3600},
                                 headers={"X-XSRFToken": self.session.cookies.get("_xsrf", path="/hub/") or ""},
                                 timeout=60)
        assert made.status_code in (200, 201), f"no token for {self.name}: {made.status_code} {made.text}"
        self.token = made.json()["token"]

    def api(self, method: str, path: str, **options) -> requests.Response:
        """A call to this student's own server with their token (or to `path` if it is a full address)."""
        url = path if path.startswith("http") else f"{self.server}/{path.lstrip('/')}"
        return requests.request(method, url, headers={"Authorization": f"token {self.token}"}, timeout=120,
                                **options)

    def follow_link(self, link: str) -> dict:
        """Click the nbgitpuller link: the hub starts the server, then the pull page's request runs.

        Returns the last event the pull reported ({"phase": "finished"} on success)."""
        page = self.session.get(link, timeout=180)
        if "/spawn-pending/" in page.url or "/hub/spawn" in page.url:
            wait_for(self._server_ready, 180, f"{self.name}'s server to start")
            page = self.session.get(link, timeout=180)
        page.raise_for_status()
        assert "/git-pull" in page.url, f"the link led to {page.url}"
        data = {name: unquote(html.unescape(value))
                for name, value in re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        query = {"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"]}
        query |= {key: data[key] for key in ("depth", "branch") if key in data}
        return self._pull(f"{self.hub.url}{data['base-url']}git-pull/api?{urlencode(query)}")

    def _pull(self, url: str) -> dict:
        last: dict = {}
        with self.session.get(url, stream=True, timeout=180) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data: "):
                    last = json.loads(line[len("data: "):])
                    if last.get("phase") in ("finished", "error"):
                        break
        return last

    def _server_ready(self) -> bool:
        user = self.api("GET", f"{self.hub.url}/hub/api/users/{self.name}").json()
        server = (user.get("servers") or {}).get("")
        return bool(server and server.get("ready"))

    def open_kernel(self, notebook: str = LESSON_NOTEBOOK) -> Kernel:
        """Open the notebook as JupyterLab does: a session with a python3 kernel, then its websocket."""
        made = self.api("POST", "api/sessions", json={"path": notebook, "type": "notebook", "name": "",
                                                      "kernel": {"name": "python3"}})
        assert made.status_code == 201, made.text
        kernel_id = made.json()["kernel"]["id"]
        address = f"ws://127.0.0.1:{self.hub.port}/user/{self.name}/api/kernels/{kernel_id}/channels"
        connection = websocket.create_connection(address, header=[f"Authorization: token {self.token}"],
                                                 timeout=180)
        return Kernel(connection, self.name)

    def notebook(self, path: str = LESSON_NOTEBOOK) -> dict:
        """The notebook as the contents API gives it."""
        answer = self.api("GET", f"api/contents/{quote(path)}", params={"content": 1})
        answer.raise_for_status()
        return answer.json()["content"]


@dataclass
class Kernel:
    """A kernel's websocket, speaking the Jupyter messaging protocol as JupyterLab does."""

    connection: websocket.WebSocket
    username: str
    session: str = field(default_factory=lambda: uuid.uuid4().hex)
    widgets: dict[str, dict] = field(default_factory=dict)

    def send(self, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        self.connection.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.username, "session": self.session,
                       "msg_type": msg_type, "version": "5.3", "date": datetime.now(UTC).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        return msg_id

    def messages(self) -> Iterator[dict]:
        while True:
            yield json.loads(self.connection.recv())

    def execute(self, code: str) -> list[dict]:
        """Run code; returns its iopub messages. Widget models opened on the way are kept in `widgets`."""
        msg_id = self.send("execute_request", {"code": code, "silent": False, "store_history": True,
                                               "user_expressions": {}, "allow_stdin": False,
                                               "stop_on_error": True})
        seen = []
        for message in self.messages():
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            seen.append(message)
            kind = message["header"]["msg_type"]
            if kind == "comm_open" and message["content"].get("target_name") == "jupyter.widget":
                self.widgets[message["content"]["comm_id"]] = message["content"]["data"]["state"]
            if kind == "error":
                raise AssertionError(f"the cell failed: {message['content']['ename']}: {message['content']['evalue']}")
            if kind == "status" and message["content"]["execution_state"] == "idle":
                return seen
        return seen

    def comm(self, comm_id: str, data: dict) -> None:
        """Send a widget message (a state update or a custom event) as the browser's widget manager does."""
        self.send("comm_msg", {"comm_id": comm_id, "data": data})

    def close(self) -> None:
        self.connection.close()
