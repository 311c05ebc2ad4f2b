"""The shared answer-checking specification (quiz_cases.yml) as Python objects."""

from pathlib import Path

import yaml

from spasmcourse.content.models import ChoiceQuestion

SPEC = yaml.safe_load((Path(__file__).parent / "quiz_cases.yml").read_text())


def spec_question(name: str) -> ChoiceQuestion:
    """A question from the spec, with generated texts around its right/wrong pattern."""
    spec = SPEC["questions"][name]
    return ChoiceQuestion(
        id=name, type=spec["type"], prompt=f"Prompt of {name}",
        options=[{"text": f"Option {i}", "correct": right, "feedback": f"Feedback {i}"}
                 for i, right in enumerate(spec["options"])],
        explanation="Because.", reference="some-source",
    )


CASES = SPEC["cases"]
