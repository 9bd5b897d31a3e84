"""Helpers for the integration tests: the project root, git, a snapshot of the work tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def git(*args: str, cwd: Path) -> str:
    """Run git with a fixed identity (a CI machine may have none configured)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "cjmap tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "cjmap tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd),
    }
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def project_files() -> list[Path]:
    """Files of the work tree as they would be committed: tracked and untracked, not ignored
    (symlinks included, as git stores them)."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    names = [n for n in out.decode("utf-8").split("\0") if n]
    return [Path(n) for n in names if (ROOT / n).is_file() or (ROOT / n).is_symlink()]


def snapshot(target: Path) -> Path:
    """Copy the work tree (uncommitted changes included) into ``target`` as a one-commit repo."""
    target.mkdir(parents=True)
    for rel in project_files():
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / rel).is_symlink():
            os.symlink(os.readlink(ROOT / rel), dest)
        else:
            shutil.copy2(ROOT / rel, dest)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)
    return target


def copy_example(name: str, target: Path) -> None:
    """Copy one example folder (maps and personas) into ``target``."""
    shutil.copytree(ROOT / "examples" / name, target, dirs_exist_ok=True)


def locked_constraints(folder: Path) -> dict[str, str]:
    """Environment that holds a pip run by a test (pre-commit's hook venv, an isolated wheel
    build) to the versions of requirements/test.txt, so that a dependency's new release cannot
    change what the test installs. pip refuses hashes in a constraints file: they are dropped."""
    lines = []
    for line in (ROOT / "requirements" / "test.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            lines.append(line.removesuffix("\\").strip())
    path = folder / "constraints.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"PIP_CONSTRAINT": str(path)}
