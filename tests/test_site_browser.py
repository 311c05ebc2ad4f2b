"""The whole exported site from file:// with the network off: links, shared files, search, layout, axe."""

from __future__ import annotations

import functools
import html
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import AXE, REPO, OfflinePage, screenshot
from spasmcourse.content import load_course
from spasmcourse.elements.flowchart.static import flowchart_dom_id
from test_export_browser import answer_wrong_then_right, first_question
from test_flowchart_browser import follow, shortest_path_to

COURSE = load_course(REPO)
LESSON_IDS = [lesson.id for lesson in COURSE.lessons]
CHARTS = sorted(COURSE.flowcharts.values(), key=lambda chart: chart.id)
SITE_PAGES = ["index.html", "glossary.html", "references.html", "search.html",
              *(f"flowchart-{chart.id}.html" for chart in CHARTS)]
ALL_PAGES = [*(f"html/{name}" for name in SITE_PAGES), *(f"html/{i}.html" for i in LESSON_IDS),
             *(f"slides/{i}.slides.html" for i in LESSON_IDS)]
LINK = re.compile(r"""<(?:a|link|script|img)\b[^>]*?\b(?:href|src)="([^"]*)\"""", re.I)
ELEMENT_ID = re.compile(r"""\bid="([^"]+)\"""")


def internal_targets(page: Path) -> list[tuple[str, Path, str]]:
    """Every link or load of a page that stays inside the build: (as written, file, fragment)."""
    targets = []
    for href in LINK.findall(page.read_text(encoding="utf-8")):
        parts = urlsplit(html.unescape(href))
        if parts.scheme or href.startswith("//"):
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        targets.append((href, target, parts.fragment))
    return targets


def element_ids(page: Path) -> set[str]:
    """The ids of a page's elements, as a browser reads them."""
    return {html.unescape(found) for found in ELEMENT_ID.findall(page.read_text(encoding="utf-8"))}


def broken_links(folder: Path) -> list[str]:
    """Every link or load in the HTML pages under `folder` whose file or element is missing."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(folder.rglob("*.html")):
        for href, target, fragment in internal_targets(page):
            if not target.is_file():
                broken.append(f"{page.relative_to(folder)}: {href} (no such file)")
            elif fragment and target.suffix == ".html":
                known = ids.setdefault(target, element_ids(target))
                if fragment not in known and unquote(fragment) not in known:
                    broken.append(f"{page.relative_to(folder)}: {href} (no element #{fragment})")
    return broken


def test_every_internal_link_and_load_resolves(built_course: Path) -> None:
    assert len(list(built_course.rglob("*.html"))) >= len(ALL_PAGES)
    assert broken_links(built_course) == []


def axe_violations(page) -> list[str]:
    """The serious and critical axe-core violations of the page as it is now."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' '))}`);
    }""")


def test_pages_share_css_and_js_files_instead_of_inlining_them(built_course: Path) -> None:
    for relative in ALL_PAGES:
        html = (built_course / relative).read_text(encoding="utf-8")
        assert "data-sc-asset" not in html, f"{relative} inlines an element's CSS or JS"
        assert not re.search(r"<style\b", html), f"{relative} has an inline stylesheet"
        assert '"../assets/' in html, f"{relative} does not use the shared files"
    lesson = (built_course / "html" / "01-what-is-a-spasm.html").read_text(encoding="utf-8")
    assert lesson.count('src="../assets/quiz-ui.js"') == 1
    assert lesson.count('href="../assets/quiz.css"') == 1


@pytest.mark.parametrize("relative", ALL_PAGES)
def test_page_loads_offline_with_its_shared_styles(built_course: Path, offline: OfflinePage, relative: str) -> None:
    page = offline.open(built_course / relative)
    if relative.startswith("html/"):
        assert "system-ui" in page.evaluate("getComputedStyle(document.body).fontFamily")
    else:
        expect(page.locator(".reveal.ready")).to_have_count(1)


def test_index_links_every_part_of_the_site(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "index.html")
    course_map = page.locator(".sc-course-map > li")
    expect(course_map).to_have_count(len(LESSON_IDS))
    for lesson, item in zip(COURSE.lessons, course_map.all(), strict=True):
        expect(item).to_contain_text(f"about {lesson.minutes} minutes")
        for required in lesson.requires:
            expect(item).to_contain_text(COURSE.lesson(required).title)
        for objective in lesson.objectives:
            expect(item).to_contain_text(objective)
    for name in ("Glossary", "Sources", "Search", *(chart.title for chart in CHARTS)):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    page.get_by_role("link", name="Sources", exact=True).click()
    expect(page.locator("h1")).to_have_text("Sources")
    expect(page.locator("main li[id^=ref-]")).to_have_count(len(COURSE.references))


def test_lesson_page_has_a_table_of_contents(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "06-trigger-points-and-jaw-pain.html")
    toc = page.get_by_role("navigation", name="On this page")
    expect(toc).to_be_visible()
    links = toc.get_by_role("link")
    assert links.count() >= 8
    expect(links.first).to_have_text("Trigger points: building on lesson 01")
    links.nth(3).click()
    target = page.url.split("#", 1)[1]
    expect(page.locator(f"[id='{unquote(target)}']")).to_be_in_viewport()


def test_search_finds_lessons_quizzes_and_glossary_offline(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "03-neck-spasm-and-neck-pain.html")
    page.get_by_role("searchbox", name="Search the course").fill("quinine")
    page.get_by_role("searchbox", name="Search the course").press("Enter")
    status = page.get_by_role("status")
    expect(status).to_contain_text("results for \u201cquinine\u201d")
    results = page.locator("#sc-search-results li")
    kinds = " ".join(results.all_inner_texts())
    for kind in ("Lesson: Treatments and self-care", "Quiz question", "Glossary"):
        assert kind in kinds
    expect(page.get_by_role("searchbox", name="Search the course")).to_have_value("quinine")
    results.filter(has_text="Glossary").first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"glossary\.html#term-quinine$"))
    expect(page.locator("#term-quinine")).to_be_in_viewport()


def test_search_handles_partial_words_and_no_match(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "search.html")
    page.get_by_role("searchbox", name="Search the course").fill("fascicul")
    page.keyboard.press("Enter")
    expect(page.locator("#sc-search-results li").first).to_contain_text("Fasciculation")
    page.get_by_role("searchbox", name="Search the course").fill("<img src=x onerror=alert(1)> zzqx")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Nothing found for \u201c<img src=x onerror=alert(1)> zzqx")
    assert page.locator("img[src=x]").count() == 0


def test_search_tolerates_a_typo(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "html" / "search.html")
    page.get_by_role("searchbox", name="Search the course").fill("fasciculaton")
    page.keyboard.press("Enter")
    expect(page.locator("#sc-search-results li").first).to_contain_text("Fasciculation")


def test_pages_do_not_speak_of_slides(built_course: Path) -> None:
    for page in sorted((built_course / "html").glob("*.html")):
        body = re.sub(r"<aside class=\"notes\">.*?</aside>", "", page.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"\b(next|previous|this) slides?\b", body, re.I), page.name


@pytest.mark.parametrize("chart", CHARTS, ids=lambda chart: chart.id)
def test_flowchart_page_works_offline(built_course: Path, offline: OfflinePage, chart, tmp_path: Path) -> None:
    page = offline.open(built_course / "html" / f"flowchart-{chart.id}.html")
    expect(page.locator("h1")).to_have_text(chart.title)
    root = page.locator(f"#{flowchart_dom_id(chart)}")
    path = shortest_path_to(chart, "emergency")
    follow(page, root, chart, path)
    card = root.locator(f'.sc-flow-step[data-node="{path[-1][0]}"]')
    expect(card).to_be_visible()
    expect(card).to_contain_text(chart.node(path[-1][0]).advice)
    if chart.id == "back-pain-triage":
        screenshot(root.locator(".sc-flow-stepper"), "flowchart", tmp_path)


@pytest.mark.parametrize("relative", [f"html/{name}" for name in SITE_PAGES] + ["html/01-what-is-a-spasm.html"])
def test_page_fits_a_phone_screen(built_course: Path, browser, relative: str) -> None:
    holder = OfflinePage(browser, viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True,
                         has_touch=True)
    page = holder.open(built_course / relative)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    expect(page.get_by_role("searchbox", name="Search the course")).to_be_visible()
    holder.context.close()
    assert overflow <= 0, f"{relative} scrolls sideways by {overflow}px on a phone"
    assert holder.refused == [] and holder.errors == []


def test_pages_follow_the_readers_colour_scheme(built_course: Path, browser) -> None:
    backgrounds = {}
    for scheme in ("light", "dark"):
        holder = OfflinePage(browser, color_scheme=scheme)
        page = holder.open(built_course / "html" / "index.html")
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        holder.context.close()
    assert backgrounds == {"light": "rgb(255, 255, 255)", "dark": "rgb(23, 23, 26)"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", [*SITE_PAGES, "search.html?q=cramp"])
def test_site_page_passes_axe(built_course: Path, browser, name: str, scheme: str) -> None:
    holder = OfflinePage(browser, color_scheme=scheme)
    page = holder.page
    page.goto((built_course / "html" / name.split("?")[0]).as_uri() + ("?" + name.split("?")[1] if "?" in name else ""))
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    holder.context.close()
    assert violations == []
    assert holder.refused == [] and holder.errors == []


def test_speaker_notes_view_works_offline(built_course: Path, offline: OfflinePage) -> None:
    page = offline.open(built_course / "slides" / "06-trigger-points-and-jaw-pain.slides.html")
    expect(page.locator(".reveal.ready")).to_have_count(1)
    page.evaluate("Reveal.slide(1)")
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    notes = opened.value
    notes.wait_for_load_state("load")
    expect(notes.locator(".speaker-controls-notes")).to_contain_text("Teacher's notes")
    expect(notes.locator(".speaker-controls-time")).to_be_visible()
    expect(notes.locator(".speaker-controls-notes")).to_contain_text("Who remembers the difference")
    page.evaluate("Reveal.slide(2)")
    expect(notes.locator(".speaker-controls-notes")).to_contain_text("Can you think of a pain")


@pytest.fixture
def served(built_course: Path) -> Iterator[str]:
    """The build folder served over HTTP on the loopback address, as any static web server would."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_course))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_site_works_from_a_static_web_server(served: str, browser) -> None:
    context = browser.new_context()
    elsewhere: list[str] = []
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:)"),
                  lambda route: (elsewhere.append(route.request.url), route.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    missing: list[str] = []
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    page.goto(f"{served}/html/index.html")
    page.get_by_role("link", name=COURSE.lessons[1].title, exact=True).click()
    page.wait_for_load_state("load")
    quiz, question = first_question(COURSE.lessons[1].id)
    answer_wrong_then_right(page, quiz, question)
    page.get_by_role("searchbox", name="Search the course").fill("cramp")
    page.keyboard.press("Enter")
    expect(page.locator("#sc-search-results li").first).to_be_visible()
    page.goto(f"{served}/slides/{COURSE.lessons[1].id}.slides.html")
    expect(page.locator(".reveal.ready")).to_have_count(1)
    context.close()
    assert (missing, elsewhere, errors) == ([], [], [])
