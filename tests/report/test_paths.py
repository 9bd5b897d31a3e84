"""github and sarif name files from the repository root, whatever folder cjmap ran in:
GITHUB_WORKSPACE, else git's top level (a real repository here), else the working folder."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from cjmap.report import github, sarif
from cjmap.report.paths import from_root, repository_root
from cjmap.validate import validate_paths

BAD = "cjmap: 1\nkind: current-state\ntitle: Т1\nstages:\n  - name: Поиск\n    feelin: -1\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real git repository with a bad map in ``maps/``, the working folder ``maps/``."""
    root = tmp_path / "repo"
    (root / "maps").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True, capture_output=True)
    (root / "maps" / "t1.cjm.yaml").write_text(BAD, encoding="utf-8")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.chdir(root / "maps")
    return root


def _findings() -> tuple[list, list[str]]:  # type: ignore[type-arg]
    result = validate_paths([Path("t1.cjm.yaml")], today=dt.date(2026, 11, 25))
    assert result.diagnostics and result.diagnostics[0].file == "t1.cjm.yaml"
    return result.diagnostics, result.checked


def test_from_a_subfolder_paths_start_at_the_git_top_level(repo: Path) -> None:
    assert repository_root().resolve() == repo.resolve()
    diagnostics, files = _findings()
    assert github.render(diagnostics, files=files).startswith("::error file=maps/t1.cjm.yaml,")
    log = sarif.report(diagnostics, files=files)
    run = log["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "maps/t1.cjm.yaml", "uriBaseId": "%SRCROOT%"}
    assert run["artifacts"][0]["location"]["uri"] == "maps/t1.cjm.yaml"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_github_workspace_wins_over_git(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo.parent))
    diagnostics, files = _findings()
    assert github.render(diagnostics, files=files).startswith("::error file=repo/maps/t1.cjm.yaml,")


def test_without_git_the_working_folder_is_the_root(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))  # git cannot be found
    assert repository_root() == Path.cwd()
    diagnostics, files = _findings()
    assert github.render(diagnostics, files=files).startswith("::error file=t1.cjm.yaml,")


def test_a_file_outside_the_root_keeps_its_name(tmp_path: Path) -> None:
    outside = str(tmp_path / "elsewhere" / "a.cjm.yaml")
    assert from_root(outside, tmp_path / "repo") == outside
    assert from_root("../..x/b.cjm.yaml", Path.cwd().parent) == "..x/b.cjm.yaml"
