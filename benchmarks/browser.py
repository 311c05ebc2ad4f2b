"""Headless Chromium measurements: time to an interactive quiz, click-to-feedback latency, requests attempted."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from common import Figure, Section, Settings, log, median
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]
TTI_TARGET_MS = 100.0
PAGE = "html/01-what-is-a-spasm.html"
BLANK_PAGE = "<!doctype html><html lang=en><title>blank</title><p>blank</p></html>"
NAVIGATION = "() => performance.getEntriesByType('navigation')[0].toJSON()"
TIMED_CLICK = """([question, button, verdict]) => new Promise((resolve) => {
  const box = document.querySelector(question);
  let started = 0;
  const observer = new MutationObserver(() => {
    const node = box.querySelector(verdict);
    if (node && node.textContent.trim()) { observer.disconnect(); resolve(performance.now() - started); }
  });
  observer.observe(box, {childList: true, subtree: true, characterData: true});
  started = performance.now();
  box.querySelector(button).click();
})"""
TAG_QUESTIONS = "(selector) => document.querySelectorAll(selector).forEach((node, i) => node.dataset.bench = i)"


@dataclass(frozen=True)
class QuizDom:
    """How to find a quiz's questions, answer one, and tell that the page's quizzes are ready."""

    question: str
    button: str
    verdict: str
    ready: str
    choose: str = ""
    init_script: str = ""


OURS = QuizDom(question="form.sc-type-single, form.sc-type-multiple", button=".sc-check", verdict=".sc-verdict",
               ready="() => performance.getEntriesByName('sc-quiz-ready').map((entry) => entry.startTime)[0]",
               choose="input")


@dataclass
class Visit:
    """A fresh browser context that refuses, and counts, every request outside the allowed address prefix."""

    context: BrowserContext
    allowed: str
    refused: list[str] = field(default_factory=list)

    def refuse(self, route: Route) -> None:
        """Abort a request and remember its address."""
        self.refused.append(route.request.url)
        route.abort()

    def open(self, url: str) -> Page:
        """A new page at `url`, after its load event."""
        page = self.context.new_page()
        page.goto(url, wait_until="load")
        return page


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium driven by Playwright."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def visit(browser: Browser, allowed: str, init_script: str = "") -> Iterator[Visit]:
    """A Visit in a new context; when only file: is allowed, the context is also set offline."""
    context = browser.new_context()
    holder = Visit(context, allowed)
    if allowed == "file:":
        context.set_offline(True)
    if init_script:
        context.add_init_script(init_script)
    context.route(re.compile(rf"^(?!{re.escape(allowed)}|data:|blob:|about:)"), holder.refuse)
    try:
        yield holder
    finally:
        context.close()


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """`python -m http.server` over `folder` on a free loopback port; yields its base address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for_port(port: int, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as client:
            if client.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"http.server did not listen on port {port} within {seconds:.0f} s")


def ready_ms(page: Page, dom: QuizDom) -> float:
    """Milliseconds from navigation start to when the page's quizzes are ready."""
    page.wait_for_function(f"() => ({dom.ready})() !== undefined", timeout=10_000)
    return float(page.evaluate(dom.ready))


def click_latencies(page: Page, dom: QuizDom, questions: int) -> list[float]:
    """For the first few questions: choose an answer, then time a click on its button to a verdict with text."""
    page.evaluate(TAG_QUESTIONS, dom.question)
    latencies = []
    for index in range(min(questions, page.locator(dom.question).count())):
        question = f'[data-bench="{index}"]'
        if dom.choose:
            page.locator(f"{question} {dom.choose}").first.check()
        latencies.append(float(page.evaluate(TIMED_CLICK, [question, dom.button, dom.verdict])))
    return latencies


@dataclass
class PageTimes:
    """Medians over several loads of one page, and the requests it attempted."""

    ready: float
    content_loaded: float
    ready_after_loaded: float
    click: float
    refused: list[str]


def measure_page(browser: Browser, url: str, allowed: str, dom: QuizDom, loads: int, questions: int) -> PageTimes:
    """Load a page `loads` times (after one warm-up load), each in a fresh context, and time it.

    Requests outside `allowed` (an address prefix) are refused and counted; "file:" also sets the context offline.
    """
    ready, loaded, clicks, refused = [], [], [], []
    for number in range(loads + 1):
        with visit(browser, allowed, dom.init_script) as holder:
            page = holder.open(url)
            if number:
                ready.append(ready_ms(page, dom))
                loaded.append(float(page.evaluate(NAVIGATION)["domContentLoadedEventStart"]))
                clicks += click_latencies(page, dom, questions)
            refused += holder.refused
    after = [mark - content for mark, content in zip(ready, loaded, strict=True)]
    return PageTimes(median(ready), median(loaded), median(after), median(clicks), sorted(set(refused)))


def blank_page_ms(browser: Browser, folder: Path, loads: int) -> float:
    """Median time to DOMContentLoaded of a blank page from file://: what this machine's browser needs at least."""
    page = folder / "blank.html"
    page.write_text(BLANK_PAGE, encoding="utf-8")
    times = []
    for _ in range(loads + 1):
        with visit(browser, "file:") as holder:
            times.append(float(holder.open(page.as_uri()).evaluate(NAVIGATION)["domContentLoadedEventStart"]))
    return median(times[1:])


def quiz_counts(page: Path) -> tuple[int, int]:
    """How many quizzes and questions an exported page shows."""
    html = page.read_text(encoding="utf-8")
    return html.count('class="sc-quiz"'), html.count('<form class="sc-question')


def _reason(times: PageTimes, blank: float, page: Path) -> str:
    return (f"the last quizzes start at DOMContentLoaded ({times.content_loaded:.0f} ms): Chromium parses the "
            f"{page.stat().st_size / 1024:.0f} KB page in chunks, laying it out and painting in between, and runs the "
            f"shared scripts on the way (a blank page takes {blank:.0f} ms on this machine)")


def measure_browser(settings: Settings) -> Section:
    """Time to interactive and click latency on lesson 01, offline from file:// and live over http."""
    loads, questions = settings.repeats, 3 if settings.quick else 6
    page = settings.out / PAGE
    with chromium() as browser:
        log(f"browser: blank page and {page.name} offline from file://, {loads} loads")
        blank = blank_page_ms(browser, settings.work, loads)
        offline = measure_page(browser, page.as_uri(), "file:", OURS, loads, questions)
        with static_server(settings.out) as base:
            log(f"browser: {page.name} live from {base}, {loads} loads")
            live = measure_page(browser, base + PAGE, base, OURS, loads, questions)
    clicks = f"median over {questions} questions x {loads} loads"
    quizzes, asked = quiz_counts(page)
    return Section(f"Time to interactive in headless Chromium (lesson 01: {quizzes} quizzes, {asked} questions)", [
        Figure("Quizzes interactive after navigation start, offline (file://)", offline.ready, "ms", TTI_TARGET_MS,
               reason=_reason(offline, blank, page), note="navigation start to the sc-quiz-ready mark",
               floor=("a blank page's load", blank)),
        Figure("Quizzes interactive after navigation start, live (http.server)", live.ready, "ms", TTI_TARGET_MS,
               reason=_reason(live, blank, page), floor=("a blank page's load", blank)),
        Figure("Quizzes interactive after DOMContentLoaded, offline (the other reading of the target)",
               offline.ready_after_loaded, "ms", TTI_TARGET_MS),
        Figure("Requests attempted outside file:// (offline)", len(offline.refused), "", 0,
               note=", ".join(offline.refused)),
        Figure("Requests attempted outside the server (live)", len(live.refused), "", 0, note=", ".join(live.refused)),
        Figure(f"Click on Check answer to verdict, offline ({clicks})", offline.click, "ms"),
        Figure(f"Click on Check answer to verdict, live ({clicks})", live.click, "ms"),
    ], [f"Each page loaded {loads} times after one warm-up load, each time in a fresh browser context."])
