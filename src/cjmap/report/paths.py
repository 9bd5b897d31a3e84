"""Where the machine formats (github, sarif) say a file is: relative to the repository root.

GitHub places an annotation, and code scanning a SARIF result, by a path from the root of the
repository. cjmap names a file as the user gave it, relative to the working folder, so a run
from ``maps/`` would report ``t1.cjm.yaml`` and the annotation would land on no file. The root
is ``GITHUB_WORKSPACE`` when set (the Actions runner's checkout), else git's top level, else
the working folder (no git installed, or not a repository).
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from pathlib import Path


def repository_root() -> Path:
    """The folder report paths are relative to (see the module docstring)."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(workspace).absolute()
    top = _git_top_level()
    return top if top is not None else Path.cwd()


def _git_top_level() -> Path | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):  # no git, or it hangs
        return None
    if done.returncode != 0:
        return None
    name = os.fsdecode(done.stdout).rstrip("\r\n")
    return Path(name) if name else None


def from_root(file: str, root: Path) -> str:
    """``file`` (as a report names it: relative to the working folder, ``/`` separators, or
    absolute) relative to ``root`` with ``/`` separators; unchanged when it lies outside."""
    cwd = Path.cwd()
    path = Path(file)
    absolute = path if path.is_absolute() else cwd / path
    for base, target in ((root, absolute), (root.resolve(), _resolved(absolute))):
        relative = os.path.relpath(target, base) if _same_drive(target, base) else None
        if relative is not None and relative != ".." and not relative.startswith(".." + os.sep):
            return posixpath.normpath(Path(relative).as_posix())
    return file


def _resolved(path: Path) -> Path:
    # A symlinked checkout (/home/runner/work -> /mnt/work): compare real folders too. Only the
    # folder is resolved, so a map that is a symlink keeps its own name.
    try:
        return path.parent.resolve() / path.name
    except (OSError, RuntimeError):
        return path


def _same_drive(a: Path, b: Path) -> bool:
    # os.path.relpath raises across Windows drives (C: and D:).
    return a.drive.lower() == b.drive.lower()
