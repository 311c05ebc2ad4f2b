"""Validation of lessons.yml, quiz files, references and notebooks, on broken copies of the course."""

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from conftest import git_commit
from spasmcourse.content import load_course
from spasmcourse.content.rules import check_course
from spasmcourse.problems import ContentError

REAL_COURSE = Path(__file__).resolve().parents[1]


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def messages(root: Path) -> list[str]:
    return [str(problem) for problem in check_course(root)]


def test_the_real_course_is_clean() -> None:
    assert messages(REAL_COURSE) == []
    course = load_course(REAL_COURSE)
    assert [lesson.id for lesson in course.lessons][:2] == ["00-start-here", "01-what-is-a-spasm"]


def test_unknown_prerequisite_names_field_and_suggests(course_copy: Path) -> None:
    edit_yaml(course_copy / "lessons.yml",
              lambda d: d["lessons"][1].update(requires=["00-start-her"]))
    [problem] = messages(course_copy)
    assert "lessons.yml:" in problem
    assert "lessons[1].requires[0]: unknown lesson '00-start-her'" in problem
    assert "did you mean '00-start-here'?" in problem


def test_prerequisite_cycle_and_forward_reference(course_copy: Path) -> None:
    edit_yaml(course_copy / "lessons.yml",
              lambda d: d["lessons"][0].update(requires=["01-what-is-a-spasm"]))
    found = messages(course_copy)
    assert any("prerequisites form a cycle" in p for p in found)
    assert any("lessons[0].requires[0]: '01-what-is-a-spasm' comes later" in p for p in found)


def test_every_problem_is_reported_at_once(course_copy: Path) -> None:
    def break_it(data: dict) -> None:
        data["lessons"][0]["minutes"] = "ten"
        data["lessons"][1]["objectivs"] = ["typo"]
        del data["lessons"][1]["title"]
    edit_yaml(course_copy / "lessons.yml", break_it)
    found = messages(course_copy)
    assert any("lessons[0].minutes: should be a whole number, not text ('ten')" in p for p in found)
    assert any("lessons[1].objectivs: unknown field 'objectivs' (did you mean 'objectives'?)" in p
               for p in found)
    assert any("lessons[1]: the field 'title' is required" in p for p in found)


def test_bad_ids_get_a_hint(course_copy: Path) -> None:
    edit_yaml(course_copy / "lessons.yml", lambda d: d["lessons"][1].update(id="Lesson One"))
    found = messages(course_copy)
    assert any("lessons[1].id: 'Lesson One' is not in the expected form (use two digits" in p
               for p in found)


def test_missing_notebook(course_copy: Path) -> None:
    (course_copy / "notebooks" / "01-what-is-a-spasm.ipynb").unlink()
    found = messages(course_copy)
    assert any("lessons[1].notebook: notebook 'notebooks/01-what-is-a-spasm.ipynb' not found" in p
               for p in found)


def test_notebook_with_outputs_and_wrong_kernel(course_copy: Path) -> None:
    path = course_copy / "notebooks" / "01-what-is-a-spasm.ipynb"
    notebook = nbformat.read(path, as_version=4)
    code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", text="hello")]
    notebook.metadata.kernelspec = {"name": "ir", "display_name": "R", "language": "R"}
    nbformat.write(notebook, path)
    found = messages(course_copy)
    assert not any("outputs" in p for p in found), "outputs in a working copy are a note, not a problem"
    assert any("metadata.kernelspec: kernel is 'ir', not 'python3'" in p for p in found)
    git_commit(course_copy)
    assert any(p.startswith("notebooks/01-what-is-a-spasm.ipynb: cells[") and "was committed with outputs" in p
               for p in messages(course_copy))


def test_invalid_notebook_json(course_copy: Path) -> None:
    (course_copy / "notebooks" / "00-start-here.ipynb").write_text("{not json")
    found = messages(course_copy)
    assert any(p.startswith("notebooks/00-start-here.ipynb: is not a readable notebook") for p in found)


def test_unlisted_notebook(course_copy: Path) -> None:
    nbformat.write(nbformat.v4.new_notebook(), course_copy / "notebooks" / "99-stray.ipynb")
    expected = ("notebooks/99-stray.ipynb: is not listed in lessons.yml "
                "(add it as a lesson or move it out of notebooks/)")
    assert expected in messages(course_copy)


def quiz_path(root: Path) -> Path:
    return root / "assets" / "quizzes" / "01-what-is-a-spasm.yml"


def test_single_choice_needs_exactly_one_correct(course_copy: Path) -> None:
    def two_correct(data: dict) -> None:
        question = next(q for q in data["quizzes"][0]["questions"] if q["type"] == "single")
        for option in question["options"]:
            option["correct"] = True
    edit_yaml(quiz_path(course_copy), two_correct)
    found = messages(course_copy)
    assert any("a single-choice question needs exactly one correct option" in p for p in found)


def test_multiple_select_with_no_correct_or_all_correct(course_copy: Path) -> None:
    def change(data: dict) -> None:
        questions = [q for quiz in data["quizzes"] for q in quiz["questions"] if q["type"] == "multiple"]
        for option in questions[0]["options"]:
            option["correct"] = False
        data["quizzes"][0]["questions"].append({**questions[0], "id": "all-right", "options": [
            {**option, "correct": True} for option in questions[0]["options"]]})
    edit_yaml(quiz_path(course_copy), change)
    found = messages(course_copy)
    assert any("no option is marked 'correct: true'" in p for p in found)
    assert any("every option is correct, so the question tests nothing" in p for p in found)


def test_unknown_reference_and_unknown_quiz(course_copy: Path) -> None:
    def change(data: dict) -> None:
        data["quizzes"][0]["questions"][0]["reference"] = "no-such-source"
        data["quizzes"][0]["id"] = "renamed-quiz"
    edit_yaml(quiz_path(course_copy), change)
    found = messages(course_copy)
    assert any(".reference: unknown reference 'no-such-source'" in p for p in found)
    assert any("shows unknown quiz" in p and "01-what-is-a-spasm.ipynb" in p for p in found)


def test_unused_reference(course_copy: Path) -> None:
    edit_yaml(course_copy / "assets" / "references.yml", lambda d: d["references"].append(
        {"key": "never-cited", "authors": "Nobody", "title": "Nothing", "source": "Nowhere",
         "url": "https://example.org/", "grade": "B"}))
    assert any("reference 'never-cited' is never cited" in p for p in messages(course_copy))


def test_reference_needs_url_or_doi(course_copy: Path) -> None:
    def strip(data: dict) -> None:
        data["references"][0].pop("url", None)
        data["references"][0].pop("doi", None)
    edit_yaml(course_copy / "assets" / "references.yml", strip)
    assert any("references[0]:" in p and "needs a url or a doi" in p for p in messages(course_copy))


def test_load_course_raises_with_every_problem(course_copy: Path) -> None:
    (course_copy / "lessons.yml").write_text("title: x\nlessons: 5\n")
    with pytest.raises(ContentError) as caught:
        load_course(course_copy)
    assert "lessons: should be a list, not a whole number (5)" in caught.value.report()


def put_it_together(data: dict) -> list[dict]:
    return next(quiz for quiz in data["quizzes"] if quiz["id"] == "putting-it-together")["questions"]


def question_of_type(data: dict, kind: str) -> dict:
    return next(q for quiz in data["quizzes"] for q in quiz["questions"] if q["type"] == kind)


def test_numeric_range_inverted(course_copy: Path) -> None:
    edit_yaml(quiz_path(course_copy),
              lambda d: question_of_type(d, "numeric").update(answer={"min": 80, "max": 60}))
    found = messages(course_copy)
    assert any(".answer: the range is inverted: min 80 is above max 60" in p for p in found), found


def test_numeric_with_value_and_range(course_copy: Path) -> None:
    edit_yaml(quiz_path(course_copy),
              lambda d: question_of_type(d, "numeric").update(answer={"value": 70, "min": 60, "max": 80}))
    assert any("give either value (with an optional tolerance) or min and max" in p
               for p in messages(course_copy))


def test_typo_inside_a_question_type_is_located_and_suggested(course_copy: Path) -> None:
    def typo(data: dict) -> None:
        question = question_of_type(data, "numeric")
        question["unitt"] = question.pop("unit")
    edit_yaml(quiz_path(course_copy), typo)
    [problem] = [p for p in messages(course_copy) if "unitt" in p]
    assert re.search(r"questions\[\d+\]\.unitt: unknown field 'unitt' \(did you mean 'unit'\?\)", problem)
    assert ".numeric." not in problem


def test_unknown_question_type(course_copy: Path) -> None:
    edit_yaml(quiz_path(course_copy), lambda d: question_of_type(d, "ordering").update(type="sorting"))
    assert any(".type: unknown type 'sorting' (use one of:" in p for p in messages(course_copy))


def test_categorize_item_in_an_unknown_category(course_copy: Path) -> None:
    def change(data: dict) -> None:
        question_of_type(data, "categorize")["items"][0]["category"] = "Fits spastcity"
    edit_yaml(quiz_path(course_copy), change)
    found = messages(course_copy)
    assert any(".items[0].category: 'Fits spastcity' is not one of the categories "
               "(did you mean 'Fits spasticity'?)" in p for p in found), found


def test_matching_with_duplicate_definitions(course_copy: Path) -> None:
    def change(data: dict) -> None:
        question = question_of_type(data, "matching")
        question["distractors"] = [question["pairs"][0]["definition"]]
    edit_yaml(quiz_path(course_copy), change)
    assert any("the definition" in p and "appears twice" in p for p in messages(course_copy))


def first_file(root: Path, folder: str) -> Path:
    return sorted((root / "assets" / folder).glob("*.yml"))[0]


def test_explorer_item_in_an_unknown_group(course_copy: Path) -> None:
    path = first_file(course_copy, "explorers")
    edit_yaml(path, lambda d: d["items"][0].update(groups=["no-such-group"]))
    assert any("items[0].groups[0]: unknown group 'no-such-group'" in p for p in messages(course_copy))


def test_chart_point_outside_the_axes(course_copy: Path) -> None:
    path = first_file(course_copy, "charts")
    edit_yaml(path, lambda d: d["series"][0]["points"].append([d["x"]["max"] + 5, d["y"]["max"]]))
    assert any("lies outside the axes" in p for p in messages(course_copy))


def test_figure_file_missing_or_unsafe(course_copy: Path) -> None:
    figures = course_copy / "assets" / "figures"
    data = yaml.safe_load((figures / "figures.yml").read_text())
    (figures / data["figures"][0]["file"]).unlink()
    second = figures / data["figures"][1]["file"]
    second.write_text(second.read_text().replace("</svg>", "<script>alert(1)</script></svg>"))
    found = messages(course_copy)
    assert any(f"figure file '{data['figures'][0]['file']}' not found" in p for p in found)
    assert any(f"'{data['figures'][1]['file']}' loads or runs something" in p for p in found)


def test_figure_alt_text_is_required(course_copy: Path) -> None:
    edit_yaml(course_copy / "assets" / "figures" / "figures.yml", lambda d: d["figures"][0].update(alt="A figure"))
    assert any("figures[0].alt:" in p for p in messages(course_copy))


def test_undefined_glossary_term_and_missing_flashcards(course_copy: Path) -> None:
    path = course_copy / "notebooks" / "01-what-is-a-spasm.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.insert(2, nbformat.v4.new_markdown_cell("A [zig](#term-zigzag-spasm) appears."))
    notebook.cells = [c for c in notebook.cells if "flashcards(" not in c.source]
    nbformat.write(notebook, path)
    found = messages(course_copy)
    assert any("marks 'zigzag-spasm' as a glossary term, but it is not in assets/glossary.yml" in p for p in found)
    assert any("01-what-is-a-spasm.ipynb: has no flashcards cell" in p for p in found)
