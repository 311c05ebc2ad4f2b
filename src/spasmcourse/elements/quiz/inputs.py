"""The answer inputs of the live quiz, one per question type, built from ipywidgets.

Each input gives its answer in the shared shape (see checking.py) and can be set from one.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from markupsafe import escape

from spasmcourse.content.models.questions import Categorize, Matching, Numeric, Ordering, Question
from spasmcourse.elements.quiz.checking import choice_options, definitions
from spasmcourse.elements.quiz.shuffle import shuffled
from spasmcourse.i18n import text

_WIDE = {"width": "auto"}
_LABEL_STYLE = {"description_width": "initial"}


class ChoiceInput:
    """Radio buttons (one answer) or checkboxes (several), in the learner's shuffled order."""

    def __init__(self, question: Question, seed: str) -> None:
        options = choice_options(question)
        keep = question.type == "true-false" or not getattr(question, "shuffle", True)
        order = list(range(len(options))) if keep else shuffled(len(options), seed)
        self.multiple = question.type == "multiple"
        if self.multiple:
            self.boxes = {i: widgets.Checkbox(value=False, description=options[i].text, indent=False,
                                              layout=_WIDE) for i in order}
            self.widget = widgets.VBox([self.boxes[i] for i in order])
        else:
            self.widget = widgets.RadioButtons(options=[(options[i].text, i) for i in order],
                                               value=None, layout=_WIDE)

    def answer(self) -> list[int]:
        if self.multiple:
            return sorted(i for i, box in self.boxes.items() if box.value)
        return [] if self.widget.value is None else [self.widget.value]

    def set(self, answer: Any) -> None:
        chosen = answer if isinstance(answer, list) else []
        if self.multiple:
            for i, box in self.boxes.items():
                box.value = i in chosen
        else:
            self.widget.value = chosen[0] if chosen else None


class NumericInput:
    """A text box for a number, with its unit beside it."""

    def __init__(self, question: Numeric, seed: str) -> None:
        self.box = widgets.Text(description=text("your_answer"), style=_LABEL_STYLE, continuous_update=False)
        parts = [self.box] + ([widgets.Label(question.unit)] if question.unit else [])
        self.widget = widgets.HBox(parts)

    def answer(self) -> str:
        return self.box.value

    def set(self, answer: Any) -> None:
        self.box.value = answer if isinstance(answer, str) else ""


class SlotsInput:
    """A drop-down per term (matching) or per item (categorize)."""

    def __init__(self, question: Matching | Categorize, seed: str) -> None:
        if isinstance(question, Matching):
            labels, choices = [pair.term for pair in question.pairs], definitions(question)
            rows, choice_order = range(len(labels)), shuffled(len(choices), seed)
        else:
            labels, choices = [item.text for item in question.items], list(question.categories)
            rows, choice_order = shuffled(len(labels), seed), range(len(choices))
        if not question.shuffle:
            rows, choice_order = range(len(labels)), range(len(choices))
        options = [(text("choose_placeholder"), None)] + [(choices[i], i) for i in choice_order]
        self.dropdowns = [widgets.Dropdown(options=options, value=None, description=label,
                                           style=_LABEL_STYLE, layout=_WIDE) for label in labels]
        self.widget = widgets.VBox([self.dropdowns[i] for i in rows])

    def answer(self) -> list[int | None]:
        return [dropdown.value for dropdown in self.dropdowns]

    def set(self, answer: Any) -> None:
        given = answer if isinstance(answer, list) else []
        for i, dropdown in enumerate(self.dropdowns):
            value = given[i] if i < len(given) else None
            dropdown.value = value if value in {v for _, v in dropdown.options} else None


class OrderInput:
    """The items as rows with Move up and Move down buttons: no dragging needed."""

    def __init__(self, question: Ordering, seed: str) -> None:
        self.texts = [item.text for item in question.items]
        self.order = shuffled(len(self.texts), seed, avoid_identity=True)
        self.status = widgets.HTML()
        self.widget = widgets.VBox()
        self._draw()

    def _draw(self) -> None:
        rows = []
        for position, item in enumerate(self.order):
            up = widgets.Button(description=f"\u2191 {text('move_up')}",
                                tooltip=text("move_up_label", item=self.texts[item]))
            down = widgets.Button(description=f"\u2193 {text('move_down')}",
                                  tooltip=text("move_down_label", item=self.texts[item]))
            up.on_click(lambda _, i=item: self.move(i, -1))
            down.on_click(lambda _, i=item: self.move(i, 1))
            label = widgets.HTML(
                f"<span class='sc-order-text'>{position + 1}. {_escape(self.texts[item])}</span>")
            rows.append(widgets.HBox([label, up, down]))
        self.widget.children = [*rows, self.status]

    def move(self, item: int, step: int) -> None:
        """Move `item` one place up (-1) or down (+1), wherever it is now."""
        position = self.order.index(item)
        target = position + step
        if 0 <= target < len(self.order):
            self.order[position], self.order[target] = self.order[target], self.order[position]
            self._draw()
            self.status.value = _escape(text("moved", item=self.texts[item], n=target + 1, m=len(self.order)))

    def answer(self) -> list[int]:
        return list(self.order)

    def set(self, answer: Any) -> None:
        if isinstance(answer, list) and sorted(answer) == list(range(len(self.texts))):
            self.order = list(answer)
            self._draw()


def make_input(question: Question, seed: str) -> ChoiceInput | NumericInput | SlotsInput | OrderInput:
    """The input widget for this question's type."""
    if isinstance(question, Numeric):
        return NumericInput(question, seed)
    if isinstance(question, Matching | Categorize):
        return SlotsInput(question, seed)
    if isinstance(question, Ordering):
        return OrderInput(question, seed)
    return ChoiceInput(question, seed)


def _escape(value: str) -> str:
    return str(escape(value))
