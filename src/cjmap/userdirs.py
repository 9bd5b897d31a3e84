"""Where cjmap keeps files for the user between runs: the cache folder, per platform.

Only :func:`cache_dir` lives here. ``CJMAP_CACHE_DIR`` overrides it (CI jobs that cache it,
tests); ``CJMAP_CACHE_DIR=`` (empty) turns every cache off.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path | None:
    """cjmap's cache folder (not created): ``$XDG_CACHE_HOME/cjmap`` or ``~/.cache/cjmap`` on
    Linux, ``~/Library/Caches/cjmap`` on macOS, ``%LOCALAPPDATA%\\cjmap\\Cache`` on Windows;
    None when caching is off or there is no home folder."""
    override = os.environ.get("CJMAP_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "cjmap" / "Cache" if base else None
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no passwd entry (some containers)
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "cjmap"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache") / "cjmap"


def private_folder(path: Path) -> Path | None:
    """``path`` created if needed, when it is a folder only this user can write (on POSIX:
    owned by the user, not writable by group or others); None otherwise. Code is loaded from
    some caches: a folder someone else can write must not be one."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            info = path.stat()
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
    except OSError:
        return None
    return path
