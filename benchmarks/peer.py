"""The peer, side by side: the same 8 questions shown with jupyterquiz in a default nbconvert HTML page."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import yaml
from browser import OURS, PAGE, QuizDom, blank_page_ms, chromium, measure_page, quiz_counts
from bs4 import BeautifulSoup
from common import BIN, BenchError, Figure, Section, Settings, kilobytes, log, run
from same_page import build_same_questions_page
from weight import Weight, file_weight, heaviest_parts

QUIZ_FILE = "assets/quizzes/01-what-is-a-spasm.yml"
QUESTIONS = 8
NOTEBOOK = "jupyterquiz-8-questions.ipynb"
PEER_READY = """(() => {
  const buttons = document.getElementsByClassName("MCButton");
  const observer = new MutationObserver(() => {
    if (buttons.length >= %d) { window.benchReady = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, {childList: true, subtree: true});
})();"""


def install_jupyterquiz(folder: Path) -> Path:
    """Download jupyterquiz and install it into a folder of its own (never into .venv); returns that folder."""
    wheels, target = folder / "wheel", folder / "lib"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    try:
        run([*pip, "download", "--no-deps", "--quiet", "-d", wheels, "jupyterquiz"], folder)
        wheel = next(wheels.glob("*.whl"), None)
        if wheel is None:
            raise BenchError("pip download gave no wheel")
        run([*pip, "install", "--no-deps", "--no-index", "--quiet", "--target", target, wheel], folder)
    except BenchError as error:
        raise BenchError(f"jupyterquiz could not be installed, so the peer is skipped: {error}") from None
    return target


def chosen_questions(course: Path) -> list[dict]:
    """The first 8 single and multiple choice questions of lesson 01, as in our quiz file."""
    quizzes = yaml.safe_load((course / QUIZ_FILE).read_text(encoding="utf-8"))["quizzes"]
    return [question for quiz in quizzes for question in quiz["questions"]
            if question["type"] in ("single", "multiple")][:QUESTIONS]


def peer_questions(chosen: list[dict]) -> list[dict[str, object]]:
    """The questions in jupyterquiz's JSON format."""
    return [{"question": question["prompt"],
             "type": "multiple_choice" if question["type"] == "single" else "many_choice",
             "answers": [{"answer": option["text"], "correct": bool(option.get("correct")),
                          "feedback": option.get("feedback", "")} for option in question["options"]]}
            for question in chosen]


def export_peer_page(folder: Path, questions: list[dict[str, object]], library: Path) -> Path:
    """A notebook showing the questions with display_quiz, executed and exported by default nbconvert."""
    (folder / "questions.json").write_text(json.dumps(questions, indent=1), encoding="utf-8")
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                 "display_name": "Python 3 (ipykernel)"}})
    notebook.cells = [nbformat.v4.new_markdown_cell(f"# The same {QUESTIONS} questions with jupyterquiz"),
                      nbformat.v4.new_code_cell('from jupyterquiz import display_quiz\ndisplay_quiz("questions.json")')]
    nbformat.write(notebook, folder / NOTEBOOK)
    paths = [str(library), *filter(None, [os.environ.get("PYTHONPATH")])]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    run([BIN / "jupyter", "nbconvert", "--to", "html", "--execute", NOTEBOOK], folder, environment)
    return folder / NOTEBOOK.replace(".ipynb", ".html")


def with_linked_files(page: Path) -> Weight:
    """The page plus the local CSS and JS files it links to (what a first visit reads)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = {tag.get("href") for tag in soup.find_all("link", rel="stylesheet")}
    links |= {tag.get("src") for tag in soup.find_all("script")}
    local = [page.parent / link for link in links if link and "://" not in link]
    return sum((file_weight(path) for path in local if path.is_file()), file_weight(page))


def measure_peer(settings: Settings) -> Section:
    """jupyterquiz's page against our lesson 01 page: bytes, gzip, requests offline, time to interactive."""
    folder = settings.work / "peer"
    folder.mkdir(exist_ok=True)
    log("peer: installing jupyterquiz into a scratch folder and exporting its page")
    chosen = chosen_questions(settings.course)
    questions = peer_questions(chosen)
    same_page = build_same_questions_page(settings.course, settings.work / "same-questions", chosen)
    library = install_jupyterquiz(folder)
    version = next(library.glob("*.dist-info")).name.removesuffix(".dist-info").partition("-")[2]
    page = export_peer_page(folder, questions, library)
    answers = sum(len(question["answers"]) for question in questions)
    peer_dom = QuizDom(question=".Quiz", button=".MCButton", verdict=".Feedback", ready="() => window.benchReady",
                       init_script=PEER_READY % answers)
    loads, clicks = settings.repeats, 3 if settings.quick else 6
    ours_page = settings.out / PAGE
    with chromium() as browser:
        log(f"peer: both pages offline from file://, {loads} loads each")
        peer = measure_page(browser, page.as_uri(), "file:", peer_dom, loads, clicks)
        ours = measure_page(browser, ours_page.as_uri(), "file:", OURS, loads, clicks)
        same = measure_page(browser, same_page.as_uri(), "file:", OURS, loads, clicks)
        blank = blank_page_ms(browser, settings.work, loads)
    same_total = with_linked_files(same_page)
    peer_weight, ours_weight, ours_total = file_weight(page), file_weight(ours_page), with_linked_files(ours_page)
    others = [kind.removeprefix("sc-") for kind, _ in heaviest_parts(ours_page) if kind != "sc-quiz"]
    whole = (f"ours is a whole lesson, not {QUESTIONS} questions: {quiz_counts(ours_page)[1]} questions, its text and "
             f"{', '.join(others)}")
    shared = whole + ", plus the shared CSS and JS"
    half = 0.5
    jq_raw, jq_gzip = kilobytes(peer_weight.raw), kilobytes(peer_weight.gzipped)
    same_name = f"Same {QUESTIONS} questions, our page"
    same_figures = [
        Figure(f"{same_name} + the shared files it loads: bytes", kilobytes(same_total.raw), "KB", half * jq_raw,
               [("jupyterquiz", jq_raw)], "the shared CSS and JS serve every element of the course, not only quizzes"),
        Figure(f"{same_name} + the shared files it loads: gzip", kilobytes(same_total.gzipped), "KB", half * jq_gzip,
               [("jupyterquiz", jq_gzip)], "the shared CSS and JS serve every element of the course, not only quizzes"),
        Figure(f"{same_name}: requests attempted offline", len(same.refused), "", 0,
               [("jupyterquiz", len(peer.refused))]),
        Figure(f"{same_name}: time to interactive (all questions clickable)", same.ready, "ms", half * peer.ready,
               [("jupyterquiz", peer.ready)],
               f"half of jupyterquiz's time is within {half * peer.ready - blank:.0f} ms of a blank page's load "
               f"({blank:.0f} ms); our quizzes start from deferred scripts once the page is parsed",
               f"DOMContentLoaded: ours {same.content_loaded:.0f} ms, jupyterquiz {peer.content_loaded:.0f} ms",
               floor=("a blank page's load", blank)),
        Figure(f"{same_name}: click to feedback", same.click, "ms", compared=[("jupyterquiz", peer.click)]),
    ]
    return Section(f"Peer: jupyterquiz, {QUESTIONS} questions, default nbconvert HTML (offline, file://)", [
        *same_figures,
        Figure("Whole lesson 01: page bytes, page alone", kilobytes(ours_weight.raw), "KB", half * jq_raw,
               [("jupyterquiz", jq_raw)], whole),
        Figure("Whole lesson 01: page bytes + the shared files it loads", kilobytes(ours_total.raw), "KB",
               half * kilobytes(peer_weight.raw), [("jupyterquiz", kilobytes(peer_weight.raw))], shared),
        Figure("Whole lesson 01: page gzip, page alone", kilobytes(ours_weight.gzipped), "KB",
               half * kilobytes(peer_weight.gzipped), [("jupyterquiz", kilobytes(peer_weight.gzipped))], whole),
        Figure("Whole lesson 01: page gzip + the shared files it loads", kilobytes(ours_total.gzipped), "KB",
               half * kilobytes(peer_weight.gzipped), [("jupyterquiz", kilobytes(peer_weight.gzipped))], shared),
        Figure("Whole lesson 01: requests attempted offline", len(ours.refused), "", 0,
               [("jupyterquiz", len(peer.refused))], note="jupyterquiz page: " + ", ".join(peer.refused)),
        Figure("Whole lesson 01: time to interactive (all questions clickable)", ours.ready, "ms", half * peer.ready,
               [("jupyterquiz", peer.ready)], "our last quizzes start when the whole lesson page is parsed; "
               "jupyterquiz's one script runs as soon as the parser reaches it",
               f"jupyterquiz: when all its {answers} answer buttons exist; DOMContentLoaded: ours "
               f"{ours.content_loaded:.0f} ms, jupyterquiz {peer.content_loaded:.0f} ms"),
        Figure("Whole lesson 01: click to feedback", ours.click, "ms", compared=[("jupyterquiz", peer.click)]),
    ], [f"jupyterquiz {version}: {page.name}, the first {QUESTIONS} single and multiple choice questions of "
        f"{QUIZ_FILE} ({answers} answers), each page loaded {loads} times after a warm-up load. Ours: the same "
        f"questions as one more lesson ({same_page.name}: its title, lesson_intro() and one quiz) built by "
        "`spasmcourse build --only html` in a copy of the course. Target: ours at most half of jupyterquiz's "
        "figure, with no request."])
