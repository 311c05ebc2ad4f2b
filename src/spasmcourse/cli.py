"""The `spasmcourse` command: check and build the course."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from spasmcourse.build.execute import BuildError
from spasmcourse.build.pipeline import FORMATS, build_course
from spasmcourse.content import find_course_root, load_course
from spasmcourse.content.notebooks import check_course
from spasmcourse.problems import ContentError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 content problems, 2 build failure)."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        root = arguments.root.resolve() if arguments.root else find_course_root()
        return arguments.run(root, arguments)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spasmcourse", description=__doc__)
    parser.add_argument("--root", type=Path, help="the course folder (default: the one holding "
                        "lessons.yml at or above the current folder)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate lessons.yml, quizzes, references and notebooks")
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="execute every lesson and export pages and slides")
    build.add_argument("--out", type=Path, default=None, help="output folder (default: <root>/_build)")
    build.add_argument("--only", choices=FORMATS, help="build only lesson pages or only slides")
    build.set_defaults(run=_build)
    return parser


def _check(root: Path, _: argparse.Namespace) -> int:
    problems = check_course(root)
    if problems:
        raise ContentError(problems)
    course = load_course(root)
    questions = sum(len(quiz.questions) for file in course.quiz_files.values() for quiz in file.quizzes)
    print(f"Course OK: {len(course.lessons)} lessons, {len(course.quiz_ids())} quizzes with "
          f"{questions} questions, {len(course.references)} references ({root}).")
    return 0


def _build(root: Path, arguments: argparse.Namespace) -> int:
    out = (arguments.out or root / "_build").resolve()
    formats = (arguments.only,) if arguments.only else FORMATS
    report = build_course(root, out, formats)
    print(f"Built {len(report.pages)} pages and {len(report.decks)} slide decks "
          f"in {report.seconds:.1f} s.")
    if report.pages:
        print(f"  Pages:  {out / 'html' / 'index.html'}")
    if report.decks:
        print(f"  Slides: {out / 'slides'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
