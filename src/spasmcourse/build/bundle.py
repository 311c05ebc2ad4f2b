"""The offline bundle: site, slides and teacher's kit in one zip a teacher can copy to a USB stick."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from spasmcourse.build.pipeline import build_course
from spasmcourse.build.teacher_kit import write_teacher_kit
from spasmcourse.content import Course, load_course
from spasmcourse.rendering import render

BUNDLE_FOLDER = "spasmcourse"
KIT_FOLDER = "teacher-kit"
PARTS = ("index.html", "assets", "html", "slides", KIT_FOLDER)


@dataclass(frozen=True)
class BundleReport:
    """Where the zip is, how many files it holds and how big it is."""

    zip_path: Path
    files: int
    bytes: int


def write_bundle(root: Path, work: Path, zip_path: Path) -> BundleReport:
    """Build the whole course into `work`, add the teacher's kit and a start page, and zip it."""
    build_course(root, work)
    course = load_course(root)
    write_teacher_kit(course, work / KIT_FOLDER)
    write_start_page(course, work)
    return zip_folder(work, zip_path)


def write_start_page(course: Course, folder: Path) -> Path:
    """The page a teacher opens first: links to the course site, the slides and the teacher's kit."""
    page = folder / "index.html"
    page.write_text(render("site/bundle_index.html.j2", course=course, language=course.manifest.language,
                           kit=KIT_FOLDER), encoding="utf-8")
    return page


def zip_folder(folder: Path, zip_path: Path) -> BundleReport:
    """Zip the bundle's parts of `folder` under one top folder, so unzipping makes a single folder."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(path for part in PARTS for path in _files(folder / part))
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, f"{BUNDLE_FOLDER}/{path.relative_to(folder).as_posix()}")
    return BundleReport(zip_path, len(files), zip_path.stat().st_size)


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [item for item in path.rglob("*") if item.is_file()]
