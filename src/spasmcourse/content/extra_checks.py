"""Cross-file rules for the glossary, figures, explorers and slider charts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from xml.etree import ElementTree

from spasmcourse.content.course import FIGURE_FOLDER, FIGURE_LIST, GLOSSARY, REFERENCES, Course
from spasmcourse.content.suggest import suggestion
from spasmcourse.content.yamlfile import Location, YamlDocument
from spasmcourse.problems import Problem, leaves

MAX_FIGURE_BYTES = 300_000


def extras_problems(course: Course) -> Iterator[Problem]:
    """Every problem in the glossary, figures, explorers and charts."""
    known = None if REFERENCES in course.unreadable else set(course.references)
    if GLOSSARY in course.documents and GLOSSARY not in course.unreadable:
        yield from _glossary(course, course.documents[GLOSSARY], known)
    if FIGURE_LIST in course.documents and FIGURE_LIST not in course.unreadable:
        yield from _figures(course, course.documents[FIGURE_LIST], known)
    for name, explorer in course.explorers.items():
        document = course.documents[name]
        yield from _file_matches_id(document, name, explorer.id)
        group_ids = [group.id for group in explorer.groups]
        for index, item in enumerate(explorer.items):
            for position, group in enumerate(item.groups):
                if group not in group_ids:
                    yield document.problem(("items", index, "groups", position), f"unknown group '{group}'",
                                           suggestion(group, group_ids) or f"use one of: {', '.join(group_ids)}")
            yield from _reference(document, ("items", index, "reference"), item.reference, known)
        for index, group in enumerate(explorer.groups):
            if not any(group.id in item.groups for item in explorer.items):
                yield document.problem(("groups", index), f"group '{group.id}' has no items",
                                       "put at least one item in it, or remove the group")
    for name, chart in course.charts.items():
        yield from _chart(course.documents[name], name, chart, known)
    for name, case in course.cases.items():
        yield from _case(course, course.documents[name], name, case, known)


def _file_matches_id(document: YamlDocument, name: str, item_id: str) -> Iterator[Problem]:
    stem = PurePosixPath(name).stem
    if stem != item_id:
        yield document.problem(("id",), f"the file is named '{stem}' but its id is '{item_id}'",
                               f"name the file {item_id}.yml")


def _reference(document: YamlDocument, at: Location, key: str, known: set[str] | None) -> Iterator[Problem]:
    if known is not None and key not in known:
        yield document.problem(at, f"unknown reference '{key}'", suggestion(key, sorted(known)) or
                               f"add it to {REFERENCES}")


def _glossary(course: Course, document: YamlDocument, known: set[str] | None) -> Iterator[Problem]:
    seen_ids: set[str] = set()
    seen_terms: set[str] = set()
    for index, item in enumerate(document.data.get("terms", [])):
        term_id = item.get("id") if isinstance(item, dict) else None
        if term_id in seen_ids:
            yield document.problem(("terms", index, "id"), f"duplicate term id '{term_id}'",
                                   "give each term its own id")
        seen_ids.add(term_id)
    for index, term in enumerate(course.glossary.values()):
        if term.term.lower() in seen_terms:
            yield document.problem(("terms", index, "term"), f"the term '{term.term}' is defined twice",
                                   "keep one definition of it")
        seen_terms.add(term.term.lower())
        yield from _reference(document, ("terms", index, "reference"), term.reference, known)


def _figures(course: Course, document: YamlDocument, known: set[str] | None) -> Iterator[Problem]:
    for index, figure in enumerate(course.figures.values()):
        at: Location = ("figures", index)
        for position, key in enumerate(figure.references):
            yield from _reference(document, (*at, "references", position), key, known)
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


def _case(course: Course, document: YamlDocument, name: str, case, known: set[str] | None) -> Iterator[Problem]:
    yield from _file_matches_id(document, name, case.id)
    steps = {step.id: step for step in case.steps}
    endings = {ending.id for ending in case.endings}
    ids = [step.id for step in case.steps] + [ending.id for ending in case.endings]
    for node_id in {i for i in ids if ids.count(i) > 1}:
        yield document.problem(("id",), f"step or ending id '{node_id}' is used twice",
                               "give each step and ending its own id")
    if case.start not in steps:
        yield document.problem(("start",), f"start '{case.start}' is not a step",
                               suggestion(case.start, list(steps)) or "set start to the id of the first step")
        return
    lessons = [lesson.id for lesson in course.lessons]
    for index, step in enumerate(case.steps):
        if not any(choice.best for choice in step.choices):
            yield document.problem(("steps", index, "choices"), f"step '{step.id}' has no best choice",
                                   "mark the wisest decision with best: true")
        for number, choice in enumerate(step.choices):
            if choice.to not in steps and choice.to not in endings:
                yield document.problem(("steps", index, "choices", number, "to"),
                                       f"step '{step.id}' leads to '{choice.to}', not a step or an ending",
                                       suggestion(choice.to, ids) or "point it at a step or an ending of this case")
    for index, ending in enumerate(case.endings):
        for number, lesson_id in enumerate(ending.revisit):
            if lesson_id not in lessons:
                yield document.problem(("endings", index, "revisit", number), f"unknown lesson '{lesson_id}'",
                                       suggestion(lesson_id, lessons) or "use a lesson id from lessons.yml")
    seen: set[str] = set()
    stack: list[tuple[str, tuple[str, ...]]] = [(case.start, ())]
    while stack:
        node, path = stack.pop()
        if node in path:
            yield document.problem(("steps",), "the story loops: " + " -> ".join([*path, node]),
                                   "every path must end in an ending")
            return
        if node in seen or node not in steps:
            seen.add(node)
            continue
        seen.add(node)
        stack += [(choice.to, (*path, node)) for choice in steps[node].choices]
    for node_id in ids:
        if node_id not in seen:
            yield document.problem(("id",), f"'{node_id}' cannot be reached from the start",
                                   "lead a choice to it, or remove it")
    for position, key in enumerate(case.references):
        yield from _reference(document, ("references", position), key, known)


def _chart(document: YamlDocument, name: str, chart, known: set[str] | None) -> Iterator[Problem]:
    yield from _file_matches_id(document, name, chart.id)
    names: set[str] = set()
    for index, series in enumerate(chart.series):
        if series.name in names:
            yield document.problem(("series", index, "name"), f"two series are named '{series.name}'",
                                   "give each series its own name")
        names.add(series.name)
        xs = [x for x, _ in series.points]
        if xs != sorted(xs):
            yield document.problem(("series", index, "points"), "points must go from left to right (x ascending)",
                                   "list the points from the smallest x to the largest")
        for position, (x, y) in enumerate(series.points):
            if not (chart.x.min <= x <= chart.x.max and chart.y.min <= y <= chart.y.max):
                yield document.problem(("series", index, "points", position),
                                       f"point ({x:g}, {y:g}) lies outside the axes",
                                       "move the point, or widen the axis with x.min, x.max, y.min or y.max")
    for index, note in enumerate(chart.notes):
        if not chart.x.min <= note.start < note.end <= chart.x.max:
            yield document.problem(("notes", index), "a note needs start < end, inside the x axis",
                                   "make start smaller than end, both between x.min and x.max")
    for position, key in enumerate(chart.references):
        yield from _reference(document, ("references", position), key, known)
