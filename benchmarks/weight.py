"""Page weight: each lesson page and deck, the shared files once, the whole site, and default nbconvert pages."""

from __future__ import annotations

import gzip
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from common import BIN, Figure, Section, Settings, kilobytes, lesson_notebooks, log, run

GZIP_LEVEL = 9
PAGE_TARGET_KB = 40.0
SHARED = ("assets", "slides/reveal.js")
NOT_SITE = ".cache"
QUICK_DEFAULT_LESSON = "01-what-is-a-spasm"


@dataclass(frozen=True)
class Weight:
    """Size of a file or folder, raw and gzipped (each file compressed on its own)."""

    raw: int
    gzipped: int

    def __add__(self, other: Weight) -> Weight:
        return Weight(self.raw + other.raw, self.gzipped + other.gzipped)


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at GZIP_LEVEL."""
    return len(gzip.compress(data, GZIP_LEVEL))


def file_weight(path: Path) -> Weight:
    """Raw and gzip size of one file."""
    data = path.read_bytes()
    return Weight(len(data), gzip_size(data))


def folder_weight(folder: Path, skip: tuple[str, ...] = ()) -> Weight:
    """Total size of the files under a folder, leaving out the subfolders named in `skip`."""
    files = [path for path in folder.rglob("*") if path.is_file()
             and not any(path.relative_to(folder).as_posix().startswith(name + "/") for name in skip)]
    return sum((file_weight(path) for path in files), Weight(0, 0))


def heaviest_parts(page: Path) -> list[tuple[str, int]]:
    """The page's output elements grouped by kind (quiz, flowchart, ...), by gzip bytes, heaviest first."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    parts: dict[str, str] = defaultdict(str)
    for output in soup.select(".jp-OutputArea-output"):
        element = output.find(class_=lambda name: name is not None and name.startswith("sc-"))
        kind = next(name for name in element["class"] if name.startswith("sc-")) if element else "other output"
        parts[kind] += str(output)
    return sorted(((kind, gzip_size(html.encode())) for kind, html in parts.items()), key=lambda item: -item[1])


def default_exports(settings: Settings, lesson_ids: list[str]) -> dict[str, Path]:
    """Default `jupyter nbconvert --to html --execute` pages of the lessons, run in the notebooks folder."""
    notebooks = lesson_notebooks(settings.course)
    target = settings.work / "default-html"
    command = [BIN / "jupyter", "nbconvert", "--to", "html", "--execute", "--output-dir", target,
               *(notebooks[lesson].name for lesson in lesson_ids)]
    run(command, settings.course / "notebooks")
    return {lesson: target / f"{notebooks[lesson].stem}.html" for lesson in lesson_ids}


def _row(lesson: str, page: Weight, deck: Weight, default: Weight | None) -> str:
    cells = [lesson, f"{kilobytes(page.raw):.1f}", f"{kilobytes(page.gzipped):.1f}", f"{kilobytes(deck.raw):.1f}",
             f"{kilobytes(deck.gzipped):.1f}"]
    if default is None:
        cells += ["", "", ""]
    else:
        cells += [f"{kilobytes(default.raw):.1f}", f"{kilobytes(default.gzipped):.1f}",
                  f"{page.gzipped / default.gzipped:.2f}"]
    return "| " + " | ".join(cells) + " |"


def _reason(page: Path, weight: Weight) -> str:
    parts = ", ".join(f"{kind.removeprefix('sc-')} {kilobytes(size):.1f} KB" for kind, size in heaviest_parts(page)[:2])
    return (f"{page.stem} carries its elements' markup and data inline: {parts} (gzipped alone) "
            f"of its {kilobytes(weight.gzipped):.1f} KB")


def _largest_page(out: Path, pages: dict[str, Weight], defaults: dict[str, Weight]) -> Figure:
    largest = max(pages, key=lambda lesson: pages[lesson].gzipped)
    over = [lesson for lesson, weight in pages.items() if kilobytes(weight.gzipped) > PAGE_TARGET_KB]
    default = [("default nbconvert page", kilobytes(defaults[largest].gzipped))] if largest in defaults else []
    return Figure(f"Largest lesson page, gzip ({largest})", kilobytes(pages[largest].gzipped), "KB", PAGE_TARGET_KB,
                  default, _reason(out / "html" / f"{largest}.html", pages[largest]),
                  f"{len(over)} of {len(pages)} lesson pages over {PAGE_TARGET_KB:.0f} KB" +
                  (f": {', '.join(over)}" if over else ""))


def measure_weight(settings: Settings) -> Section:
    """Sizes of the built site in settings.out, and of the default nbconvert pages of the same notebooks."""
    out = settings.out
    lessons = list(lesson_notebooks(settings.course))
    compared = [QUICK_DEFAULT_LESSON] if settings.quick else lessons
    log(f"page weight: default nbconvert --to html --execute of {len(compared)} notebooks")
    defaults = {lesson: file_weight(path) for lesson, path in default_exports(settings, compared).items()}
    pages = {lesson: file_weight(out / "html" / f"{lesson}.html") for lesson in lessons}
    decks = {lesson: file_weight(out / "slides" / f"{lesson}.slides.html") for lesson in lessons}
    shared = {name: folder_weight(out / name) for name in SHARED}
    site = folder_weight(out, (NOT_SITE,))
    ours_compared = sum((pages[lesson] for lesson in compared), Weight(0, 0))
    default_total = sum(defaults.values(), Weight(0, 0))
    figures = [
        _largest_page(out, pages, defaults),
        Figure(f"Lesson pages, gzip, total of {len(compared)}", kilobytes(ours_compared.gzipped), "KB",
               compared=[("default nbconvert pages", kilobytes(default_total.gzipped))]),
        Figure(f"Lesson pages, raw, total of {len(compared)}", kilobytes(ours_compared.raw), "KB",
               compared=[("default nbconvert pages", kilobytes(default_total.raw))]),
        Figure("Largest deck, gzip", kilobytes(max(deck.gzipped for deck in decks.values())), "KB"),
        *(Figure(f"Shared files once: {name}/ (raw; gzip {kilobytes(weight.gzipped):.0f} KB)", kilobytes(weight.raw),
                 "KB") for name, weight in shared.items()),
        Figure(f"Whole site, everything under the build folder but {NOT_SITE} (raw)", kilobytes(site.raw), "KB",
               note=f"gzip {kilobytes(site.gzipped):.0f} KB"),
    ]
    header = ["| lesson | page KB | page gzip KB | deck KB | deck gzip KB | default nbconvert KB | default gzip KB "
              "| page gzip / default gzip |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    rows = [_row(lesson, pages[lesson], decks[lesson], defaults.get(lesson)) for lesson in lessons]
    details = [f"Per lesson (shared files excluded; gzip level {GZIP_LEVEL}; 1 KB = 1,024 bytes):", "", *header, *rows]
    return Section("Page weight", figures, ["\n".join(details)])
