"""Class statistics: completion per lesson, and per question the share correct, the wrong answers
chosen and a discrimination index (how much better the strongest students did than the weakest).

The discrimination index of a question is the share correct among the upper 27% of the students
who answered it minus the share among the lower 27%, ranked by their score on the *other*
questions (so a question does not vote for itself). A negative index means strong students miss
it more than weak ones: the key may be wrong or the wording may mislead.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from spasmcourse.classroom.handins import Answer, HandIn, Key
from spasmcourse.content import Course
from spasmcourse.content.assessment_questions import quizzes_shown
from spasmcourse.content.models.questions import Categorize, Matching, MultipleSelect, Numeric, Ordering, Question
from spasmcourse.elements.quiz.checking import choice_options, definitions
from spasmcourse.elements.quiz.feedback import answer_text

GROUP_SHARE = 0.27
MIN_FOR_DISCRIMINATION = 4
MIN_FOR_RETEACH = 3
RETEACH_COUNT = 5


@dataclass(frozen=True)
class CourseQuestion:
    """A question as the report names it: where it is, its text and its right answer."""

    key: Key
    lesson_title: str
    quiz_title: str
    question: Question

    @property
    def label(self) -> str:
        """A short id for tables and plots: lesson number, quiz and question id."""
        return f"{self.key[0][:2]} {self.key[2]}"


@dataclass(frozen=True)
class LessonCompletion:
    """How far the class got through one lesson's questions."""

    lesson_id: str
    title: str
    questions: int
    completed: int
    started: int
    students: int

    @property
    def completed_share(self) -> float:
        """Share of students who answered every question of the lesson."""
        return self.completed / self.students if self.students else 0.0

    @property
    def started_share(self) -> float:
        """Share of students who answered at least one."""
        return self.started / self.students if self.students else 0.0


@dataclass(frozen=True)
class QuestionStats:
    """One question across the class."""

    item: CourseQuestion
    answered: int
    correct: int
    wrong_choices: list[tuple[str, int]]
    discrimination: float | None
    upper_correct: float | None = None
    lower_correct: float | None = None

    @property
    def share_correct(self) -> float:
        """Share of the students who answered it that got it right."""
        return self.correct / self.answered if self.answered else 0.0

    @property
    def flagged(self) -> bool:
        """Strong students miss it more than weak ones: check the key and the wording."""
        return self.discrimination is not None and self.discrimination < 0


@dataclass(frozen=True)
class StudentSummary:
    """One student's overall result, by pseudonym."""

    handin: HandIn
    lessons_completed: int
    answered: int
    correct: int | None

    @property
    def share_correct(self) -> float | None:
        """Share of answered questions right, unknown for old exports."""
        if self.correct is None or not self.answered:
            return None
        return self.correct / self.answered


@dataclass
class ClassStats:
    """Everything the report shows."""

    students: list[StudentSummary]
    lessons: list[LessonCompletion]
    questions: list[QuestionStats]
    unknown: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> list[QuestionStats]:
        """Questions that strong students miss more than weak ones."""
        return [q for q in self.questions if q.flagged]

    @property
    def reteach(self) -> list[QuestionStats]:
        """The questions most worth reteaching: the most missed, among those answered by enough students
        and not flagged (a flagged question needs its key or wording checked first)."""
        pool = [q for q in self.questions if q.answered >= MIN_FOR_RETEACH and not q.flagged and q.correct < q.answered]
        pool.sort(key=lambda q: (q.share_correct, -(q.answered - q.correct), q.item.key))
        return pool[:RETEACH_COUNT]


def course_questions(course: Course) -> list[CourseQuestion]:
    """Every question a student can answer, in course order (the final assessment included)."""
    return [CourseQuestion((lesson.id, quiz.id, question.id), lesson.title, quiz.title, question)
            for lesson in course.lessons for quiz in quizzes_shown(course, lesson.id, "Final assessment")
            for question in quiz.questions]


def class_stats(course: Course, handins: list[HandIn]) -> ClassStats:
    """Compute the report's statistics from the hand-ins."""
    items = course_questions(course)
    known = {item.key for item in items}
    with_answers = [h for h in handins if h.answers is not None]
    answers = {h.pseudonym: {k: a for k, a in (h.answers or {}).items() if k in known} for h in with_answers}
    per_lesson = Counter(item.key[0] for item in items)
    lessons = [_completion(lesson.id, lesson.title, per_lesson[lesson.id], handins, answers)
               for lesson in course.lessons if per_lesson[lesson.id]]
    questions = [_question_stats(item, answers) for item in items]
    unknown = sorted({"/".join(k) for h in with_answers for k in (h.answers or {}) if k not in known})
    students = [_student(h, answers.get(h.pseudonym), lessons) for h in handins]
    return ClassStats(students, lessons, [q for q in questions if q.answered], unknown)


def _answered_in(handin: HandIn, lesson_id: str, answers: dict[str, dict[Key, Answer]]) -> int:
    if handin.pseudonym in answers:
        return sum(1 for key in answers[handin.pseudonym] if key[0] == lesson_id)
    return handin.answered.get(lesson_id, 0)


def _completion(lesson_id: str, title: str, total: int, handins: list[HandIn],
                answers: dict[str, dict[Key, Answer]]) -> LessonCompletion:
    counts = [_answered_in(h, lesson_id, answers) for h in handins]
    return LessonCompletion(lesson_id, title, total, sum(c >= total for c in counts),
                            sum(c > 0 for c in counts), len(handins))


def _student(handin: HandIn, answers: dict[Key, Answer] | None,
             lessons: list[LessonCompletion]) -> StudentSummary:
    done = sum(_answered_in(handin, lesson.lesson_id, {handin.pseudonym: answers} if answers is not None else {})
               >= lesson.questions for lesson in lessons)
    if answers is None:
        return StudentSummary(handin, done, sum(handin.answered.values()), None)
    return StudentSummary(handin, done, len(answers), sum(a.correct for a in answers.values()))


def _question_stats(item: CourseQuestion, answers: dict[str, dict[Key, Answer]]) -> QuestionStats:
    given = {student: own[item.key] for student, own in answers.items() if item.key in own}
    correct = sum(a.correct for a in given.values())
    wrong = Counter()
    for answer in given.values():
        if not answer.correct:
            wrong.update(wrong_parts(item.question, answer.answer))
    index, upper, lower = _discrimination(item.key, given, answers)
    return QuestionStats(item, len(given), correct, wrong.most_common(), index, upper, lower)


def _discrimination(key: Key, given: dict[str, Answer],
                    answers: dict[str, dict[Key, Answer]]) -> tuple[float | None, float | None, float | None]:
    ranked = []
    for student, answer in given.items():
        others = [a.correct for k, a in answers[student].items() if k != key]
        if others:
            ranked.append((sum(others) / len(others), student, answer.correct))
    if len(ranked) < MIN_FOR_DISCRIMINATION:
        return None, None, None
    ranked.sort()
    size = max(1, math.ceil(GROUP_SHARE * len(ranked)))
    lower = sum(right for _, _, right in ranked[:size]) / size
    upper = sum(right for _, _, right in ranked[-size:]) / size
    return upper - lower, upper, lower


def wrong_parts(question: Question, answer: object) -> list[str]:
    """What made a wrong answer wrong, in words: each wrong option chosen (and right ones left out),
    the number typed, or each term, step or item put in the wrong place."""
    given = answer if isinstance(answer, list) else []
    if isinstance(question, Numeric):
        return [f"typed {str(answer).strip() or '(nothing)'}"]
    if isinstance(question, Matching):
        options = definitions(question)
        return [f"{pair.term} \u2192 {_placed(given, i, options)}"
                for i, pair in enumerate(question.pairs) if i >= len(given) or given[i] != i]
    if isinstance(question, Categorize):
        return [f"{item.text} \u2192 {_placed(given, i, question.categories)}"
                for i, item in enumerate(question.items)
                if i >= len(given) or given[i] != question.categories.index(item.category)]
    if isinstance(question, Ordering):
        return [f"{question.items[item].text}: out of place" for position, item in enumerate(given)
                if _index(given, position, len(question.items)) and item != position]
    options = choice_options(question)
    picked = [i for i in given if isinstance(i, int) and 0 <= i < len(options)]
    parts = [options[i].text for i in picked if not options[i].correct]
    if isinstance(question, MultipleSelect):
        parts += [f"left out: {option.text}" for i, option in enumerate(options) if option.correct and i not in picked]
    return parts or ["(no option)"]


def _placed(given: list, position: int, names: list[str]) -> str:
    return names[given[position]] if _index(given, position, len(names)) else "(none)"


def _index(given: list, position: int, limit: int) -> bool:
    return position < len(given) and isinstance(given[position], int) and 0 <= given[position] < limit


def right_answer(question: Question) -> str:
    """The keyed answer in words."""
    return answer_text(question)
