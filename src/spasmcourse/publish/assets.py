"""Shared front-end files of the exported course: CSS and JS live once in _build/assets, not in every page."""

from __future__ import annotations

import re
import shutil
from importlib.resources import files
from pathlib import Path

SHARED_FOLDER = "assets"
HIGHLIGHT_CSS = "highlight.css"
VENDORED = ("lunr/lunr.min.js", "lunr/LICENSE")
_INLINE_ASSET = re.compile(r'<(style|script) data-sc-asset="([^"]+)">.*?</\1>\n?', re.S)
_LIVE_GLOSSARY = re.compile(r"<script data-sc-glossary(?:=\"\")?>.*?</script>\n?", re.S)


def link_assets(html: str, prefix: str) -> str:
    """Replace each element's inline CSS and JS with one reference per page to the shared file.

    Stylesheets move into the head. Scripts are deferred: they run in the same order once the page
    is parsed, and each sets up every element on the page. The live glossary call is dropped, since
    the build has already marked the terms up.
    """
    seen: set[str] = set()
    styles: list[str] = []

    def linked(match: re.Match[str]) -> str:
        kind, name = match.group(1), match.group(2)
        if name in seen:
            return ""
        seen.add(name)
        if kind == "style":
            styles.append(f'<link rel="stylesheet" href="{prefix}{name}">\n')
            return ""
        return f'<script defer src="{prefix}{name}"></script>\n'
    body = _INLINE_ASSET.sub(linked, _LIVE_GLOSSARY.sub("", html))
    return body.replace("</head>", "".join(styles) + "</head>", 1)


def write_shared_assets(out: Path, highlight: str) -> Path:
    """Copy the static CSS and JS and the search library to out/assets, and write the `highlight` CSS."""
    target = out / SHARED_FOLDER
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(Path(str(files("spasmcourse").joinpath("static"))), target)
    vendor = Path(str(files("spasmcourse").joinpath("vendor")))
    for name in VENDORED:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(vendor / name, target / name)
    (target / HIGHLIGHT_CSS).write_text(highlight, encoding="utf-8")
    return target


def highlight_css() -> str:
    """The code highlighting CSS that nbconvert's lab template would inline into every page."""
    import nbformat
    from nbconvert import HTMLExporter

    _, resources = HTMLExporter(template_name="lab").from_notebook_node(nbformat.v4.new_notebook())
    return "\n".join(resources["inlining"]["css"])
