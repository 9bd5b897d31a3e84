"""The ``cjmap-validate`` hook of .pre-commit-hooks.yaml, run by the real pre-commit.

pre-commit installs cjmap from a snapshot of this work tree into its own virtualenv (pip
fetches the dependencies from the package index), exactly as a user's ``.pre-commit-config.yaml``
would, then runs it on a good and a bad map in a temporary git repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from .helpers import ROOT, VENV_BIN, copy_example, git, locked_constraints, snapshot

PRE_COMMIT = shutil.which("pre-commit", path=str(VENV_BIN)) or shutil.which("pre-commit")

pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is in the test extras")

BAD_MAP = """\
cjmap: 1
kind: current-state
title: Broken on purpose
stages:
  - name: Research
    feelin: -1
"""


def test_hook_definition_matches_map_files() -> None:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "cjmap-validate"]
    assert hook["entry"].split() == ["cjmap", "validate", "."]
    assert hook["language"] == "python"
    import re

    # Maps and the persona files they use: a persona change must re-check the maps.
    pattern = re.compile(hook["files"])
    assert pattern.search("maps/current.cjm.yaml")
    assert pattern.search("maps/current.cjm.yml")
    assert pattern.search("maps/personas/colleen.yaml")
    assert not pattern.search("cjm.yaml.bak")
    assert hook["pass_filenames"] is False


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """pre-commit's cache (with its cjmap virtualenv) shared by the tests of this module."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_AUTHOR_NAME": "cjmap tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "cjmap tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
        **locked_constraints(home),
    }


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """cjmap as a hook repository: the work tree as one commit, and that commit's id."""
    repo = snapshot(tmp_path_factory.mktemp("cjmap-hook-repo") / "cjmap")
    return repo, git("rev-parse", "HEAD", cwd=repo).strip()


def _user_repo(path: Path, hook_repo: tuple[Path, str]) -> Path:
    repo, rev = hook_repo
    path.mkdir()
    git("init", "-q", cwd=path)
    copy_example("colleen", path / "maps")
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_uri()}\n    rev: {rev}\n"
        "    hooks:\n      - id: cjmap-validate\n",
        encoding="utf-8",
    )
    return path


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def test_pre_commit_run_passes_good_maps_and_stops_a_bad_one(
    tmp_path: Path, hook_env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    repo = _user_repo(tmp_path / "team", hook_repo)
    git("add", "-A", cwd=repo)

    good = _run([PRE_COMMIT or "", "run", "--all-files"], repo, hook_env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "cjmap validate" in good.stdout
    assert "Passed" in good.stdout

    (repo / "maps" / "broken.cjm.yaml").write_text(BAD_MAP, encoding="utf-8")
    git("add", "-A", cwd=repo)
    bad = _run([PRE_COMMIT or "", "run", "--all-files"], repo, hook_env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    # The hook prints cjmap's own located message: file, line, column, the unknown key.
    assert "maps/broken.cjm.yaml:6:5" in bad.stdout
    assert "feelin" in bad.stdout
    assert "colleen.yaml:" not in bad.stdout  # the persona file is fine

    # Only a persona changes: the maps that use it are checked (they used to be skipped).
    (repo / "maps" / "broken.cjm.yaml").unlink()
    persona = repo / "maps" / "personas" / "colleen.yaml"
    persona.write_text("name: [Curious Colleen\n", encoding="utf-8")
    git("add", "-A", cwd=repo)
    staged = _run([PRE_COMMIT or "", "run"], repo, hook_env)
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert "(no files to check)" not in staged.stdout
    assert "maps/personas/colleen.yaml:1:7" in staged.stdout, staged.stdout


def test_installed_hook_refuses_a_commit_with_a_bad_map(
    tmp_path: Path, hook_env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    repo = _user_repo(tmp_path / "team", hook_repo)
    installed = _run([PRE_COMMIT or "", "install"], repo, hook_env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    git("add", "-A", cwd=repo)
    ok = _run(["git", "commit", "-q", "-m", "maps"], repo, hook_env)
    assert ok.returncode == 0, ok.stdout + ok.stderr

    (repo / "maps" / "broken.cjm.yaml").write_text(BAD_MAP, encoding="utf-8")
    git("add", "-A", cwd=repo)
    refused = _run(["git", "commit", "-q", "-m", "broken map"], repo, hook_env)
    assert refused.returncode != 0
    assert "maps/broken.cjm.yaml:6:5" in refused.stdout + refused.stderr
    log = git("log", "--format=%s", cwd=repo)
    assert log.split() == ["maps"]
