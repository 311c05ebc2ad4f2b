"""Rules for one reference entry: it names its year, and its address is the source, not a search for it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

from spasmcourse.content.yamlfile import YamlDocument
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
