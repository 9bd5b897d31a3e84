"""The suite's platform markers (tests/conftest.py) and the workflow that runs the suite on
macOS and Windows (.github/workflows/ci.yml)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import conftest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("platform", "name", "posix", "linux"),
    [
        ("linux", "posix", True, True),
        ("darwin", "posix", True, False),
        ("win32", "nt", False, False),
    ],
)
def test_markers_apply_per_platform(
    monkeypatch: pytest.MonkeyPatch, platform: str, name: str, posix: bool, linux: bool
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(conftest.os, "name", name)
    assert conftest._applies("posix_only") is posix
    assert conftest._applies("linux_only") is linux


def test_the_workflow_runs_linux_ci_and_the_laptop_matrix() -> None:
    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    jobs = workflow["jobs"]
    assert any("bash .ci/run" in step.get("run", "") for step in jobs["linux"]["steps"])
    assert set(jobs["laptops"]["strategy"]["matrix"]["os"]) == {"macos-latest", "windows-latest"}
    installs = "\n".join(step.get("run", "") for step in jobs["laptops"]["steps"])
    assert "--require-hashes" in installs and "requirements/test.txt" in installs
