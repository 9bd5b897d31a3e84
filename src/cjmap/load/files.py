"""The project a map belongs to, and the files a map may refer to.

A map may only refer to files inside its project root: the nearest folder above the map that
holds ``.cjmap.yaml``, ``pyproject.toml`` or ``.git``, else the map's own folder. A map from an
outsider's pull request must not make cjmap read ``/etc/passwd`` or a secret beside the repo.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cjmap.text import printable, unsafe_characters

ROOT_MARKERS = (".cjmap.yaml", "pyproject.toml", ".git")
MAX_FILE_BYTES = 8 * 1024 * 1024
MAP_SUFFIXES = (".cjm.yaml", ".cjm.yml")


class FileProblem(Exception):
    """A file cannot be used; the message says why and the hint how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def find_root(map_path: Path) -> Path:
    """The project root of a map (see module docstring)."""
    start = map_path.absolute().parent
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return start


def display(path: Path) -> str:
    """A path as a user would type it: as given when relative, else relative to the working
    folder when below it, else absolute (``../../x`` chains are hard to read in CI logs).

    Control, bidi and invisible characters are shown as ``\\uXXXX``: a file name must not be
    able to start a new line in a CI log (``::error::``) or recolour a terminal.
    """
    if not path.is_absolute():
        return printable(os.path.normpath(path))
    try:
        return printable(str(path.relative_to(Path.cwd())))
    except ValueError:
        return printable(str(path))


def check_map_path(path: Path, root: Path) -> None:
    """Refuse a map file whose name hides characters, or a symlink out of the project root.

    ``cjmap validate maps/`` in CI reads every ``*.cjm.yaml`` a pull request adds; one may be a
    symlink to ``~/.ssh/id_rsa`` or ``/proc/self/environ``, whose lines would then be echoed as
    "errors" into the CI log.
    """
    hidden = unsafe_characters(str(path))
    if hidden:
        raise FileProblem(
            f"the file name contains U+{ord(hidden[0]):04X}, a control or invisible character",
            "rename the file to plain letters, digits, '-', '_' and '.'",
        )
    if not path.is_symlink() and not any(p.is_symlink() for p in path.absolute().parents):
        return
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise FileProblem(
            "the file is a broken or looping symlink", "point the symlink at a real map"
        ) from None
    if not _is_within(real, root.resolve()):
        raise FileProblem(
            "the file is a symlink that points outside the project root",
            "refer to a real file inside the project",
        )


def resolve_reference(base_file: Path, reference: str, root: Path) -> Path:
    """The file a map refers to (``persona``, ``compares``), checked to stay inside ``root``."""
    hidden = unsafe_characters(reference)
    if hidden:
        raise FileProblem(
            f"the path contains U+{ord(hidden[0]):04X}, a control or invisible character",
            "write a plain relative path",
        )
    ref = Path(reference)
    if ref.is_absolute() or reference.startswith(("~", "\\")) or ":" in reference[:3]:
        raise FileProblem(
            "the path is absolute",
            "write the path relative to this map's file, e.g. personas/colleen.yaml",
        )
    target = base_file.absolute().parent / ref
    real_root = root.resolve()
    # Lexical check first (`..` above the root), then the real one (symlinks out of the root).
    if not _is_within(Path(os.path.normpath(target)), root.absolute()):
        raise FileProblem(
            f"the path leaves the project root ({display(root)})",
            "keep persona and compared maps inside the project; copy the file in if needed",
        )
    try:
        real = target.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError):
        raise FileProblem(
            "the file does not exist",
            "check the spelling; paths are relative to the map's own folder",
        ) from None
    except (OSError, RuntimeError) as exc:  # symlink loops, permissions
        raise FileProblem(
            f"the file cannot be opened ({exc.__class__.__name__})", "check the path"
        ) from None
    if not _is_within(real, real_root):
        raise FileProblem(
            "the path is a symlink that points outside the project root",
            "refer to a real file inside the project",
        )
    return target


def _is_within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file of at most ``limit`` bytes; FIFOs, devices and folders are refused.

    The type check comes before ``open`` because opening a FIFO blocks forever. A symlink (or a
    file in a symlinked folder) is read only if it resolves inside the file's project root: a
    pull request can add ``.cjmap.yaml -> ~/.aws/credentials``, and the configuration's error
    messages would quote its keys.
    """
    check_map_path(path, find_root(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileProblem("no such file", "check the path") from None
    except OSError as exc:
        raise FileProblem(
            f"cannot read the file ({exc.strerror or exc})", "check the path"
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem("this is a folder, not a file", "name a YAML file")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(
            "this is not a regular file (a FIFO, socket or device)", "name a regular YAML file"
        )
    if info.st_size > limit:
        raise FileProblem(
            f"the file is {info.st_size:,} bytes; the limit is {limit:,}",
            "split the map; a journey map is normally a few kilobytes",
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise FileProblem(
            f"cannot read the file ({exc.strerror or exc})", "check its permissions"
        ) from None
    with os.fdopen(fd, "rb") as handle:
        # Read one byte past the limit: a file that grew after stat() is still caught.
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise FileProblem(f"the file is larger than {limit:,} bytes", "split the map")
    return raw


def collect_maps(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand folders to the ``*.cjm.yaml`` files below them, sorted; report missing paths."""
    found: list[Path] = []
    missing: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            below = sorted(
                p
                for suffix in MAP_SUFFIXES
                for p in path.rglob(f"*{suffix}")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for p in below:
                if p not in seen:
                    seen.add(p)
                    found.append(p)
        elif path.exists() or path.is_symlink():
            if path not in seen:
                seen.add(path)
                found.append(path)
        else:
            missing.append((path, "no such file or folder"))
    return found, missing
