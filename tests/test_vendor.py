"""Vendored front-end files are exactly the pinned npm releases recorded in vendor.json."""

import hashlib
import importlib.util
import json
from importlib.resources import files
from pathlib import Path

VENDOR = Path(str(files("spasmcourse").joinpath("vendor")))
TOOL = Path(__file__).resolve().parents[1] / "tools" / "vendor_frontend.py"


def test_vendored_files_match_their_recorded_hashes() -> None:
    manifest = json.loads((VENDOR / "vendor.json").read_text())
    assert manifest, "vendor.json lists no packages"
    for package, entry in manifest.items():
        assert entry["integrity"].startswith("sha512-")
        assert (VENDOR / package / entry["license"]).is_file(), f"{package} has no license file"
        for name, digest in entry["files"].items():
            data = (VENDOR / package / name).read_bytes()
            assert hashlib.sha256(data).hexdigest() == digest, f"{package}/{name} was modified"


def test_shipped_versions_are_the_pinned_ones() -> None:
    spec = importlib.util.spec_from_file_location("vendor_frontend", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    manifest = json.loads((VENDOR / "vendor.json").read_text())
    assert {name: entry["version"] for name, entry in manifest.items()} == {
        name: package["version"] for name, package in tool.PACKAGES.items()}
    assert "MIT" in (VENDOR / "reveal.js" / "LICENSE").read_text()
