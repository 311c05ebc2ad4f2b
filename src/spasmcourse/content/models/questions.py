"""Quiz question types as pydantic models, one per `type:` value in a quiz file."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from spasmcourse.content.models.base import ContentModel, Number, RuleError, Slug, Text
from spasmcourse.content.models.findings import Urgency


class QuestionBase(ContentModel):
    """What every question has: a prompt, an explanation and the reference it rests on."""

    id: Slug
    prompt: Text
    explanation: Text
    reference: Slug
    hint: Text | None = None
    triage: Urgency | None = None


class Option(ContentModel):
    """One answer option, with the feedback shown when it is picked."""

    text: Text
    correct: bool = False
    feedback: Text
    triage: Urgency | None = None


class SingleChoice(QuestionBase):
    """Exactly one option is right."""

    type: Literal["single"]
    options: list[Option] = Field(min_length=2, max_length=12)
    shuffle: bool = True


class MultipleSelect(QuestionBase):
    """One or more options are right, but not all of them."""

    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2, max_length=12)
    shuffle: bool = True


class TrueFalse(QuestionBase):
    """A statement that is true or false, with feedback for each answer."""

    type: Literal["true-false"]
    answer: bool
    if_true: Text
    if_false: Text


class NumericAnswer(ContentModel):
    """An exact value, a value with a tolerance, or an inclusive range."""

    value: Number | None = None
    tolerance: Number | None = Field(default=None, ge=0)
    min: Number | None = None
    max: Number | None = None

    @model_validator(mode="after")
    def _one_form(self) -> NumericAnswer:
        if self.value is not None and (self.min is not None or self.max is not None):
            raise RuleError("give either value (with an optional tolerance) or min and max, not both",
                            "keep value and tolerance for one right number, or min and max for a range")
        if self.value is None and (self.min is None or self.max is None):
            raise RuleError("give a value, or both min and max",
                            "add value: for one right number, or min: and max: for a range")
        if self.value is None and self.tolerance is not None:
            raise RuleError("a tolerance goes with a value, not with min and max",
                            "remove tolerance, or give a value instead")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise RuleError(f"the range is inverted: min {self.min:g} is above max {self.max:g}", "swap min and max")
        return self


class NumericFeedback(ContentModel):
    """Feedback for a right answer, one that is too low and one that is too high."""

    correct: Text
    too_low: Text
    too_high: Text


class Numeric(QuestionBase):
    """A number typed by the learner, checked against a value, tolerance or range."""

    type: Literal["numeric"]
    answer: NumericAnswer
    unit: Text | None = None
    feedback: NumericFeedback


class Pair(ContentModel):
    """A term and the definition it belongs with; feedback is shown when matched wrongly."""

    term: Text
    definition: Text
    feedback: Text


class Matching(QuestionBase):
    """Pair each term with its definition; distractors are definitions that fit no term."""

    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2, max_length=10)
    distractors: list[Text] = Field(default_factory=list, max_length=5)
    shuffle: bool = True


class OrderItem(ContentModel):
    """One step of an ordering question; feedback is shown when it is out of place."""

    text: Text
    feedback: Text


class Ordering(QuestionBase):
    """Put the items in order; they are written here in the right order and shown shuffled."""

    type: Literal["ordering"]
    items: list[OrderItem] = Field(min_length=3, max_length=10)


class SortItem(ContentModel):
    """One item to sort, the category it belongs to, and feedback when sorted wrongly."""

    text: Text
    category: Text
    feedback: Text
    triage: Urgency | None = None


class Categorize(QuestionBase):
    """Sort each item into one of the named categories."""

    type: Literal["categorize"]
    categories: list[Text] = Field(min_length=2, max_length=6)
    items: list[SortItem] = Field(min_length=2, max_length=16)
    shuffle: bool = True


QUESTION_TYPES = (SingleChoice, MultipleSelect, TrueFalse, Numeric, Matching, Ordering, Categorize)

Question = Annotated[
    SingleChoice | MultipleSelect | TrueFalse | Numeric | Matching | Ordering | Categorize,
    Field(discriminator="type"),
]
