"""Vendored front-end files are exactly the pinned npm releases recorded in vendor.json."""

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOL = REPO / "tools" / "vendor_frontend.py"


def pinned_packages() -> dict:
    spec = importlib.util.spec_from_file_location("vendor_frontend", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool.PACKAGES


@pytest.mark.parametrize(("name", "package"), pinned_packages().items())
def test_vendored_files_are_the_pinned_release(name: str, package: dict) -> None:
    folder = REPO / package["folder"]
    entry = json.loads((folder / "vendor.json").read_text())[name]
    assert entry["version"] == package["version"]
    assert entry["integrity"].startswith("sha512-")
    assert set(entry["files"]) == set(package["files"].values())
    assert (folder / name / entry["license"]).is_file(), f"{name} has no license file"
    for file_name, digest in entry["files"].items():
        data = (folder / name / file_name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, f"{name}/{file_name} was modified"
