from pathlib import Path

import pytest

from spasmcourse.content.reading import format_location, load_yaml
from spasmcourse.problems import ContentError


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "file.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_yaml(path, "file.yml")
    return [str(problem) for problem in caught.value.problems]


def test_line_of_follows_mappings_and_lists(tmp_path: Path) -> None:
    document = load_yaml(write(tmp_path, "a:\n  - x: 1\n  - x: 2\n    y: 3\n"), "file.yml")
    assert document.line_of(("a", 1, "y")) == 4
    assert document.line_of(("a", 0)) == 2
    assert document.line_of(("a", 5, "x")) == 2


def test_format_location() -> None:
    assert format_location(("lessons", 2, "requires", 0)) == "lessons[2].requires[0]"
    assert format_location(()) == ""


def test_tab_indentation_is_named(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "a:\n\t- b\n"))
    assert problem.startswith("file.yml:2: YAML syntax error")
    assert "tabs" in problem


def test_syntax_error_has_line(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "a: 1\nb: [1, 2\nc: 3\n"))
    assert "YAML syntax error" in problem and "file.yml:" in problem


@pytest.mark.parametrize(("content", "expected"), [
    ("", "is empty"),
    ("# only a comment\n", "is empty"),
    (b"\xff\xfe\x00garbage", "is not UTF-8"),
    ("a: 1\x00\n", "NUL"),
])
def test_unreadable_files(tmp_path: Path, content: str | bytes, expected: str) -> None:
    [problem] = problems_of(write(tmp_path, content))
    assert expected in problem


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "a: 1\nb: 2\na: 3\n"))
    assert problem.startswith("file.yml:3: a: the key 'a' appears twice")


def test_missing_file(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "file.yml")
    assert problem == "file.yml: file not found"
