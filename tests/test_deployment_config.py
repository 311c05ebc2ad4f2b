"""The Binder / JupyterHub configuration in binder/ installs what pyproject.toml declares."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
from jupyterlab_server.settings_utils import get_settings
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
SCHEMAS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"
# What the course relies on: no news or update popups, no "Select Kernel" dialog, kernels stop with their tab.
COURSE_SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension:tracker": {"autoStartDefaultKernel": True, "kernelShutdown": True},
}


def declared_dependencies() -> dict[str, SpecifierSet]:
    """pyproject.toml's [project].dependencies as canonical name -> version specifier."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(text) for text in project["dependencies"]]
    return {canonicalize_name(requirement.name): requirement.specifier for requirement in requirements}


def pin_problems(requirements_text: str, declared: dict[str, SpecifierSet]) -> list[str]:
    """Every way `requirements_text` fails to pin exactly the `declared` dependencies, one message each."""
    problems: list[str] = []
    listed: set[str] = set()
    pinned: dict[str, Version] = {}
    for number, line in enumerate(requirements_text.splitlines(), start=1):
        text = re.sub(r"(^|\s)#.*", "", line).strip()
        if not text:
            continue
        try:
            requirement = Requirement(text)
        except InvalidRequirement as error:
            problems.append(f"line {number}: not a requirement: {text!r} ({error})")
            continue
        name = canonicalize_name(requirement.name)
        if name in listed:
            problems.append(f"line {number}: {name} is listed twice")
        listed.add(name)
        specifiers = list(requirement.specifier)
        if len(specifiers) != 1 or specifiers[0].operator != "==" or "*" in specifiers[0].version:
            problems.append(f"line {number}: {name} is not pinned with ==: {text!r}")
            continue
        pinned[name] = Version(specifiers[0].version)
    problems += [f"{name} is a dependency in pyproject.toml but missing" for name in sorted(declared.keys() - listed)]
    problems += [f"{name} is not a dependency in pyproject.toml" for name in sorted(listed - declared.keys())]
    problems += [
        f"{name}=={version} is outside pyproject.toml's {name}{declared[name]}"
        for name, version in sorted(pinned.items())
        if name in declared and not declared[name].contains(version, prereleases=True)
    ]
    return problems


def test_requirements_pin_exactly_the_runtime_dependencies() -> None:
    """binder/requirements.txt pins every runtime dependency, and nothing else, inside pyproject's ranges."""
    assert pin_problems((BINDER / "requirements.txt").read_text(encoding="utf-8"), declared_dependencies()) == []


def test_pin_problems_reports_each_mismatch() -> None:
    """A missing package, an unpinned one, an out-of-range pin and an extra one are each reported."""
    declared = {
        "jupyterlab": SpecifierSet(">=4.2,<5"),
        "pyyaml": SpecifierSet(">=6.0"),
        "textstat": SpecifierSet(">=0.7.3,<0.7.5"),
        "tqdm": SpecifierSet(">=4.66"),
    }
    wrong = "# a comment\njupyterlab==5.0.0\nPyYAML>=6.0\ntextstat==0.7.4  # fine\nrequests==2.32.3\n"
    assert pin_problems(wrong, declared) == [
        "line 3: pyyaml is not pinned with ==: 'PyYAML>=6.0'",
        "tqdm is a dependency in pyproject.toml but missing",
        "requests is not a dependency in pyproject.toml",
        "jupyterlab==5.0.0 is outside pyproject.toml's jupyterlab<5,>=4.2",
    ]
    wildcard, twice, option = pin_problems("tqdm==4.*\ntqdm==4.70.1\n-r other.txt\n", {"tqdm": SpecifierSet(">=4.66")})
    assert wildcard == "line 1: tqdm is not pinned with ==: 'tqdm==4.*'"
    assert twice == "line 2: tqdm is listed twice"
    assert option.startswith("line 3: not a requirement: '-r other.txt'")


def test_runtime_names_an_allowed_python() -> None:
    """binder/runtime.txt is repo2docker's `python-X.Y` and requires-python allows that version."""
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(\d+\.\d+)", runtime)
    assert match, f"runtime.txt should read python-X.Y, not {runtime!r}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert SpecifierSet(project["requires-python"]).contains(Version(match[1]))


def test_post_build_installs_the_course_and_its_settings(tmp_path: Path) -> None:
    """binder/postBuild installs the course with --no-deps, the settings and the save hook's server config."""
    script = BINDER / "postBuild"
    assert os.access(script, os.X_OK), "binder/postBuild must be executable (chmod +x)"
    lines = script.read_text(encoding="utf-8").splitlines()
    assert lines[0] in {"#!/bin/bash", "#!/usr/bin/env bash"}
    assert "set -euo pipefail" in lines
    # A stand-in `python` records pip's arguments and answers sys.prefix with a temporary folder.
    prefix, log, fake = tmp_path / "prefix", tmp_path / "pip-args", tmp_path / "bin"
    fake.mkdir()
    stand_in = fake / "python"
    stand_in.write_text(f'#!/bin/sh\nif [ "$1" = -m ]; then echo "$@" >> "{log}"; else echo "{prefix}"; fi\n')
    stand_in.chmod(0o755)
    environment = {**os.environ, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["bash", str(script)], cwd=ROOT, env=environment, check=True)
    [pip] = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert pip[:3] == ["-m", "pip", "install"]
    assert "--no-deps" in pip
    assert pip[-1] == "."
    installed = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert installed.read_bytes() == (BINDER / "overrides.json").read_bytes()
    server = prefix / "etc" / "jupyter" / "jupyter_server_config.json"
    assert server.read_bytes() == (BINDER / "server-config.json").read_bytes()


def test_overrides_hold_the_course_settings_in_jupyterlab_schemas() -> None:
    """binder/overrides.json sets the course's keys, each valid for the installed JupyterLab's schema."""
    overrides = json.loads((BINDER / "overrides.json").read_text(encoding="utf-8"))
    for plugin, expected in COURSE_SETTINGS.items():
        assert expected.items() <= overrides.get(plugin, {}).items(), plugin
    for plugin, values in overrides.items():
        package, _, name = plugin.partition(":")
        schema = json.loads((SCHEMAS / package / f"{name}.json").read_text(encoding="utf-8"))
        assert values.keys() <= schema["properties"].keys(), plugin
        jsonschema.Draft7Validator(schema).validate(values)


def test_jupyterlab_reads_the_overrides(tmp_path: Path) -> None:
    """JupyterLab's settings loader turns binder/overrides.json into the defaults a learner sees."""
    app_settings = tmp_path / "app-settings"
    app_settings.mkdir()
    shutil.copy(BINDER / "overrides.json", app_settings / "overrides.json")
    for plugin, expected in COURSE_SETTINGS.items():
        result, _ = get_settings(str(app_settings), str(SCHEMAS), str(tmp_path / "user-settings"), plugin)
        defaults = {key: result["schema"]["properties"][key]["default"] for key in expected}
        assert defaults == expected, plugin


def test_local_venv_gets_the_same_settings() -> None:
    """The Makefile's venv setup copies binder/overrides.json into .venv's JupyterLab settings."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    body = makefile.split("\n$(STAMP):", 1)[1].split("\n\n", 1)[0]
    assert "cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json" in body
    assert "cp binder/server-config.json $(VENV)/etc/jupyter/jupyter_server_config.json" in body


def test_learner_setup_has_no_test_tools_and_lab_puts_venv_on_path() -> None:
    """`make lab` installs the runtime dependencies only; the test tools come with `make test`."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    runtime = makefile.split("\n$(STAMP):", 1)[1].split("\n\n", 1)[0]
    assert "-e ." in runtime and "[test]" not in runtime
    assert "[test]" in makefile.split("\n$(TEST_STAMP):", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"^lab: venv( graphviz)?$", makefile, re.M) and re.search(r"^test: test-venv\b", makefile, re.M)
    lab = makefile.split("\nlab: venv", 1)[1].split("\n\n", 1)[0]
    assert 'PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/jupyter lab' in lab
    assert '--ServerApp.terminado_settings=shell_command="$${SHELL:-/bin/sh}"' in lab


def test_server_config_names_the_save_hook() -> None:
    """binder/server-config.json enables the shipped pre-save hook, importable by that name."""
    from traitlets.utils.importstring import import_item

    from spasmcourse.lab.save_hook import pre_save_hook

    config = json.loads((BINDER / "server-config.json").read_text(encoding="utf-8"))
    assert import_item(config["ContentsManager"]["pre_save_hook"]) is pre_save_hook
