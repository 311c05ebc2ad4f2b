"""explorer("id"): items a learner filters by group, live (ipywidgets) and in exports (HTML/JS)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from spasmcourse.content.current_course import current_course
from spasmcourse.content.models import Explorer, Reference
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.failure import shows_problems
from spasmcourse.i18n import text
from spasmcourse.rendering import asset_tags, inline_asset, render

EXPLORER_STYLES = ("explorer.css",)
EXPLORER_SCRIPTS = ("explorer.js",)
ALL = "__all__"


def explorer_items(explorer: Explorer, references: dict[str, Reference], group: str = ALL) -> list[dict[str, Any]]:
    """The items in a group (or all), with their sources, in file order."""
    return [{"title": item.title, "text": item.text, "groups": item.groups, "badge": item.badge,
             "badge_label": explorer.badge_label,
             "source": citation_text(references[item.reference]), "url": citation_url(references[item.reference])}
            for item in explorer.items if group == ALL or group in item.groups]


def explorer_html(explorer: Explorer, references: dict[str, Reference]) -> str:
    """The explorer with filter buttons (scripts) and every item listed (readable without scripts)."""
    return render("elements/explorer.html.j2", explorer=explorer, items=explorer_items(explorer, references),
                  dom_id=f"sc-explorer-{explorer.id}", assets=asset_tags(EXPLORER_STYLES, EXPLORER_SCRIPTS))


class ExplorerWidget(widgets.VBox):
    """A live explorer: a toggle per group and the matching items."""

    def __init__(self, explorer: Explorer, references: dict[str, Reference]) -> None:
        self.explorer = explorer
        self._references = references
        options = [(text("explorer_all"), ALL)] + [(group.label, group.id) for group in explorer.groups]
        self.filter = widgets.ToggleButtons(options=options, value=ALL, description=text("explorer_show"),
                                            style={"button_width": "auto", "description_width": "initial"})
        self.list = widgets.HTML()
        self.filter.observe(lambda _: self._draw(), names="value")
        header = widgets.HTML(f"<style>{inline_asset('explorer.css')}</style>"
                              + render("elements/explorer_header.html.j2", explorer=explorer))
        super().__init__([header, self.filter, self.list])
        self.add_class("sc-explorer")
        self.add_class("sc-live")
        self.add_class(f"sc-explorer-{explorer.id}")
        self._draw()

    def show(self, group: str) -> None:
        """Show the items of one group (or ALL), as pressing its button does."""
        self.filter.value = group

    def _draw(self) -> None:
        items = explorer_items(self.explorer, self._references, self.filter.value)
        self.list.value = render("elements/explorer_list.html.j2", items=items,
                                 status=text("explorer_count", n=len(items), m=len(self.explorer.items)))

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = explorer_html(self.explorer, self._references)
        return bundle


@shows_problems
def explorer(explorer_id: str) -> ExplorerWidget:
    """The explorer with this id from assets/explorers."""
    course = current_course()
    return ExplorerWidget(course.explorer(explorer_id), course.references)
