"""HTML from Jinja templates (autoescaped) and the package's static front-end files."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from spasmcourse.i18n import text
from spasmcourse.problems import ContentError, Problem


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("spasmcourse", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    environment.globals["t"] = text
    return environment


def render(template: str, **context: Any) -> str:
    """Render a template from src/spasmcourse/templates with autoescaping on."""
    return _environment().get_template(template).render(**context)


@cache
def static_file(name: str) -> str:
    """The text of a file in src/spasmcourse/static."""
    return files("spasmcourse").joinpath("static", name).read_text(encoding="utf-8")


def script_json(data: Any) -> Markup:
    """JSON that is safe inside a <script type="application/json"> element; NaN or Infinity never reach a page."""
    try:
        encoded = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except ValueError:
        problem = Problem("course content", message="holds a number that is not finite (.nan or .inf), which a page "
                          "cannot read", hint="run spasmcourse check and fix what it lists")
        raise ContentError([problem]) from None
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        encoded = encoded.replace(character, escape)
    return Markup(encoded)


def inline_asset(name: str) -> Markup:
    """A static CSS or JS file for inlining; a closing tag inside it would end the element early."""
    content = static_file(name)
    if "</" in content:
        raise ValueError(f"static/{name} contains '</', which cannot be inlined safely")
    return Markup(content)


def asset_tags(styles: tuple[str, ...], scripts: tuple[str, ...]) -> Markup:
    """Inline <style> and <script> elements, marked so a page build can keep one copy of each."""
    return Markup(render("elements/assets.html.j2",
                         styles=[(name, inline_asset(name)) for name in styles],
                         scripts=[(name, inline_asset(name)) for name in scripts]))
