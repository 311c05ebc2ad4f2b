"""Fetch the pinned front-end packages from the npm registry and copy in the files we ship.

Run with `make vendor`. Each package is fetched with `npm pack`, its tarball checked against
the registry's integrity hash, and only the listed files are kept, with the license, under
src/spasmcourse/vendor/<package>/. vendor.json records versions and file hashes; the test
suite checks the shipped files against it.
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

VENDOR = Path(__file__).resolve().parents[1] / "src" / "spasmcourse" / "vendor"

PACKAGES = {
    "reveal.js": {
        "version": "6.0.2",
        "files": {
            "dist/reveal.js": "reveal.js",
            "dist/reveal.css": "reveal.css",
            "dist/plugin/notes.js": "plugin/notes.js",
            "LICENSE": "LICENSE",
        },
    },
}


def _npm(*args: str, cwd: Path) -> str:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to vendor front-end files (install Node.js)")
    return subprocess.run([npm, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def vendor_package(name: str, version: str, files: dict[str, str], work: Path) -> dict:
    """Fetch one package, verify it, and copy its listed files into the vendor folder."""
    spec = f"{name}@{version}"
    integrity = _npm("view", spec, "dist.integrity", cwd=work).strip()
    tarball = work / _npm("pack", spec, "--silent", cwd=work).strip().splitlines()[-1]
    algorithm, expected = integrity.split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        sys.exit(f"{spec}: tarball does not match the registry's integrity hash")
    target = VENDOR / name
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
    """Vendor every pinned package and write vendor.json."""
    manifest = {}
    with tempfile.TemporaryDirectory() as work:
        for name, package in PACKAGES.items():
            manifest[name] = vendor_package(name, package["version"], package["files"], Path(work))
            print(f"vendored {name}@{package['version']}")
    (VENDOR / "vendor.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
