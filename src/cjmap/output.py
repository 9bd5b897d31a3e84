"""Writing output files safely: all or nothing, never clobbering what the user did not ask to.

Every file cjmap writes is written completely (and fsync'ed) before it takes the target's name
in one rename, so an interrupted or failed write leaves either the old file or the new one,
never half of one.

On Linux the data goes to an *anonymous* file first (``O_TMPFILE``): it has no name until it is
complete, so even a ``kill -9`` or a full disk in the middle of writing leaves nothing behind.
Elsewhere (or on file systems without ``O_TMPFILE``) a hidden ``.NAME.XXXX.tmp`` beside the
target is used and removed on failure; only an uncatchable kill can leave one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from pathlib import Path

from cjmap.text import printable


class OutputProblem(Exception):
    """The output cannot be written; the message says why."""


def _shown(path: Path) -> str:
    # Output names can mirror file names from a pull request: no control characters in messages.
    return printable(str(path))


# Names Windows keeps for devices, with or without an extension (``aux.pdf`` is AUX): such a
# file cannot be created or checked out there. As Python's ``ntpath.isreserved`` (3.13) lists
# them, superscript digits and the console's names included.
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "123456789\u00b9\u00b2\u00b3"}
)


def check_name(path: Path) -> None:
    """Refuse a file name Windows cannot hold, on every system.

    A file written on Linux as ``aux.pdf`` or ``map.`` is committed, and then the checkout
    fails on the Windows laptops the maps are written on.
    """
    name = path.name
    quoted = f"'{printable(name)}'"
    if name.partition(".")[0].rstrip(" ").upper() in _WINDOWS_DEVICES:
        raise OutputProblem(
            f"{_shown(path)}: {quoted} is a name Windows reserves for a device; choose another name"
        )
    if name.endswith((".", " ")) and name not in (".", ".."):
        ending = "a dot" if name.endswith(".") else "a space"
        raise OutputProblem(
            f"{_shown(path)}: {quoted} ends in {ending}, which Windows drops from file names; "
            "choose another name"
        )


def check_target(path: Path, *, overwrite: bool) -> None:
    """Refuse targets that are folders, symlinks or devices, or exist when ``overwrite`` is off."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise OutputProblem(
                f"{_shown(path)}: the folder {_shown(path.parent)} does not exist"
            ) from None
        return
    if stat.S_ISLNK(info.st_mode):
        raise OutputProblem(f"{_shown(path)}: is a symlink; cjmap does not write through symlinks")
    if stat.S_ISDIR(info.st_mode):
        raise OutputProblem(f"{_shown(path)}: is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise OutputProblem(f"{_shown(path)}: is not a regular file")
    if not overwrite:
        raise OutputProblem(f"{_shown(path)}: already exists (use --force to overwrite it)")


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path``: complete and synced in a nameless or hidden file, then renamed.

    Names Windows cannot hold are refused on every system (:func:`check_name`).
    """
    check_name(path)
    check_target(path, overwrite=overwrite)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        _write_anonymous(folder, path, data, overwrite)
    except _NoAnonymousFiles:
        _write_named_temp(folder, path, data, overwrite)
    except OutputProblem:
        raise
    except OSError as exc:
        raise OutputProblem(f"{_shown(path)}: cannot write ({exc.strerror or exc})") from None


class _NoAnonymousFiles(Exception):
    """This system or file system cannot make ``O_TMPFILE`` files (or link them by name)."""


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)
    os.fchmod(fd, 0o644 & ~_umask())


def _write_anonymous(folder: Path, path: Path, data: bytes, overwrite: bool) -> None:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        raise _NoAnonymousFiles
    try:
        fd = os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EINVAL, errno.EISDIR):  # no O_TMPFILE here
            raise _NoAnonymousFiles from None
        raise OutputProblem(
            f"{_shown(path)}: cannot write in {_shown(folder)} ({exc.strerror or exc})"
        ) from None
    try:
        _write_all(fd, data)
        # The file gets a name only once it is complete: the target's (no overwrite: link()
        # fails if the target appeared meanwhile), or a hidden one for a single rename.
        name = path if not overwrite else folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            os.link(f"/proc/self/fd/{fd}", name, follow_symlinks=True)
        except FileExistsError:
            raise OutputProblem(
                f"{_shown(path)}: already exists (use --force to overwrite it)"
            ) from None
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES):
                raise
            raise _NoAnonymousFiles from None  # /proc cannot link here: use a named file
        if not overwrite:
            return
        hidden = name
        try:
            os.replace(hidden, path)
        except BaseException:
            with contextlib.suppress(OSError):
                hidden.unlink()
            raise
    finally:
        os.close(fd)


def _write_named_temp(folder: Path, path: Path, data: bytes, overwrite: bool) -> None:
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputProblem(
            f"{_shown(path)}: cannot write in {_shown(folder)} ({exc.strerror or exc})"
        ) from None
    tmp = Path(tmp_name)
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise OutputProblem(
                    f"{_shown(path)}: already exists (use --force to overwrite it)"
                ) from None
            tmp.unlink()
    except OutputProblem:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputProblem(f"{_shown(path)}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
