"""Glossary terms, figures, explorers, slider charts and flashcards, checked in Python."""

from pathlib import Path

import pytest

from spasmcourse.content.models import Axis, Explorer, SliderChart, Term
from spasmcourse.elements.explorer import ALL, ExplorerWidget, explorer_html
from spasmcourse.elements.flashcards import FlashcardsWidget, flashcards_html
from spasmcourse.elements.glossary import link_terms
from spasmcourse.elements.slider_chart import SliderChartWidget, slider_chart_html, value_at
from spasmcourse.progress import ProgressStore
from test_quiz_check import SOURCE

REFERENCES = {"some-source": SOURCE}
TERMS = [Term(id="cramp", term="Cramp", definition="A painful muscle contraction that will not let go.",
              reference="some-source"),
         Term(id="tetany", term="Tetany", definition="Spasm from over-excitable nerves, often low calcium.",
              reference="some-source")]


def make_explorer() -> Explorer:
    def item(title: str, groups: list[str]) -> dict:
        return {"title": title, "text": f"About {title}.", "groups": groups, "reference": "some-source"}
    return Explorer.model_validate({
        "id": "causes", "title": "Causes",
        "groups": [{"id": "salts", "label": "Salts"}, {"id": "drugs", "label": "Drugs"}],
        "items": [item("Low calcium", ["salts"]), item("Some medicines", ["drugs"]),
                  item("Low magnesium", ["salts", "drugs"])]})


def make_chart() -> SliderChart:
    return SliderChart(id="speed", title="Speed", schematic=True, x=Axis(label="Speed", max=10),
                       y=Axis(label="Resistance", max=10),
                       series=[{"name": "Spasticity", "points": [(0, 2), (10, 9)]},
                               {"name": "Rigidity", "points": [(0, 6), (5, 6), (10, 6)]}],
                       notes=[{"start": 0, "end": 3, "text": "Slow"}, {"start": 7, "end": 10, "text": "Fast"}],
                       references=["some-source"])


def test_terms_become_tooltips_with_their_definition() -> None:
    html = '<p>A <a href="#term-cramp">cramp</a> and <a href="#term-unknown">x</a>.</p>'
    linked = link_terms(html, {t.id: t for t in TERMS}, "glossary.html")
    assert 'href="glossary.html#term-cramp"' in linked
    assert 'role="tooltip"' in linked and "A painful muscle contraction that will not let go." in linked
    assert 'aria-describedby="sc-def-cramp-1"' in linked and 'id="sc-def-cramp-1"' in linked
    assert '<a href="#term-unknown">x</a>' in linked


def test_explorer_filters_by_group() -> None:
    widget = ExplorerWidget(make_explorer(), REFERENCES)
    assert "Showing 3 of 3." in widget.list.value
    widget.show("salts")
    assert "Showing 2 of 3." in widget.list.value and "Some medicines" not in widget.list.value
    widget.show(ALL)
    assert "Some medicines" in widget.list.value
    html = explorer_html(make_explorer(), REFERENCES)
    assert html.count('class="sc-explorer-item"') == 3 and 'data-groups="salts drugs"' in html


@pytest.mark.parametrize(("x", "expected"), [(-1, 2), (0, 2), (5, 5.5), (10, 9), (12, 9)])
def test_value_at_joins_points_with_straight_lines(x: float, expected: float) -> None:
    assert value_at([(0, 2), (10, 9)], x) == pytest.approx(expected)


def test_slider_chart_reads_every_line_at_the_slider() -> None:
    widget = SliderChartWidget(make_chart(), REFERENCES)
    assert "Spasticity: Resistance 2.0" in widget.readout.value and "Slow" in widget.readout.value
    widget.slider.value = 10
    assert "Spasticity: Resistance 9.0" in widget.readout.value and "Rigidity: Resistance 6.0" in widget.readout.value
    assert "Fast" in widget.readout.value
    html = slider_chart_html(make_chart(), REFERENCES)
    assert 'type="range"' in html and "A schematic drawing" in html and "<table>" in html


def test_flashcards_remember_what_the_learner_knew(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "p.sqlite3")
    deck = FlashcardsWidget("01-demo", TERMS, store)
    assert "Cramp" in deck.face.value and "painful" not in deck.face.value
    deck.turn()
    assert "A painful muscle contraction" in deck.face.value
    deck.answer(knew=True)
    deck.turn()
    deck.answer(knew=False)
    assert "Tetany" in deck.face.value and "You know 1 of 2 terms" in deck.progress.value
    assert store.known_cards("01-demo") == {"cramp": True, "tetany": False}
    again = FlashcardsWidget("01-demo", TERMS, store)
    assert [t.id for t in again.queue] == ["tetany"]
    html = flashcards_html("01-demo", TERMS)
    assert "<dt>Cramp</dt>" in html and "A painful muscle contraction" in html
