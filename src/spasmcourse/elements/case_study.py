"""case_study("id"): a patient's story in steps; the learner decides, reads feedback, and ends
with the lessons to revisit. Live in ipywidgets, static (HTML/JS) in exports."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from markupsafe import escape

from spasmcourse.content import Course
from spasmcourse.content.current_course import current_course
from spasmcourse.content.models import Reference
from spasmcourse.content.models.cases import CaseStudy
from spasmcourse.elements.citations import citation_text, citation_url
from spasmcourse.elements.failure import shows_problems
from spasmcourse.i18n import text
from spasmcourse.rendering import asset_tags, inline_asset, render, script_json

CASE_STYLES = ("case-study.css",)
CASE_SCRIPTS = ("case-study.js",)


def case_html(case: CaseStudy, course: Course) -> str:
    """The case with its scripts, and the whole story as text for readers without scripts."""
    titles = {lesson.id: lesson.title for lesson in course.lessons}
    data = {"start": case.start, "steps": {step.id: [c.to for c in step.choices] for step in case.steps},
            "trail": text("case_trail")}
    return render("elements/case_study.html.j2", case=case, dom_id=f"sc-case-{case.id}", titles=titles,
                  sources=_sources(case, course.references), data=script_json(data),
                  assets=asset_tags(CASE_STYLES, CASE_SCRIPTS))


class CaseStudyWidget(widgets.VBox):
    """A live case: choose, read the feedback, continue or choose again, and see what to revisit."""

    def __init__(self, case: CaseStudy, course: Course) -> None:
        self.case = case
        self._course = course
        self.titles = {lesson.id: lesson.title for lesson in course.lessons}
        self.node = case.start
        self.chosen: int | None = None
        self.trail: list[str] = []
        self.scene = widgets.HTML()
        self.choices = widgets.VBox()
        self.feedback = widgets.HTML()
        self.continue_button = widgets.Button(description=text("case_continue"), button_style="primary")
        self.retry_button = widgets.Button(description=text("case_retry"))
        self.restart_button = widgets.Button(description=text("case_restart"))
        self.continue_button.on_click(lambda _: self.go_on())
        self.retry_button.on_click(lambda _: self.choose_again())
        self.restart_button.on_click(lambda _: self.restart())
        self.actions = widgets.HBox()
        header = widgets.HTML(f"<style>{inline_asset('case-study.css')}</style>"
                              f'<h3 class="sc-case-title">{escape(text("case_heading", title=case.title))}</h3>'
                              f'<p class="sc-case-story">{escape(case.story)}</p>')
        footer = widgets.HTML(render("elements/case_sources.html.j2", sources=_sources(case, course.references)))
        super().__init__([header, self.scene, self.choices, self.feedback, self.actions, footer])
        self.add_class("sc-case")
        self.add_class("sc-live")
        self.add_class(f"sc-case-{case.id}")
        self._draw()

    def choose(self, index: int) -> None:
        """Take the decision number `index` at the current step and show its feedback."""
        self.chosen = index
        self._draw()

    def go_on(self) -> None:
        """Continue the story after the chosen decision."""
        step = self._step()
        choice = step.choices[self.chosen]
        self.trail.append(f"{step.text} \u2192 {choice.label}")
        self.node, self.chosen = choice.to, None
        self._draw()

    def choose_again(self) -> None:
        """Put the decision back and choose differently."""
        self.chosen = None
        self._draw()

    def restart(self) -> None:
        """Start the story again."""
        self.node, self.chosen, self.trail = self.case.start, None, []
        self._draw()

    def _step(self):
        return next(step for step in self.case.steps if step.id == self.node)

    def _draw(self) -> None:
        trail = "".join(f"<li>{escape(item)}</li>" for item in self.trail)
        trail_html = (f'<p class="sc-case-trail-label">{escape(text("case_trail"))}</p>'
                      f'<ol class="sc-case-trail">{trail}</ol>' if trail else "")
        ending = next((e for e in self.case.endings if e.id == self.node), None)
        if ending is not None:
            ending_html = render("elements/case_ending.html.j2", ending=ending, titles=self.titles)
            self.scene.value = trail_html + str(ending_html)
            self.choices.children, self.feedback.value = [], ""
            self.actions.children = [self.restart_button]
            return
        step = self._step()
        self.scene.value = trail_html + f'<p class="sc-case-text">{escape(step.text)}</p>'
        buttons = []
        for index, choice in enumerate(step.choices):
            button = widgets.Button(description=choice.label, layout=widgets.Layout(width="auto"),
                                    disabled=self.chosen is not None)
            button.on_click(lambda _, i=index: self.choose(i))
            buttons.append(button)
        self.choices.children = buttons
        if self.chosen is None:
            self.feedback.value, self.actions.children = "", []
        else:
            self.feedback.value = str(render("elements/case_feedback.html.j2", choice=step.choices[self.chosen]))
            self.actions.children = [self.continue_button, self.retry_button]

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = case_html(self.case, self._course)
        return bundle


@shows_problems
def case_study(case_id: str) -> CaseStudyWidget:
    """The case study with this id from assets/cases."""
    course = current_course()
    return CaseStudyWidget(course.case(case_id), course)


def _sources(case: CaseStudy, references: dict[str, Reference]) -> list[dict[str, str]]:
    return [{"text": citation_text(references[key]), "url": citation_url(references[key])} for key in case.references]


