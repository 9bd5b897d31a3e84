"""action.yml: its shell steps run as GitHub would run them (inputs in the environment, bash,
the working folder a checkout of maps), with the real cjmap; and the workflows in docs/ci.md
use only inputs the action declares."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .helpers import ROOT, VENV_BIN, copy_example

BAD_MAP = (
    "cjmap: 1\nkind: current-state\ntitle: Broken\nstages:\n  - name: Research\n    feelin: -1\n"
)


def _action() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return data


def _step(step_id: str) -> dict[str, Any]:
    steps = _action()["runs"]["steps"]
    return next(s for s in steps if s.get("id") == step_id)


def _run_step(step_id: str, cwd: Path, inputs: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a step's script with bash, its env filled from ``inputs`` the way the runner does."""
    step = _step(step_id)
    assert step["shell"] == "bash"
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    for name, template in step.get("env", {}).items():
        found = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", template)
        assert found, f"{name}: inputs reach scripts through env only"
        key = found.group(1)
        env[name] = inputs.get(key, str(_action()["inputs"][key].get("default", "")))
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_scripts_never_paste_inputs_into_shell() -> None:
    for step in _action()["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step.get("id")


def test_validate_step_annotates_lines_and_writes_sarif(tmp_path: Path) -> None:
    copy_example("colleen", tmp_path / "maps")
    (tmp_path / "maps" / "broken.cjm.yaml").write_text(BAD_MAP, encoding="utf-8")
    (tmp_path / ".git").mkdir()

    done = _run_step("validate", tmp_path, {"paths": "maps", "sarif-file": "cjmap.sarif"})
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(
        r"^::error file=maps/broken\.cjm\.yaml,line=6,col=5,title=CJM\d+ [\w-]+::.*feelin",
        done.stdout,
        flags=re.M,
    ), done.stdout

    sarif = json.loads((tmp_path / "cjmap.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    spots = {
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    }
    assert ("maps/broken.cjm.yaml", 6) in spots


def test_validate_step_passes_clean_maps_given_on_two_lines(tmp_path: Path) -> None:
    copy_example("colleen", tmp_path / "en")
    copy_example("zh", tmp_path / "zh")
    (tmp_path / ".git").mkdir()
    done = _run_step("validate", tmp_path, {"paths": "en\nzh\n"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout
    assert re.search(r"\b6 files checked", done.stdout), done.stdout


def test_render_step_writes_pdfs(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from pypdf import PdfReader

    copy_example("ru", tmp_path / "maps")
    (tmp_path / ".git").mkdir()
    done = _run_step("render", tmp_path, {"paths": "maps", "render-dir": "out pdf"})
    assert done.returncode == 0, done.stdout + done.stderr
    pdfs = sorted((tmp_path / "out pdf").rglob("*.pdf"))
    assert [p.name for p in pdfs] == ["bank-card.pdf", "day-in-the-life.pdf"]
    text = PdfReader(pdfs[0]).pages[0].extract_text()
    assert re.search(r"[А-Яа-я]{4}", text), text[:200]


def test_docs_workflows_use_declared_inputs() -> None:
    declared = set(_action()["inputs"])
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflows = [
        YAML(typ="safe").load(block)
        for block in re.findall(r"```yaml\n(.*?)```", page, flags=re.S)
        if "jobs:" in block
    ]
    assert len(workflows) >= 2
    uses = 0
    for workflow in workflows:
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if re.fullmatch(r"<owner>/cjmap@v[\d.]+", step.get("uses", "")):
                    uses += 1
                    assert set(step.get("with", {})) <= declared
    assert uses >= 2
