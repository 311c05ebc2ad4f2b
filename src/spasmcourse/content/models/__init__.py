"""The shape of every content file, as pydantic models, one module per kind of file."""

from spasmcourse.content.models.base import ContentModel, RuleError
from spasmcourse.content.models.cases import CaseChoice, CaseEnding, CaseStep, CaseStudy
from spasmcourse.content.models.charts import Axis, ChartNote, Series, SliderChart
from spasmcourse.content.models.explorers import Explorer, ExplorerGroup, ExplorerItem
from spasmcourse.content.models.figures import Figure, FigureList
from spasmcourse.content.models.findings import Caveat, Finding, FindingList, Urgency, most_urgent, urgency
from spasmcourse.content.models.flowcharts import Choice, Flowchart, OutcomeNode, QuestionNode
from spasmcourse.content.models.glossary import Glossary, Term
from spasmcourse.content.models.lessons import Lesson, Manifest
from spasmcourse.content.models.questions import QUESTION_TYPES, Question
from spasmcourse.content.models.quizzes import Quiz, QuizFile
from spasmcourse.content.models.references import Reference, ReferenceList

__all__ = [
    "QUESTION_TYPES", "Axis", "CaseChoice", "CaseEnding", "CaseStep", "CaseStudy", "Caveat", "ChartNote", "Choice",
    "ContentModel", "Explorer", "ExplorerGroup", "ExplorerItem", "Figure", "FigureList", "Finding", "FindingList",
    "Flowchart", "Glossary", "Lesson", "Manifest", "OutcomeNode", "Question", "QuestionNode", "Quiz", "QuizFile",
    "Reference", "ReferenceList", "RuleError", "Series", "SliderChart", "Term", "Urgency", "most_urgent", "urgency",
]
