"""Answer any question type as a person would, in an exported page or in live JupyterLab widgets."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, expect

from spasmcourse.content.models.questions import Question
from spasmcourse.elements.quiz.checking import choice_options, definitions, numeric_bounds
from spasmcourse.i18n import text


def wanted(question: Question, right: bool) -> Any:
    """A right or a wrong answer in terms a person sees: labels, texts, a typed number."""
    kind = question.type
    if kind in ("single", "true-false"):
        options = choice_options(question)
        return next(o.text for o in options if o.correct == right)
    if kind == "multiple":
        options = choice_options(question)
        if right:
            return [o.text for o in options if o.correct]
        return [next(o.text for o in options if not o.correct)]
    if kind == "numeric":
        low, high = numeric_bounds(question)
        return f"{low:g}" if right else f"{high + 1000:g}"
    if kind == "matching":
        pairs = [(pair.term, pair.definition) for pair in question.pairs]
        if not right:
            pairs[0] = (pairs[0][0], definitions(question)[1])
        return pairs
    if kind == "categorize":
        chosen = [(item.text, item.category) for item in question.items]
        if not right:
            other = next(c for c in question.categories if c != chosen[0][1])
            chosen[0] = (chosen[0][0], other)
        return chosen
    return [item.text for item in question.items] if right else None


class StaticForm:
    """One question's form in an exported page."""

    def __init__(self, page: Page, form: Locator, question: Question) -> None:
        self.page, self.form, self.question = page, form, question

    def answer(self, right: bool, keyboard: bool = False) -> None:
        target = wanted(self.question, right)
        kind = self.question.type
        if kind in ("single", "true-false"):
            self._choose_radio(target, keyboard)
        elif kind == "multiple":
            self._choose_boxes(target, keyboard)
        elif kind == "numeric":
            box = self.form.locator("input")
            if keyboard:
                box.focus()
                self.page.keyboard.press("Control+A")
                self.page.keyboard.type(target)
            else:
                box.fill(target)
        elif kind in ("matching", "categorize"):
            for label, choice in target:
                select = self.form.get_by_label(label, exact=True)
                if keyboard:
                    self._select_by_keys(select, choice)
                else:
                    select.select_option(label=choice)
        elif target is not None:
            self._order(target, keyboard)
        self.submit(keyboard)

    def submit(self, keyboard: bool) -> None:
        button = self.form.get_by_role("button", name=text("check"))
        if not keyboard:
            button.click()
            return
        for _ in range(40):
            if button.evaluate("b => b === document.activeElement"):
                self.page.keyboard.press("Enter")
                return
            self.page.keyboard.press("Tab")
        raise AssertionError("Tab never reached the Check answer button")

    def _choose_radio(self, label: str, keyboard: bool) -> None:
        if not keyboard:
            self.form.get_by_label(label, exact=True).check()
            return
        self.form.locator("input").first.focus()
        self.page.keyboard.press("Space")
        for _ in range(15):
            if self.form.get_by_label(label, exact=True).is_checked():
                return
            self.page.keyboard.press("ArrowDown")
        raise AssertionError(f"arrow keys never reached {label!r}")

    def _choose_boxes(self, labels: list[str], keyboard: bool) -> None:
        boxes = self.form.locator("input")
        if keyboard:
            boxes.first.focus()
        for index in range(boxes.count()):
            box = boxes.nth(index)
            label = self.form.locator(f"label[for='{box.get_attribute('id')}']").inner_text()
            if keyboard:
                if box.is_checked() != (label in labels):
                    self.page.keyboard.press("Space")
                self.page.keyboard.press("Tab")
            else:
                box.set_checked(label in labels)

    def _select_by_keys(self, select: Locator, label: str) -> None:
        select.focus()
        labels = select.evaluate("s => Array.from(s.options, o => o.text)")
        current = select.evaluate("s => s.selectedIndex")
        key = "ArrowDown" if labels.index(label) > current else "ArrowUp"
        for _ in range(abs(labels.index(label) - current)):
            self.page.keyboard.press(key)
        assert select.evaluate("s => s.options[s.selectedIndex].text") == label

    def _order(self, texts: list[str], keyboard: bool) -> None:
        for position, item in enumerate(texts):
            shown = self.form.locator(".sc-order-text").all_inner_texts()
            steps = shown.index(item) - position
            up = self.form.locator(".sc-order-item").filter(
                has=self.page.get_by_text(item, exact=True)).locator(".sc-up")
            if keyboard and steps:
                up.focus()
                for _ in range(steps):
                    self.page.keyboard.press("Enter")
            else:
                for _ in range(steps):
                    up.click()


class LiveQuestion:
    """One question's ipywidgets in JupyterLab."""

    def __init__(self, box: Locator, question: Question) -> None:
        self.box, self.question = box, question

    def answer(self, right: bool) -> None:
        target = wanted(self.question, right)
        kind = self.question.type
        if kind in ("single", "true-false"):
            self.box.get_by_label(target, exact=True).check()
        elif kind == "multiple":
            for option in choice_options(self.question):
                self.box.get_by_label(option.text, exact=True).set_checked(option.text in target)
        elif kind == "numeric":
            field = self.box.get_by_label("Your answer")
            field.fill(target)
            field.press("Enter")
        elif kind in ("matching", "categorize"):
            for label, choice in target:
                self.box.get_by_label(label, exact=True).select_option(label=choice)
        elif target is not None:
            for position, item in enumerate(target):
                shown = [t.split(". ", 1)[1] for t in self.box.locator(".sc-order-text").all_inner_texts()]
                for place in range(shown.index(item), position, -1):
                    row = self.box.locator(".widget-hbox").filter(has_text=item)
                    row.get_by_role("button", name="Move up").click()
                    expect(self.box.locator(".sc-order-text", has_text=f"{place}. {item}")).to_be_visible()
        self.box.get_by_role("button", name="Check answer").click()
