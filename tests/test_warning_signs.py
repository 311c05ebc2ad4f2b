"""Lessons take their warning signs and levels from the findings catalogue, never from hand-written lists."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from spasmcourse.content import load_course
from spasmcourse.content.models.findings import LEVELS
from spasmcourse.elements.lesson_parts import cited_in_order
from spasmcourse.elements.warning_signs import advice_levels_html, warning_signs_html
from spasmcourse.i18n import text

TOPIC_LESSONS = ["02-back-spasms", "03-neck-spasm-and-neck-pain", "04-systemic-and-neurological-causes",
                 "05-fasciculations-and-nerve-hyperexcitability", "06-trigger-points-and-jaw-pain",
                 "07-treatments-and-self-care"]
REQUIRED = {
    "02-back-spasms": ["spine-fever", "spine-cancer-history", "spine-major-trauma", "back-worse-coughing-straining"],
    "04-systemic-and-neurological-causes": ["limb-statin-muscle", "limb-dark-urine"],
    "05-fasciculations-and-nerve-hyperexcitability": ["tongue-twitching"],
    "06-trigger-points-and-jaw-pain": ["gca-symptoms", "jaw-infection", "jaw-locked-open", "jaw-locked-closed"],
    "07-treatments-and-self-care": ["limb-statin-muscle", "limb-dark-urine"],
}


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


@pytest.mark.parametrize("lesson_id", TOPIC_LESSONS)
def test_each_topic_lesson_box_lists_its_findings_by_level_most_urgent_first(course, lesson_id: str) -> None:
    page = BeautifulSoup(warning_signs_html(course, lesson_id), "html.parser")
    groups = page.select(".sc-warning-group")
    shown = [group["data-level"] for group in groups]
    assert shown == sorted(shown, key=LEVELS.index, reverse=True)
    assert len(shown) >= 3
    listed = course.lesson_findings(lesson_id)
    for group in groups:
        level = group["data-level"]
        assert group.h4.get_text(" ", strip=True) == text(f"level_{level}")
        assert group.select_one(".sc-level-meaning").get_text() == text(f"level_meaning_{level}")
        items = [li.get_text(" ", strip=True) for li in group.select("li")]
        expected = [f for f in listed if f.level == level]
        assert len(items) == len(expected)
        for item, finding in zip(items, expected, strict=True):
            assert item.startswith(" ".join(finding.text.split()))
    for key in {key for finding in listed for key in finding.references}:
        assert page.select_one(f'a[href="#ref-{key}"]') is not None
        assert key in cited_in_order(course, lesson_id)


@pytest.mark.parametrize("lesson_id", sorted(REQUIRED))
def test_the_issue_s_warning_signs_are_taught(course, lesson_id: str) -> None:
    assert set(REQUIRED[lesson_id]) <= {f.id for f in course.lesson_findings(lesson_id)}


def test_dvt_is_taught_in_lesson_04_or_07(course) -> None:
    assert any("limb-dvt" in {f.id for f in course.lesson_findings(lesson)}
               for lesson in ("04-systemic-and-neurological-causes", "07-treatments-and-self-care"))


def test_the_levels_table_has_the_five_levels_in_the_words_every_chart_uses(course) -> None:
    page = BeautifulSoup(advice_levels_html(course), "html.parser")
    rows = page.select("tbody tr")
    assert [row["data-level"] for row in rows] == list(reversed(LEVELS))
    for row in rows:
        level = row["data-level"]
        assert row.th.get_text(" ", strip=True) == text(f"level_{level}")
        assert row.select("td")[0].get_text() == text(f"level_meaning_{level}")
        count = sum(1 for f in course.findings.values() if f.level == level)
        assert text("levels_findings_count", n=count) in row.get_text()
    assert "911, 999 or 112" in text("level_meaning_emergency")
