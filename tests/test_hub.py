"""A class of six students on a real JupyterHub: each logs in, follows the README's nbgitpuller link,
gets their own copy of the course, starts a kernel and answers lesson 01's first quiz.

Run with `make test-hub` (marked `hub`, so `make test` leaves it out). It prints the time from
login to first saved answer with six students at once, and the memory of each single-user server.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from conftest import CHROMIUM_FLAGS, copy_course, find_chromium
from hubkit import (
    COURSE_FOLDER,
    LESSON_NOTEBOOK,
    PASSWORD,
    PROXY,
    REPO,
    Hub,
    Student,
    cpu_seconds,
    memory,
    nbgitpuller_link,
    wait_for,
)
from spasmcourse.classroom.handins import HandIn, read_store
from spasmcourse.content import load_course
from spasmcourse.elements.quiz.checking import check, choice_options
from spasmcourse.progress.store import FILE_NAME, data_dir

pytestmark = pytest.mark.hub

LESSON = "01-what-is-a-spasm"
QUIZ = load_course(REPO).lesson_quizzes(LESSON)[0]
KEYS = [(LESSON, QUIZ.id, question.id) for question in QUIZ.questions]
# The option each student picks in the quiz's first question, then whether they get each later one right.
CHOICES = {"ada": "Spasticity", "ben": "Rigidity", "cai": "Spasticity", "dev": "Cramp", "eve": "Spasticity",
           "fin": "Fasciculation"}
LATER_RIGHT = {"ada": (True, True, True), "ben": (False, True, False), "cai": (True, False, True),
               "dev": (False, False, False), "eve": (True, True, False), "fin": (False, True, True)}
IN_BROWSER = "fin"  # clicks the link in Chromium and answers in JupyterLab; the others use the APIs
TEACHER = ["-c", "user.name=Teacher", "-c", "user.email=teacher@example.org"]


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *TEACHER, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@dataclass
class Course:
    """The teacher's working copy and the bare repository the students' link pulls from."""

    work: Path
    bare: Path

    @property
    def url(self) -> str:
        return self.bare.as_uri()

    def publish(self, message: str) -> None:
        git("add", "-A", cwd=self.work)
        git("commit", "-q", "-m", message, cwd=self.work)
        git("push", "-q", "origin", "main", cwd=self.work)


@dataclass
class Result:
    student: Student
    seconds_to_saved: float
    pull: dict


def picks(name: str) -> list[list[str]]:
    """The option texts a student ticks in each question of the first quiz (a wrong answer: one wrong option)."""
    chosen = [[CHOICES[name]]]
    for question, right in zip(QUIZ.questions[1:], LATER_RIGHT[name], strict=True):
        options = choice_options(question)
        chosen.append([o.text for o in options if o.correct] if right else
                      [next(o.text for o in options if not o.correct)])
    return chosen


def expected_answers(name: str) -> dict[tuple[str, str, str], tuple[list[int], bool]]:
    """What the student's store must hold: the options' indexes, and whether that answer is right."""
    expected = {}
    for key, question, texts in zip(KEYS, QUIZ.questions, picks(name), strict=True):
        answer = sorted(i for i, option in enumerate(choice_options(question)) if option.text in texts)
        expected[key] = (answer, check(question, answer).correct)
    return expected


def store_path(hub: Hub, name: str) -> Path:
    return hub.home(name) / ".local" / "share" / "spasmcourse" / FILE_NAME


def saved(hub: Hub, name: str, count: int = 1) -> HandIn | None:
    """The student's store once it holds at least `count` answers."""
    path = store_path(hub, name)
    if not path.exists():
        return None
    handin = read_store(path)
    return handin if len(handin.answers or {}) >= count else None


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    root = tmp_path_factory.mktemp("course-repo")
    work = copy_course(root / "work")
    shutil.copy2(REPO / "README.md", work / "README.md")
    git("init", "-q", "-b", "main", cwd=work)
    bare = root / COURSE_FOLDER  # a bare repository; nbgitpuller names the folder after the last part of its address
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", "The course as the teacher publishes it", cwd=work)
    git("clone", "-q", "--bare", str(work), str(bare), cwd=root)
    git("remote", "add", "origin", str(bare), cwd=work)
    return Course(work, bare)


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    if not PROXY.exists():
        pytest.fail("configurable-http-proxy is missing: run `make test-hub` (it installs it into .hub/proxy)")
    running = Hub(tmp_path_factory.mktemp("hub"))
    try:
        running.start()
        yield running
    finally:
        running.stop()


def answer_first_quiz(student: Student, started: float) -> float:
    """Run the lesson's cells up to its first quiz, then tick and check each question's options as the
    browser's widget manager would; returns the seconds from `started` to the first saved answer."""
    kernel = student.open_kernel()
    try:
        cells = [cell for cell in student.notebook()["cells"] if cell["cell_type"] == "code"]
        first_quiz = next(i for i, cell in enumerate(cells) if cell["source"].startswith("quiz("))
        for cell in cells[: first_quiz]:
            kernel.execute(cell["source"])
        kernel.widgets.clear()
        kernel.execute(cells[first_quiz]["source"])
        first_saved = 0.0
        for number, (segment, texts) in enumerate(zip(question_widgets(kernel.widgets), picks(student.name),
                                                      strict=True), start=1):
            models, check_button = segment
            for comm_id, state in models:
                if state["_model_name"] == "RadioButtonsModel":
                    kernel.comm(comm_id, {"method": "update", "buffer_paths": [],
                                          "state": {"index": state["_options_labels"].index(texts[0])}})
                elif state["_model_name"] == "CheckboxModel" and state["description"] in texts:
                    kernel.comm(comm_id, {"method": "update", "state": {"value": True}, "buffer_paths": []})
            kernel.comm(check_button, {"method": "custom", "content": {"event": "click"}})
            wait_for(lambda n=number: saved(student.hub, student.name, n), 60,
                     f"{student.name}'s answer {number} to be saved", every=0.1)
            first_saved = first_saved or time.monotonic() - started
        return first_saved
    finally:
        kernel.close()


def question_widgets(widgets: dict[str, dict]) -> list[tuple[list[tuple[str, dict]], str]]:
    """The quiz's widget models split per question: those opened before each "Check answer" button."""
    questions, current = [], []
    for comm_id, state in widgets.items():
        if state["_model_name"] == "ButtonModel" and state.get("description") == "Check answer":
            questions.append((current, comm_id))
            current = []
        else:
            current.append((comm_id, state))
    return questions


def one_student(hub: Hub, course: Course, name: str) -> Result:
    started = time.monotonic()
    student = Student(hub, name)
    student.login()
    pull = student.follow_link(nbgitpuller_link(hub.url, course.url))
    assert pull.get("phase") == "finished", pull
    return Result(student, answer_first_quiz(student, started), pull)


def browser_student(hub: Hub, course: Course, name: str, shots: Path) -> Result:
    """Click the link in Chromium, log in on the hub's form, land in JupyterLab, answer in lesson 01."""
    from playwright.sync_api import expect, sync_playwright

    started = time.monotonic()
    refused: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                f"http://127.0.0.1:{hub.port}/") else (refused.append(route.request.url), route.abort()))
            page.goto(nbgitpuller_link(hub.url, course.url))
            page.locator("#username_input").fill(name)
            page.locator("#password_input").fill(PASSWORD)
            page.locator("#login_submit").click()
            expect(page.locator(".lm-TabBar-tab.jp-mod-current", has_text="00-start-here")).to_be_visible(
                timeout=180_000)
            assert f"/user/{name}/lab/tree/{COURSE_FOLDER}/notebooks/00-start-here.ipynb" in page.url
            page.goto(f"{hub.url}/user/{name}/lab/tree/{LESSON_NOTEBOOK}")
            expect(page.locator(".lm-TabBar-tab.jp-mod-current", has_text="01-what-is-a-spasm")).to_be_visible(
                timeout=120_000)
            expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=120_000)
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            seconds = 0.0
            for number, texts in enumerate(picks(name), start=1):
                box = page.locator(".sc-live .sc-question").nth(number - 1)
                expect(box).to_be_visible(timeout=120_000)
                box.scroll_into_view_if_needed()
                for text in texts:
                    box.get_by_label(text, exact=True).check()
                box.get_by_role("button", name="Check answer").click()
                expect(box.locator(".sc-verdict")).to_be_visible(timeout=60_000)
                wait_for(lambda n=number: saved(hub, name, n), 60, f"{name}'s answer {number} to be saved",
                         every=0.1)
                seconds = seconds or time.monotonic() - started
            expect(page.locator(".sc-summary-total")).to_be_visible(timeout=120_000)
            page.locator(".sc-live .sc-question").first.scroll_into_view_if_needed()
            page.screenshot(path=str(shots / "hub-student-in-jupyterlab.png"))
        finally:
            browser.close()
    assert refused == [], f"the browser tried to leave the hub: {refused}"
    return Result(Student(hub, name), seconds, {"phase": "finished"})


@pytest.fixture(scope="module")
def classroom(hub: Hub, course: Course, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    """Six students at once, from login to their first saved answer (one of them in a real browser)."""
    shots = tmp_path_factory.mktemp("screenshots")
    with ThreadPoolExecutor(max_workers=len(CHOICES)) as pool:
        futures = {name: pool.submit(browser_student, hub, course, name, shots) if name == IN_BROWSER
                   else pool.submit(one_student, hub, course, name) for name in CHOICES}
        results = {name: future.result() for name, future in futures.items()}
    figures = measurements(hub, results)
    print("\n" + report(figures))
    out = REPO / ".hub" / "measurements.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return results


def measurements(hub: Hub, results: dict[str, Result]) -> dict:
    """Per student: seconds from login to saved answer, memory of the server and its kernel, CPU used.

    The API students' kernels ran lesson 01 up to its first quiz; the browser student's ran all of it."""
    servers = hub.singleuser_processes()
    assert set(servers) == set(CHOICES), f"running servers: {sorted(servers)}"
    per_student = {}
    for name, process in sorted(servers.items()):
        server_rss, server_pss = memory(process)
        children = process.children(recursive=True)
        kernels = [memory(child) for child in children]
        per_student[name] = {"seconds_login_to_saved": round(results[name].seconds_to_saved, 1),
                             "server_rss_mb": round(server_rss), "server_pss_mb": round(server_pss),
                             "kernels": len(kernels), "kernel_rss_mb": round(sum(k[0] for k in kernels)),
                             "kernel_pss_mb": round(sum(k[1] for k in kernels)),
                             "cpu_seconds": round(cpu_seconds(process) + sum(cpu_seconds(c) for c in children), 1),
                             "via": "browser" if name == IN_BROWSER else "api"}
    seconds = [row["seconds_login_to_saved"] for row in per_student.values()]
    return {"students": len(per_student), "cores": os.cpu_count(), "per_student": per_student,
            "seconds_max": max(seconds), "seconds_median": sorted(seconds)[len(seconds) // 2]}


def report(figures: dict) -> str:
    lines = [f"Hub test: {figures['students']} students at once on {figures['cores']} cores",
             "student  login->saved  server RSS/PSS MB  kernels RSS/PSS MB  CPU s  via"]
    for name, row in figures["per_student"].items():
        lines.append(f"{name:<8} {row['seconds_login_to_saved']:>9.1f} s  {row['server_rss_mb']:>7} /"
                     f" {row['server_pss_mb']:<7}  {row['kernels']} {row['kernel_rss_mb']:>5} /"
                     f" {row['kernel_pss_mb']:<7}"
                     f" {row['cpu_seconds']:>5.1f}  {row['via']}")
    lines.append(f"slowest {figures['seconds_max']} s, median {figures['seconds_median']} s")
    return "\n".join(lines)


def test_each_student_gets_their_own_copy(hub: Hub, classroom: dict[str, Result]) -> None:
    for name in CHOICES:
        copy = hub.home(name) / COURSE_FOLDER
        assert (copy / ".git").is_dir() and (copy / LESSON_NOTEBOOK.split("/", 1)[1]).is_file()
        assert git("rev-parse", "--show-toplevel", cwd=copy).strip() == str(copy)
    assert sorted(p.name for p in hub.homes.iterdir()) == sorted(CHOICES)


def test_each_answer_is_saved_in_its_own_store_and_no_other(hub: Hub, classroom: dict[str, Result]) -> None:
    pseudonyms = set()
    for name, choice in CHOICES.items():
        handin = saved(hub, name)
        assert handin is not None
        stored = {key: (answer.answer, answer.correct) for key, answer in handin.answers.items()}
        assert stored == expected_answers(name), f"{name}'s store holds {stored}"
        assert stored[KEYS[0]][1] == (choice == "Spasticity")
        pseudonyms.add(handin.pseudonym)
        stores = sorted(p.relative_to(hub.home(name)) for p in hub.home(name).rglob(f"{FILE_NAME}"))
        assert stores == [store_path(hub, name).relative_to(hub.home(name))]
    assert len(pseudonyms) == len(CHOICES)
    assert not (data_dir() / FILE_NAME).exists(), "an answer went to the test's own progress folder"


def test_a_student_cannot_reach_another_students_server(hub: Hub, classroom: dict[str, Result]) -> None:
    ada, ben = classroom["ada"].student, classroom["ben"].student
    for path in (f"api/contents/{COURSE_FOLDER}", f"files/.local/share/spasmcourse/{FILE_NAME}",
                 f"api/contents/.local/share/spasmcourse/{FILE_NAME}"):
        with_token = ada.api("GET", f"{ben.server}/{path}", allow_redirects=False)
        assert with_token.status_code == 403, (path, with_token.status_code)
        with_cookies = ada.session.get(f"{ben.server}/{path}", timeout=60)
        assert with_cookies.status_code == 403, (path, with_cookies.status_code)
        assert "speed-dependent" not in with_cookies.text and '"type": "directory"' not in with_cookies.text
    assert ada.api("GET", f"{hub.url}/hub/api/users/ben").status_code in (403, 404)
    assert ben.api("GET", f"api/contents/{COURSE_FOLDER}").status_code == 200


def test_second_click_pulls_an_update_and_keeps_the_students_edits(hub: Hub, course: Course,
                                                                   classroom: dict[str, Result]) -> None:
    ada, ben = classroom["ada"].student, classroom["ben"].student
    notebook = nbformat.from_dict(ada.notebook())
    title = next(i for i, cell in enumerate(notebook.cells) if cell.source.startswith("# What is a spasm?"))
    notebook.cells[title].source = notebook.cells[title].source.replace("# What is a spasm?",
                                                                          "# What is a spasm? (my notes)")
    notebook.cells.append(nbformat.v4.new_markdown_cell("My own note: the calf one was a cramp."))
    saved_edit = ada.api("PUT", f"api/contents/{LESSON_NOTEBOOK}",
                         json={"type": "notebook", "format": "json", "content": notebook})
    assert saved_edit.status_code == 200, saved_edit.text
    deleted = "notebooks/02-back-spasms.ipynb"
    assert ben.api("DELETE", f"api/contents/{COURSE_FOLDER}/{deleted}").status_code == 204
    lesson = course.work / "notebooks" / "01-what-is-a-spasm.ipynb"
    upstream = nbformat.read(lesson, as_version=4)
    upstream.cells[title].source = upstream.cells[title].source.replace("# What is a spasm?",
                                                                          "# What is a muscle spasm?")
    upstream.cells[title + 2].source += "\n\nUpdated by the teacher."
    nbformat.write(upstream, lesson)
    (course.work / "notebooks" / "NEWS.md").write_text("A new week, a new note.\n", encoding="utf-8")
    course.publish("Teacher's update")
    for student in (ada, ben):
        pull = student.follow_link(nbgitpuller_link(hub.url, course.url))
        assert pull.get("phase") == "finished", pull
    copy = hub.home("ada") / COURSE_FOLDER
    assert (copy / "notebooks" / "NEWS.md").is_file()
    merged = nbformat.read(copy / "notebooks" / "01-what-is-a-spasm.ipynb", as_version=4)
    assert merged.cells[title].source.startswith("# What is a spasm? (my notes)"), "the student's line wins"
    assert merged.cells[title + 2].source.endswith("Updated by the teacher."), "the teacher's other change arrives"
    assert merged.cells[-1].source == "My own note: the calf one was a cramp."
    assert (hub.home("ben") / COURSE_FOLDER / deleted).is_file(), "a deleted notebook comes back"
    cai = hub.home("cai") / COURSE_FOLDER / "notebooks"
    assert not (cai / "NEWS.md").exists(), "a student who did not click again has no update"
    assert "my notes" not in (cai / "01-what-is-a-spasm.ipynb").read_text(encoding="utf-8")
    assert set(saved(hub, "ada").answers) == set(KEYS), "pulling leaves the saved progress alone"


def test_teacher_reports_on_the_stores_in_the_students_homes(hub: Hub, classroom: dict[str, Result],
                                                             tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    from spasmcourse.cli import main

    out = tmp_path / "class-report.html"
    for show_names in (False, True):
        arguments = ["--root", str(REPO), "class-report", str(hub.homes), "--out", str(out)]
        assert main(arguments + (["--show-names"] if show_names else [])) == 0
        page = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
        rows = [row.th.get_text() for row in page.select("#student-table tbody tr")]
        assert len(rows) == len(CHOICES)
        assert all(any(f"({name})" in row for row in rows) for name in CHOICES) == show_names
        questions = page.select("#question-table tbody tr")
        assert len(questions) == len(KEYS)
        for key, row in zip(KEYS, questions, strict=True):
            right = sum(expected_answers(name)[key][1] for name in CHOICES)
            assert key[2] in row.th.get_text()
            assert row.select("td.num")[1].get_text() == f"{round(100 * right / len(CHOICES))}%"
