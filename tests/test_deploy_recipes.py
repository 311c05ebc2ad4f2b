"""deploy/: the Zero to JupyterHub values and the TLJH recipe say the same sizes, and use the course's image."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
VALUES = ROOT / "deploy" / "z2jh" / "values.yaml"
TLJH = ROOT / "deploy" / "tljh" / "setup.sh"
# From tests/test_hub.py (make test-hub): a single-user server ~165 MB, a lesson's kernel ~80 MB.
MEASURED_ONE_LESSON_MB = 165 + 80


def megabytes(size: str) -> float:
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG])i?", str(size)).groups()
    return float(number) * {"K": 1e-3, "M": 1, "G": 1e3}[unit]


def test_values_size_students_from_the_measurements() -> None:
    singleuser = yaml.safe_load(VALUES.read_text(encoding="utf-8"))["singleuser"]
    guarantee, limit = (megabytes(singleuser["memory"][key]) for key in ("guarantee", "limit"))
    assert MEASURED_ONE_LESSON_MB <= guarantee <= limit
    assert limit >= 3 * MEASURED_ONE_LESSON_MB, "room for a few lessons open at once"
    assert 0 < singleuser["cpu"]["guarantee"] <= singleuser["cpu"]["limit"] <= 2
    assert singleuser["defaultUrl"] == "/lab"
    assert singleuser["lifecycleHooks"]["postStart"]["exec"]["command"][0] == "gitpuller"
    culling = singleuser["extraFiles"]["kernel-culling"]["data"]["MappingKernelManager"]
    assert culling["cull_idle_timeout"] > 0


def test_values_cull_idle_servers_and_keep_homes() -> None:
    values = yaml.safe_load(VALUES.read_text(encoding="utf-8"))
    assert values["cull"]["enabled"] is True and values["cull"]["users"] is False
    assert values["singleuser"]["storage"]["type"] == "dynamic"


def test_both_recipes_set_the_same_limits() -> None:
    singleuser = yaml.safe_load(VALUES.read_text(encoding="utf-8"))["singleuser"]
    script = TLJH.read_text(encoding="utf-8")
    assert f"tljh-config set limits.memory {singleuser['memory']['limit']}" in script
    assert f"tljh-config set limits.cpu {singleuser['cpu']['limit']}" in script
    assert "binder/requirements.txt" in script and "binder/overrides.json" in script


def test_tljh_script_parses_and_refuses_without_tljh(tmp_path: Path) -> None:
    assert subprocess.run(["bash", "-n", str(TLJH)], capture_output=True).returncode == 0
    refused = subprocess.run(["bash", str(TLJH), "https://example.org/teacher/spasmcourse"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=30)
    if not Path("/opt/tljh/user/bin/python").exists():
        assert refused.returncode == 1 and "TLJH is not installed" in refused.stderr


def test_image_is_built_from_binder_with_nbgitpuller() -> None:
    pins = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^nbgitpuller==", pins, flags=re.M)
    assert "repo2docker" in VALUES.read_text(encoding="utf-8")
