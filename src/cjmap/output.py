"""Writing output files safely: all or nothing, never clobbering what the user did not ask to.

Every file cjmap writes goes to a temporary file beside the target and is renamed over it, so
an interrupted or failed write leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class OutputProblem(Exception):
    """The output cannot be written; the message says why."""


def check_target(path: Path, *, overwrite: bool) -> None:
    """Refuse targets that are folders, symlinks or devices, or exist when ``overwrite`` is off."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise OutputProblem(f"{path}: the folder {path.parent} does not exist") from None
        return
    if stat.S_ISLNK(info.st_mode):
        raise OutputProblem(f"{path}: is a symlink; cjmap does not write through symlinks")
    if stat.S_ISDIR(info.st_mode):
        raise OutputProblem(f"{path}: is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise OutputProblem(f"{path}: is not a regular file")
    if not overwrite:
        raise OutputProblem(f"{path}: already exists (use --force to overwrite it)")


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    check_target(path, overwrite=overwrite)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputProblem(f"{path}: cannot write in {folder} ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        if overwrite:
            os.replace(tmp, path)
        else:
            # link() fails if the target appeared meanwhile: no race with another writer.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise OutputProblem(
                    f"{path}: already exists (use --force to overwrite it)"
                ) from None
            tmp.unlink()
    except OutputProblem:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputProblem(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
