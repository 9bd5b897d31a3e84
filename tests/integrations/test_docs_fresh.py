"""Docs that cannot drift: the generated reference pages match the code, the staleness check
can fail, docs/schema.json is `cjmap schema`, and docs/format.md agrees with the format contract
(FORMAT.md) and its example maps pass `cjmap validate`."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .helpers import ROOT, VENV_BIN

CJMAP = str(VENV_BIN / "cjmap")
FORMAT_CONTRACT = ROOT.parent / "shared" / "FORMAT.md"


def _docgen(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cjmap.docgen", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_generated_docs_are_current() -> None:
    done = _docgen("--check")
    assert done.returncode == 0, done.stderr + "\nrun `python -m cjmap.docgen` and commit"


def test_check_fails_on_a_stale_page_and_regenerating_fixes_it(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    page = tmp_path / "docs" / "format.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Days between reviews.", "Days."))
    (tmp_path / "docs" / "cli.md").unlink()

    stale = _docgen("--check", cwd=tmp_path)
    assert stale.returncode == 1
    assert "docs/format.md is stale" in stale.stderr
    assert "docs/cli.md is stale" in stale.stderr
    assert "schema.json" not in stale.stderr

    assert _docgen(cwd=tmp_path).returncode == 0
    assert _docgen("--check", cwd=tmp_path).returncode == 0
    assert "Days between reviews." in page.read_text(encoding="utf-8")


def test_docgen_refuses_a_folder_that_is_not_the_project(tmp_path: Path) -> None:
    done = _docgen("--check", cwd=tmp_path)
    assert done.returncode == 2
    assert "not the cjmap project root" in done.stderr


def test_docs_schema_is_cjmap_schema_output() -> None:
    printed = subprocess.run([CJMAP, "schema"], capture_output=True, text=True, check=True).stdout
    assert (ROOT / "docs" / "schema.json").read_text(encoding="utf-8") == printed
    persona = subprocess.run(
        [CJMAP, "schema", "--persona"], capture_output=True, text=True, check=True
    ).stdout
    assert (ROOT / "docs" / "persona.schema.json").read_text(encoding="utf-8") == persona


def test_cli_reference_covers_every_command_and_option() -> None:
    import typer.main

    from cjmap.cli import app

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    root = typer.main.get_command(app)
    for name, command in getattr(root, "commands", {}).items():
        assert f"## `cjmap {name}`" in page
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("-"):
                    assert opt in page, f"{name} {opt}"


def _example_blocks(page: str) -> dict[str, str]:
    found = re.findall(r"^### ([\w-]+)\n\n```yaml\n(.*?)```", page, flags=re.S | re.M)
    return dict(found)


def test_format_page_example_maps_are_valid(tmp_path: Path) -> None:
    from cjmap.load.loader import Loader

    page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    blocks = _example_blocks(page)
    assert set(blocks) == {"current-state", "future-state", "day-in-the-life", "empathy"}
    (tmp_path / ".git").mkdir()
    # The future-state example compares with current.cjm.yaml: the current-state example.
    paths = {"current-state": tmp_path / "current.cjm.yaml"}
    for kind in ("future-state", "day-in-the-life", "empathy"):
        paths[kind] = tmp_path / f"{kind}.cjm.yaml"
    for kind, path in paths.items():
        path.write_text(blocks[kind], encoding="utf-8")
    loader = Loader()
    for kind, path in paths.items():
        loaded = loader.load(path)
        assert loaded.ok, [d.message for d in loaded.diagnostics]
        assert loaded.doc is not None and loaded.doc.kind == kind
        assert loaded.persona is not None and loaded.persona.sources
    future = loader.load(paths["future-state"])
    assert future.compares is not None and future.compares.ok


def _rows(page: str) -> dict[str, set[str]]:
    """Each ``## section`` of format.md and the keys its table lists."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in page.splitlines():
        if line.startswith("## "):
            current = line[3:]
            sections[current] = set()
        elif current and (m := re.match(r"\| `([a-z_]+)` \|", line)):
            sections[current].add(m.group(1))
    return sections


def _walk(data: Any, section: str, sections: dict[str, set[str]], missing: list[str]) -> None:
    """Check every key of a FORMAT.md example against the format.md section it belongs to."""
    nested = {
        "persona": "Persona",
        "sources": "Source",
        "stages": "Stage",
        "touchpoints": "Touchpoint",
        "pain_points": "PainPoint",
        "opportunities": "Opportunity",
        "actions": "ActionItem",
        "metrics": "Metric",
        "feeling": "Feeling",
        "moments": "Moment",
        "empathy": "Empathy",
    }
    if isinstance(data, list):
        for item in data:
            _walk(item, section, sections, missing)
        return
    if not isinstance(data, dict):
        return
    known = sections[section]
    if section.endswith(" map"):
        known = known | sections["Every map"]
    for key, value in data.items():
        if key not in known:
            missing.append(f"{section}: {key}")
        if key in nested and isinstance(value, dict | list):
            if section == "Stage" and key == "actions":
                continue  # a stage's actions are texts; an opportunity's are ActionItems
            _walk(value, nested[key], sections, missing)


@pytest.mark.skipif(not FORMAT_CONTRACT.is_file(), reason="needs shared/FORMAT.md beside the repo")
def test_format_page_agrees_with_the_format_contract() -> None:
    """Every key in FORMAT.md's examples is documented in docs/format.md under the right model,
    and every section's table documents the keys FORMAT.md lists for it."""
    contract = FORMAT_CONTRACT.read_text(encoding="utf-8")
    sections = _rows((ROOT / "docs" / "format.md").read_text(encoding="utf-8"))
    yaml = YAML(typ="safe")
    missing: list[str] = []
    blocks = re.findall(r"```yaml\n(.*?)```", contract, flags=re.S)
    assert len(blocks) >= 5
    for block in blocks:
        data = yaml.load(block)
        if "cjmap" in data:
            section = f"{data['kind']} map"
        elif "name" in data:
            section = "Persona"
        elif "stages" in data:
            section = "future-state map" if "compares" in data else "current-state map"
        elif "moments" in data:
            section = "day-in-the-life map"
        else:
            section = "empathy map"
        _walk(data, section, sections, missing)
    assert missing == []
    # The contract's enumerations, as written in its comments, are the documented values.
    for values in re.findall(r"#\s*((?:[a-z-]+ \| )+[a-z-]+)", contract):
        for value in values.split(" | "):
            assert f"`{value}`" in (ROOT / "docs" / "format.md").read_text(encoding="utf-8"), value
