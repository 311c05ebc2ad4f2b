"""The offline bundles for a USB stick: one for students (site, slides, handouts) and one for the teacher.

The students' bundle holds no teacher's guide and no answer key; the teacher's adds the kit.
Both reuse the build in the work folder: lessons are built again only when they changed, and the
kit is written again only when the build changed since it was written.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from spasmcourse.content import Course, load_course
from spasmcourse.publish.cache import CACHE_FILE
from spasmcourse.publish.pipeline import build_course
from spasmcourse.publish.teacher_kit import HANDOUT_FOLDER, write_teacher_kit
from spasmcourse.rendering import render

BUNDLE_FOLDER = "spasmcourse"
KIT_FOLDER = "teacher-kit"
SITE_PARTS = {"assets": "assets", "html": "html", "slides": "slides"}
STUDENT_PARTS = {**SITE_PARTS, HANDOUT_FOLDER: f"{KIT_FOLDER}/{HANDOUT_FOLDER}"}
TEACHER_PARTS = {**SITE_PARTS, KIT_FOLDER: KIT_FOLDER}
STUDENT_ZIP = "spasmcourse-student.zip"
TEACHER_ZIP = "spasmcourse-teacher.zip"


@dataclass(frozen=True)
class BundleReport:
    """Where a zip is, how many files it holds and how big it is."""

    zip_path: Path
    files: int
    bytes: int


def write_bundles(root: Path, work: Path, out: Path) -> list[BundleReport]:
    """Build the course into `work` (reusing what is fresh), add the kit, and zip both bundles into `out`."""
    build_course(root, work)
    course = load_course(root)
    kit = work / KIT_FOLDER
    if not kit_fresh(work):
        write_teacher_kit(course, kit)
    return [zip_folder(work, out / STUDENT_ZIP, STUDENT_PARTS, start_page(course, teacher=False)),
            zip_folder(work, out / TEACHER_ZIP, TEACHER_PARTS, start_page(course, teacher=True))]


def kit_fresh(work: Path) -> bool:
    """Whether the kit in `work` was written after the build last changed."""
    index, cache = work / KIT_FOLDER / "index.html", work / CACHE_FILE
    return index.is_file() and cache.is_file() and index.stat().st_mtime > cache.stat().st_mtime


def start_page(course: Course, teacher: bool) -> str:
    """The page opened first: the course site, the slides, and the handouts or the teacher's kit."""
    return render("site/bundle_index.html.j2", course=course, language=course.manifest.language,
                  kit=KIT_FOLDER if teacher else None, handouts=HANDOUT_FOLDER)


def zip_folder(folder: Path, zip_path: Path, parts: dict[str, str], index_html: str) -> BundleReport:
    """Zip `parts` (name in the zip: folder in `folder`) and the start page under one top folder."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    entries = sorted((f"{name}/{path.relative_to(folder / source).as_posix()}", path)
                     for name, source in parts.items() for path in _files(folder / source))
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{BUNDLE_FOLDER}/index.html", index_html)
        for name, path in entries:
            archive.write(path, f"{BUNDLE_FOLDER}/{name}")
    return BundleReport(zip_path, len(entries) + 1, zip_path.stat().st_size)


def _files(path: Path) -> list[Path]:
    return sorted(item for item in path.rglob("*") if item.is_file())
