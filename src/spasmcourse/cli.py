"""The `spasmcourse` command: check and build the course."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spasmcourse.i18n import LANGUAGE_VARIABLE, available_languages
from spasmcourse.problems import ContentError
from spasmcourse.progress import ProgressError
from spasmcourse.publish import FORMATS
from spasmcourse.publish.errors import BuildError

if TYPE_CHECKING:
    from spasmcourse.content import Course

UNUSED_FORMAT_CHECKER = "rfc3987_syntax"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 content problems, 2 build failure)."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    _skip_unused_format_checker()
    try:
        from spasmcourse.content import find_course_root

        root = arguments.root.resolve() if arguments.root else find_course_root()
        return arguments.run(root, arguments)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 2
    except ProgressError as error:
        print(f"Progress: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


def _skip_unused_format_checker() -> None:
    """Keep jsonschema from loading rfc3987_syntax, which builds a grammar for seconds at import.

    nbformat imports jsonschema, whose format checkers import their optional libraries when
    jsonschema is imported (a known upstream cost: python-jsonschema/jsonschema#1392). A format
    whose library cannot be imported is simply not checked (jsonschema's "Validating Formats"
    docs), and the notebook schema uses no "iri" format, so this command never needs the grammar.
    A None entry in sys.modules makes that one import fail (Python's import system reference,
    "The module cache"). It applies to this process only: JupyterLab and jupyter_events, in
    their own processes, still check every format.
    """
    sys.modules.setdefault(UNUSED_FORMAT_CHECKER, None)  # type: ignore[arg-type]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spasmcourse", description=__doc__)
    parser.add_argument("--root", type=Path, help="the course folder (default: the one holding "
                        "lessons.yml at or above the current folder)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate lessons.yml, quizzes, references and notebooks")
    check.add_argument("--fix", action="store_true", help="first regenerate each lesson's start cell from "
                       "lessons.yml, collapse teacher's notes and clear outputs")
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="execute every lesson and export pages and slides")
    build.add_argument("--out", type=Path, default=None, help="output folder (default: <root>/_build)")
    build.add_argument("--only", choices=FORMATS, help="build only lesson pages or only slides")
    build.add_argument("--language", choices=available_languages(),
                       help=f"interface language (default: ${LANGUAGE_VARIABLE} or en)")
    build.set_defaults(run=_build)
    stats = commands.add_parser("stats", help="words, reading level, elements, questions and sources per lesson")
    stats.set_defaults(run=_stats)
    key = commands.add_parser("answer-key", help="write a printable answer key of every quiz, per lesson")
    key.add_argument("--out", type=Path, default=None,
                     help="output folder (default: <root>/_build/answer-key)")
    key.set_defaults(run=_answer_key)
    kit = commands.add_parser("teacher-kit", help="write a teacher's guide and a student handout (PDF) per lesson")
    kit.add_argument("--out", type=Path, default=None,
                     help="output folder (default: <root>/_build/teacher-kit)")
    kit.set_defaults(run=_teacher_kit)
    bundle = commands.add_parser("bundle", help="zip the site and slides for students, and with the teacher's kit "
                                 "for the teacher, reusing the build")
    bundle.add_argument("--out", type=Path, default=None,
                        help="the folder for the two zips (default: <root>/_build)")
    bundle.set_defaults(run=_bundle)
    progress = commands.add_parser("progress", help="show your saved quiz scores per lesson")
    what = progress.add_mutually_exclusive_group()
    what.add_argument("--csv", nargs="?", const="-", metavar="FILE",
                      help="write the scores as CSV to FILE (or standard output)")
    what.add_argument("--reset", action="store_true", help="start again (the old file is kept as a backup)")
    progress.add_argument("--yes", action="store_true", help="with --reset: do not ask for confirmation")
    progress.set_defaults(run=_progress)
    report = commands.add_parser("class-report", help="read the class's progress hand-ins and write a report "
                                 "of what to reteach")
    report.add_argument("inputs", nargs="+", type=Path, metavar="PATH",
                        help="hand-in CSVs, progress.sqlite3 stores, or folders holding them (searched recursively)")
    report.add_argument("--out", type=Path, default=None,
                        help="the page to write (default: <root>/_build/class-report.html)")
    report.add_argument("--show-names", action="store_true",
                        help="show each student's login name (from the file's name or home folder) beside "
                        "the pseudonym")
    report.set_defaults(run=_class_report)
    return parser


def _check(root: Path, arguments: argparse.Namespace) -> int:
    from spasmcourse.content import load_course
    from spasmcourse.content.sync import fix_notebooks, working_copy_notes

    if arguments.fix:
        for line in fix_notebooks(load_course(root)):
            print(f"Fixed {line}")
    course = _checked_course(root)
    questions = sum(len(quiz.questions) for file in course.quiz_files.values() for quiz in file.quizzes)
    print(f"Course OK: {len(course.lessons)} lessons, {len(course.quiz_ids())} quizzes with "
          f"{questions} questions, {len(course.references)} references ({root}).")
    for note in working_copy_notes(course):
        print(f"Note: {note}")
    return 0


def _build(root: Path, arguments: argparse.Namespace) -> int:
    from spasmcourse.publish.pipeline import build_course

    if arguments.language:
        os.environ[LANGUAGE_VARIABLE] = arguments.language
    out = (arguments.out or root / "_build").resolve()
    formats = (arguments.only,) if arguments.only else FORMATS
    report = build_course(root, out, formats)
    print(f"Built {len(report.pages)} pages and {len(report.decks)} slide decks "
          f"in {report.seconds:.1f} s ({len(report.executed)} lessons executed, "
          f"{len(report.unchanged)} unchanged since the last build).")
    if report.pages:
        print(f"  Pages:  {out / 'html' / 'index.html'}")
    if report.decks:
        print(f"  Slides: {out / 'slides'}")
    return 0


def _checked_course(root: Path) -> Course:
    from spasmcourse.content.rules import checked_course

    return checked_course(root)


def _answer_key(root: Path, arguments: argparse.Namespace) -> int:
    from spasmcourse.publish.answer_key import write_answer_keys

    out = (arguments.out or root / "_build" / "answer-key").resolve()
    written = write_answer_keys(_checked_course(root), out)
    print(f"Wrote answer keys for {len(written) - 1} lessons: {out / 'index.html'}")
    return 0


def _teacher_kit(root: Path, arguments: argparse.Namespace) -> int:
    from spasmcourse.publish.teacher_kit import write_teacher_kit

    out = (arguments.out or root / "_build" / "teacher-kit").resolve()
    report = write_teacher_kit(_checked_course(root), out)
    print(f"Wrote {len(report.guides)} teacher's guides and {len(report.handouts)} handouts (HTML and PDF): "
          f"{report.index}")
    return 0


def _bundle(root: Path, arguments: argparse.Namespace) -> int:
    from spasmcourse.publish.bundle import write_bundles

    out = (arguments.out or root / "_build").resolve()
    for report in write_bundles(root, root / "_build", out):
        print(f"Wrote {report.zip_path} ({report.files} files, {report.bytes / 1_000_000:.1f} MB).")
    print("Unzip one and open spasmcourse/index.html. Give students the student zip: "
          "it holds no teacher's guide or answer key.")
    return 0


def _stats(root: Path, _: argparse.Namespace) -> int:
    from spasmcourse.content import load_course
    from spasmcourse.content.flow_stats import chart_stats, chart_table
    from spasmcourse.content.stats import WORDS_PER_MINUTE, lesson_stats, stats_table
    from spasmcourse.content.vignettes import MAX_OVER_TRIAGE, VIGNETTES, load_vignettes, walk_vignettes

    course = load_course(root)
    print(stats_table(lesson_stats(course)))
    print("\nGrade is the Flesch-Kincaid grade of the prose (aim for 10 or below); Min is reading time at "
          f"{WORDS_PER_MINUTE} words a minute.\n")
    results = walk_vignettes(course, load_vignettes(root))
    print(chart_table(chart_stats(course, results)))
    over = sum(result.over for result in results)
    print(f"\nPaths are every answer sequence; findings asked counts the region's findings above self-care. "
          f"{len(results)} vignettes ({VIGNETTES}): {sum(r.under for r in results)} under-triaged, "
          f"{over} over-triaged ({over / len(results) if results else 0:.0%}; at most {MAX_OVER_TRIAGE:.0%} allowed).")
    return 0


def _progress(root: Path, arguments: argparse.Namespace) -> int:
    from spasmcourse.content import load_course
    from spasmcourse.progress.commands import reset_progress, show_progress

    if arguments.reset:
        return reset_progress(arguments.yes)
    return show_progress(load_course(root), arguments.csv)


def _class_report(root: Path, arguments: argparse.Namespace) -> int:
    from spasmcourse.classroom.report import run_class_report
    from spasmcourse.content import load_course

    out = (arguments.out or root / "_build" / "class-report.html").resolve()
    return run_class_report(load_course(root), arguments.inputs, out, arguments.show_names)


if __name__ == "__main__":
    sys.exit(main())
