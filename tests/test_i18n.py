"""Interface text comes from one catalogue per language, selected by SPASMCOURSE_LANGUAGE."""

import re
import string
from pathlib import Path

import pytest

from spasmcourse.elements.quiz.static import quiz_html
from spasmcourse.i18n import LANGUAGE_VARIABLE, available_languages, catalogue, current_language, text
from test_quiz_render import REFERENCES, make_quiz

SOURCE_FOLDER = Path(__file__).resolve().parents[1] / "src" / "spasmcourse"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_and_french_ship() -> None:
    assert {"en", "fr"} <= set(available_languages())


@pytest.mark.parametrize("language", [lang for lang in available_languages() if lang != "en"])
def test_catalogues_have_the_same_keys_and_placeholders(language: str) -> None:
    english, other = catalogue("en"), catalogue(language)
    assert set(other) == set(english)
    for key, template in english.items():
        assert placeholders(other[key]) == placeholders(template), key


def test_every_used_key_exists() -> None:
    used = set()
    for path in SOURCE_FOLDER.rglob("*"):
        if not path.is_file() or "vendor" in path.parts:
            continue
        if path.suffix in (".py", ".j2"):
            used |= set(re.findall(r"""\b(?:text|t)\(\s*["']([a-z_]+)["']""", path.read_text()))
        if path.suffix == ".js":
            used |= set(re.findall(r"strings\.([a-z_]+)", path.read_text()))
    prefixes = {key for key in used if key.endswith("_")}
    assert used - prefixes - set(catalogue("en")) == set()
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in catalogue("en")), prefix
    assert len(used) > 40


def test_language_setting_selects_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPASMCOURSE_LANGUAGE", "fr")
    assert current_language() == "fr"
    html = quiz_html(make_quiz(), REFERENCES, "01-demo")
    assert ">Vérifier<" in html and "Question 1 sur 9" in html
    assert ">Check answer<" not in html
    monkeypatch.setenv("SPASMCOURSE_LANGUAGE", "xx")
    assert current_language() == "en"


def test_no_english_interface_text_in_front_end_code() -> None:
    """Learners read only catalogue strings; messages to a developer's console start with 'spasmcourse: '."""
    for name in ("quiz-check.js", "quiz-ui.js"):
        code = (SOURCE_FOLDER / "static" / name).read_text()
        literals = re.findall(r'"([^"\\\n]*)"', code)
        words = [s for s in literals if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", s)
                 and s != "use strict" and not s.startswith((".", "#", "[", "spasmcourse: "))]
        assert words == [], f"{name} has hard-coded text: {words}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_count_of_one_reads_in_the_singular(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_VARIABLE, language)
    singular = {"en": "1 result for “spasm”.", "fr": "1 résultat pour « spasm »."}
    assert text("site_search_count", n=1, query="spasm") == singular[language]
    assert text("lesson_minutes", n=1) != text("lesson_minutes", n=2).replace("2", "1")
    for key in (k for k in catalogue(language) if k.endswith("_one") and k.removesuffix("_one") in catalogue(language)):
        assert "{n}" not in catalogue(language)[key], f"{key} is the form for one: it says 1, not {{n}}"


def test_the_search_page_is_given_every_string_its_script_reads() -> None:
    import json

    from spasmcourse.publish.search import search_strings

    used = set(re.findall(r"strings\.([a-z_]+)", (SOURCE_FOLDER / "static" / "search.js").read_text()))
    assert used and used <= set(json.loads(str(search_strings())))
