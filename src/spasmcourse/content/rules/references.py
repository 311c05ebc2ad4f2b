"""Rules for references.yml: keys unique, each entry names its year and its source, every entry cited."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

from spasmcourse.content.course import REFERENCES, Course
from spasmcourse.content.reading import YamlDocument
from spasmcourse.content.rules.shared import repeats
from spasmcourse.problems import Problem

SEARCH_PARAMETERS = frozenset({"term", "q", "query", "search", "searchterm", "keywords"})
SEARCH_HOSTS = ("google.", "bing.com", "duckduckgo.com", "search.yahoo.")


def is_search_page(url: str) -> bool:
    """True for an address that runs a search (pubmed ?term=, a search engine, a /search page)."""
    parts = urlsplit(url)
    host, path = parts.netloc.lower(), parts.path.lower()
    if any(marker in host for marker in SEARCH_HOSTS) and path in ("", "/", "/search", "/html"):
        return True
    if path.rstrip("/").endswith("/search") or "/search/" in path:
        return True
    return bool(SEARCH_PARAMETERS & {key.lower() for key in parse_qs(parts.query)})


def entry_problems(document: YamlDocument, index: int, item: dict[str, Any]) -> Iterator[Problem]:
    """A missing year, or a url that is a search page, in references[index]."""
    key = item.get("key", f"references[{index}]")
    if item.get("year") is None:
        yield document.problem(("references", index), f"'{key}' has no year",
                               "add year: the year it was published; for a web page revised over time, the "
                               "year it was last reviewed or consulted")
    url = item.get("url")
    if isinstance(url, str) and is_search_page(url):
        yield document.problem(("references", index, "url"), f"'{url}' is a search page, not the source itself",
                               "link the paper or page itself: its PubMed page https://pubmed.ncbi.nlm.nih.gov/"
                               "<PMID>/, or doi: 10.xxxx/...")


def reference_problems(course: Course) -> Iterator[Problem]:
    """Every problem in references.yml that its model alone cannot see."""
    document = course.documents.get(REFERENCES)
    if document is None or REFERENCES in course.unreadable:
        return
    items = list(enumerate(document.data.get("references", [])))
    keyed = [(("references", index, "key"), item.get("key") if isinstance(item, dict) else None)
             for index, item in items]
    for at, key, _ in repeats(keyed):
        yield document.problem(at, f"duplicate reference key '{key}'",
                               "keep one entry per source, or give each its own key")
    for index, item in items:
        if isinstance(item, dict):
            yield from entry_problems(document, index, item)


def unused_references(course: Course, cited: set[str]) -> Iterator[Problem]:
    """References that no lesson, quiz, chart, term, figure, case or finding cites."""
    used = cited | {question.reference for file in course.quiz_files.values()
                    for quiz in file.quizzes for question in quiz.questions}
    used |= {key for chart in course.flowcharts.values() for outcome in chart.outcomes
             for key in outcome.references}
    used |= {term.reference for term in course.glossary.values()}
    used |= {key for figure in course.figures.values() for key in figure.references}
    used |= {item.reference for explorer in course.explorers.values() for item in explorer.items}
    used |= {key for chart in course.charts.values() for key in chart.references}
    used |= {key for case in course.cases.values() for key in case.references}
    used |= {key for finding in course.findings.values() for key in finding.references}
    document = course.documents[REFERENCES]
    for index, key in enumerate(course.references):
        if key not in used:
            yield document.problem(("references", index, "key"), f"reference '{key}' is never cited",
                                   "cite it in a lesson or a quiz, or remove it")
