"""Rules for the figure list: each figure a small, plain SVG file that runs nothing."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree

from spasmcourse.content.course import FIGURE_FOLDER, FIGURE_LIST, Course
from spasmcourse.content.reading import Location
from spasmcourse.content.rules.shared import known_references, unknown_reference
from spasmcourse.problems import Problem, leaves

MAX_FIGURE_BYTES = 300_000


def figure_problems(course: Course) -> Iterator[Problem]:
    """Figures that are small, plain SVG files in assets/figures/, citing known references."""
    if FIGURE_LIST not in course.documents or FIGURE_LIST in course.unreadable:
        return
    document, known = course.documents[FIGURE_LIST], known_references(course)
    for index, figure in enumerate(course.figures.values()):
        at: Location = ("figures", index)
        for position, key in enumerate(figure.references):
            yield from unknown_reference(document, (*at, "references", position), key, known)
        path = course.root / FIGURE_FOLDER / figure.file
        if leaves(path, course.root):
            yield document.problem((*at, "file"), f"figure file '{figure.file}' is a link that leads outside the "
                                                  "course folder, to itself or nowhere",
                                   "keep figures in assets/figures/, as files, not links")
            continue
        if not path.is_file() or path.suffix != ".svg":
            yield document.problem((*at, "file"), f"figure file '{figure.file}' not found in {FIGURE_FOLDER}/",
                                   "figures are SVG files drawn for the course")
            continue
        data = path.read_bytes()
        if len(data) > MAX_FIGURE_BYTES:
            yield document.problem((*at, "file"), f"'{figure.file}' is larger than {MAX_FIGURE_BYTES // 1000} kB",
                                   "simplify the drawing, or save it as plain SVG")
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as error:
            yield document.problem((*at, "file"), f"'{figure.file}' is not valid SVG ({error})",
                                   "open it in a drawing program and save it again as plain SVG")
            continue
        if not root.tag.endswith("svg") or "viewBox" not in root.attrib:
            yield document.problem((*at, "file"), f"'{figure.file}' needs an <svg> root with a viewBox",
                                   "save it as SVG with a viewBox attribute so it can scale")
        text = data.decode("utf-8", "replace")
        if "http://" in text.replace("http://www.w3.org/", "") or "https://" in text or "<script" in text:
            yield document.problem((*at, "file"), f"'{figure.file}' loads or runs something",
                                   "figures must not contain scripts or web addresses")
