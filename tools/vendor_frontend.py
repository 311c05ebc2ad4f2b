"""Fetch the pinned front-end packages from the npm registry and copy in the files we ship.

Run with `make vendor`. Each package is fetched with `npm pack`, its tarball checked against
the registry's integrity hash, and only the listed files are kept, with the license, under
<folder>/<package>/: src/spasmcourse/vendor for what the course ships, tests/vendor for what
only the tests use. Each folder's vendor.json records versions and file hashes; the test
suite checks the files against it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHIPPED = "src/spasmcourse/vendor"
TEST_ONLY = "tests/vendor"

PACKAGES = {
    "reveal.js": {
        "version": "6.0.2",
        "folder": SHIPPED,
        "files": {
            "dist/reveal.js": "reveal.js",
            "dist/reveal.css": "reveal.css",
            "dist/plugin/notes.js": "plugin/notes.js",
            "LICENSE": "LICENSE",
        },
    },
    "lunr": {
        "version": "2.3.9",
        "folder": SHIPPED,
        "files": {"lunr.min.js": "lunr.min.js", "LICENSE": "LICENSE"},
    },
    "axe-core": {
        "version": "4.14.1",
        "folder": TEST_ONLY,
        "files": {"axe.min.js": "axe.min.js", "LICENSE": "LICENSE"},
    },
}


def _npm(*args: str, cwd: Path) -> str:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to vendor front-end files (install Node.js)")
    return subprocess.run([npm, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def vendor_package(name: str, version: str, files: dict[str, str], target: Path, work: Path) -> dict:
    """Fetch one package, verify it, and copy its listed files into the vendor folder."""
    spec = f"{name}@{version}"
    integrity = _npm("view", spec, "dist.integrity", cwd=work).strip()
    tarball = work / _npm("pack", spec, "--silent", cwd=work).strip().splitlines()[-1]
    algorithm, expected = integrity.split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        sys.exit(f"{spec}: tarball does not match the registry's integrity hash")
    shutil.rmtree(target, ignore_errors=True)
    hashes = {}
    with tarfile.open(tarball) as archive:
        for source, destination in files.items():
            data = archive.extractfile(f"package/{source}").read()
            path = target / destination
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            hashes[destination] = hashlib.sha256(data).hexdigest()
    return {"version": version, "integrity": integrity, "license": "LICENSE", "files": hashes}


def main() -> None:
    """Vendor every pinned package and write each folder's vendor.json."""
    manifests: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as work:
        for name, package in PACKAGES.items():
            target = REPO / package["folder"] / name
            entry = vendor_package(name, package["version"], package["files"], target, Path(work))
            manifests.setdefault(package["folder"], {})[name] = entry
            print(f"vendored {name}@{package['version']} into {package['folder']}")
    for folder, manifest in manifests.items():
        text = json.dumps(manifest, indent=2) + "\n"
        (REPO / folder / "vendor.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
