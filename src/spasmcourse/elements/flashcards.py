"""flashcards("lesson-id"): the lesson's glossary terms as cards to turn over, with "I knew it"
or "Review again" kept with the learner's progress (SQLite live, localStorage in exports)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from markupsafe import escape

from spasmcourse.content.current_course import current_course
from spasmcourse.content.models import Term
from spasmcourse.content.notebook_text import notebook_markdown
from spasmcourse.elements.failure import shows_problems
from spasmcourse.elements.glossary import lesson_terms
from spasmcourse.i18n import strings, text
from spasmcourse.progress import ProgressError, ProgressStore, open_store
from spasmcourse.rendering import asset_tags, inline_asset, render, script_json

CARD_STYLES = ("flashcards.css",)
CARD_SCRIPTS = ("flashcards.js",)


def flashcards_html(lesson_id: str, terms: list[Term]) -> str:
    """The deck with its scripts, and every term with its definition for readers without scripts."""
    data = {"lesson": lesson_id, "cards": [{"id": t.id, "term": t.term, "definition": t.definition} for t in terms],
            "strings": {key: value for key, value in strings().items() if key.startswith("cards_")}}
    return render("elements/flashcards.html.j2", lesson_id=lesson_id, terms=terms, data=script_json(data),
                  assets=asset_tags(CARD_STYLES, CARD_SCRIPTS))


class FlashcardsWidget(widgets.VBox):
    """A live deck: turn a card over, then say whether you knew it; cards to review come round again."""

    def __init__(self, lesson_id: str, terms: list[Term], store: ProgressStore | None) -> None:
        self.lesson_id = lesson_id
        self.terms = terms
        self.store = store
        self._terms = terms
        self.known = self._load()
        self.queue = [t for t in terms if not self.known.get(t.id)]
        self.turned = False
        self.warning = ""
        self.face = widgets.HTML()
        self.progress = widgets.HTML()
        self.turn_button = widgets.Button(description=text("cards_turn"), button_style="primary")
        self.knew_button = widgets.Button(description=text("cards_knew"))
        self.again_button = widgets.Button(description=text("cards_again"))
        self.restart_button = widgets.Button(description=text("cards_restart"))
        self.turn_button.on_click(lambda _: self.turn())
        self.knew_button.on_click(lambda _: self.answer(knew=True))
        self.again_button.on_click(lambda _: self.answer(knew=False))
        self.restart_button.on_click(lambda _: self.restart())
        header = widgets.HTML(f"<style>{inline_asset('flashcards.css')}</style>"
                              f'<h3 class="sc-cards-title">{escape(text("cards_heading", n=len(terms)))}</h3>')
        self.buttons = widgets.HBox()
        super().__init__([header, self.progress, self.face, self.buttons])
        self.add_class("sc-cards")
        self.add_class("sc-live")
        self._draw()

    def _load(self) -> dict[str, bool]:
        try:
            return self.store.known_cards(self.lesson_id) if self.store else {}
        except ProgressError:
            return {}

    def turn(self) -> None:
        """Show the definition of the current card."""
        self.turned = True
        self._draw()

    def answer(self, knew: bool) -> None:
        """Record "I knew it" (the card leaves the deck) or "Review again" (it goes to the back)."""
        card = self.queue.pop(0)
        self.known[card.id] = knew
        if not knew:
            self.queue.append(card)
        self.warning = ""
        if self.store is not None:
            try:
                self.store.record_card(self.lesson_id, card.id, knew)
            except ProgressError as error:
                self.warning = text("not_saved", reason=str(error))
        self.turned = False
        self._draw()

    def restart(self) -> None:
        """Go through every card again."""
        self.queue = list(self._terms)
        self.turned = False
        self._draw()

    def _draw(self) -> None:
        known = sum(1 for t in self._terms if self.known.get(t.id))
        total = len(self._terms)
        if not self.queue:
            self.progress.value = f'<p class="sc-cards-progress">{escape(text("cards_done", m=total))}</p>'
            self.face.value = ""
            self.buttons.children = [self.restart_button]
            return
        card = self.queue[0]
        warning = f'<p class="sc-warning" role="alert">{escape(self.warning)}</p>' if self.warning else ""
        self.progress.value = (f'<p class="sc-cards-progress" aria-live="polite">'
                               f'{escape(text("cards_progress", n=total - len(self.queue) + 1, m=total, k=known))}'
                               f"</p>{warning}")
        back = (f'<p class="sc-card-back"><span class="sc-card-label">{escape(text("cards_back"))}:</span> '
                f"{escape(card.definition)}</p>") if self.turned else ""
        self.face.value = (f'<div class="sc-card sc-card-live" aria-live="polite"><p class="sc-card-front">'
                           f"{escape(card.term)}</p>{back}</div>")
        self.buttons.children = [self.knew_button, self.again_button] if self.turned else [self.turn_button]

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = flashcards_html(self.lesson_id, self._terms)
        return bundle


@shows_problems
def flashcards(lesson_id: str) -> FlashcardsWidget:
    """The flashcard deck of a lesson's glossary terms."""
    course = current_course()
    lesson = course.lesson(lesson_id)
    terms = lesson_terms(course, notebook_markdown(course.notebook_path(lesson)))
    try:
        store = open_store()
    except ProgressError:
        store = None
    return FlashcardsWidget(lesson_id, terms, store)
