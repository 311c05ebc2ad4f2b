"""The spasmcourse command as a user runs it: exit codes, messages on stderr, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = str(Path(sys.executable).parent / "spasmcourse")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_check_passes_on_the_course(course_copy: Path) -> None:
    result = run("check", cwd=course_copy / "notebooks")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Course OK: ")
    assert "lessons" in result.stdout and "questions" in result.stdout


@pytest.mark.parametrize(("broken", "expected"), [
    ("title: Course\nlessons:\n  - id: 00-start-here\n    titel: Start\n",
     ["lessons.yml:4: lessons[0].titel: unknown field 'titel' (did you mean 'title'?)",
      "lessons[0]: the field 'notebook' is required"]),
    ("title: Course\nlessons:\n\t- id: x\n", ["lessons.yml:3: YAML syntax error"]),
    ("\x00\x01\x02binary", ["lessons.yml: is not a text file"]),
    ("- just\n- a list\n", ["lessons.yml:1: should be a mapping (key: value lines), not a list"]),
])
def test_broken_manifest_names_file_and_field(course_copy: Path, broken: str,
                                              expected: list[str]) -> None:
    (course_copy / "lessons.yml").write_text(broken)
    result = run("check", cwd=course_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for text in expected:
        assert text in result.stderr
    assert result.stdout == ""


def test_root_option_and_missing_course(tmp_path: Path, course_copy: Path) -> None:
    assert run("--root", str(course_copy), "check", cwd=tmp_path).returncode == 0
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "lessons.yml: not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_refuses_a_broken_course(course_copy: Path) -> None:
    (course_copy / "assets" / "references.yml").write_text("references: []\n")
    result = run("build", cwd=course_copy)
    assert result.returncode == 1
    assert "assets/references.yml:1: references: needs at least 1 item, found 0" in result.stderr
    assert not (course_copy / "_build").exists()
