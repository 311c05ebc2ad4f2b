"""figure("id"): a course figure (SVG) with its alt text and caption, self-contained."""

from __future__ import annotations

import base64

from IPython.display import HTML

from spasmcourse.content.course import FIGURE_FOLDER
from spasmcourse.content.current_course import current_course
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.failure import shows_problems
from spasmcourse.rendering import asset_tags, render

FIGURE_STYLES = ("figure.css",)


@shows_problems
def figure(figure_id: str) -> HTML:
    """The figure as an <img> with a data: URL (no file to copy, nothing to fetch), alt text and caption."""
    course = current_course()
    item = course.figure(figure_id)
    data = (course.root / FIGURE_FOLDER / item.file).read_bytes()
    sources = [{"text": citation_text(course.references[key]), "url": citation_url(course.references[key])}
               for key in item.references]
    return HTML(render("elements/figure.html.j2", figure=item, sources=sources,
                       source=f"data:image/svg+xml;base64,{base64.b64encode(data).decode()}",
                       assets=asset_tags(FIGURE_STYLES, ())))
