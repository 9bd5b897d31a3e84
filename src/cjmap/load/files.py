"""The project a map belongs to, and the files a map may refer to.

A map may only refer to files inside its project root: the nearest folder above the map that
holds ``.cjmap.yaml``, ``pyproject.toml`` or ``.git``, else the map's own folder. A map from an
outsider's pull request must not make cjmap read ``/etc/passwd`` or a secret beside the repo.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any

from cjmap.text import echo, printable, unsafe_characters

ROOT_MARKERS = (".cjmap.yaml", "pyproject.toml", ".git")
MAX_FILE_BYTES = 8 * 1024 * 1024
MAP_SUFFIXES = (".cjm.yaml", ".cjm.yml")
_MAP_GLOB = "*.cjm.y*ml"  # both suffixes (and a few names that are neither, filtered out)


class FileProblem(Exception):
    """A file cannot be used; the message says why and the hint how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


# Folder -> what was found about it, while a run over many maps is under way (see one_run).
_found: dict[tuple[str, Path], Any] | None = None


@contextmanager
def one_run() -> Iterator[None]:
    """Within: the project root of each folder, and whether a folder or one above it is a
    symlink, are looked up once, not for every map in it (each lookup is a few stat calls per
    folder up to ``/``: ~1 ms per map, three times per map). Folders are not expected to move
    during one run; a long-lived process (``cjmap watch``) starts a run per pass."""
    global _found
    if _found is not None:  # nested (a worker's slice inside the parent's run)
        yield
        return
    _found = {}
    try:
        yield
    finally:
        _found = None


def _remembered(kind: str, folder: Path, look: Callable[[Path], Any]) -> Any:
    if _found is None:
        return look(folder)
    key = (kind, folder)
    if key not in _found:
        _found[key] = look(folder)
    return _found[key]


def find_root(map_path: Path) -> Path:
    """The project root of a map (see module docstring)."""
    return _remembered("root", map_path.absolute().parent, _root_of)  # type: ignore[no-any-return]


def _root_of(start: Path) -> Path:
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return start


def _in_symlinked_folder(folder: Path) -> bool:
    return folder.is_symlink() or any(p.is_symlink() for p in folder.parents)


def display(path: PurePath) -> str:
    """A path as a user would type it: as given when relative, else relative to the working
    folder when below it, else absolute (``../../x`` chains are hard to read in CI logs).

    Relative paths are shown with ``/`` on every system (``maps/a.cjm.yaml``, not
    ``maps\\a.cjm.yaml`` on Windows), so a report from a laptop reads like the one from CI.
    Control, bidi and invisible characters are shown as ``\\uXXXX``: a file name must not be
    able to start a new line in a CI log (``::error::``) or recolour a terminal.
    """
    if not path.is_absolute():
        # The path's own rules: a Windows path (also a PureWindowsPath on Linux) has `\`
        # separators, while on Linux a `\` is a character of a file name and is kept.
        flavour = ntpath if isinstance(path, PureWindowsPath) else posixpath
        return printable(flavour.normpath(str(path)).replace(flavour.sep, "/"))
    try:
        return printable(path.relative_to(Path.cwd()).as_posix())
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
    folder = path.absolute().parent
    if not path.is_symlink() and not _remembered("symlinked", folder, _in_symlinked_folder):
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


_DRIVE = re.compile(r"[A-Za-z]:")
_RELATIVE_ADVICE = (
    "write the path relative to this map's folder, with forward slashes, e.g. personas/colleen.yaml"
)


def _check_written_form(reference: str) -> None:
    """Refuse paths that only work on one system: absolute (POSIX or Windows), or with ``\\``.

    Maps are written on macOS and Windows laptops and checked on Linux CI: a path must mean the
    same file everywhere, so it is relative to the map's folder, with ``/`` between folders.
    """
    hidden = unsafe_characters(reference)
    if hidden:
        raise FileProblem(
            f"the path contains U+{ord(hidden[0]):04X}, a control or invisible character",
            "write a plain relative path",
        )
    if reference.startswith(("\\\\", "//", "\\/", "/\\")):
        raise FileProblem(
            "the path is absolute: it is a Windows network (UNC) path, \\\\server\\share\\...",
            _RELATIVE_ADVICE,
        )
    if _DRIVE.match(reference):
        raise FileProblem(
            f"the path is absolute: it starts with the Windows drive {reference[:2]}",
            _RELATIVE_ADVICE,
        )
    if reference.startswith("\\"):
        raise FileProblem(
            "the path is absolute: a leading backslash is the top of the drive on Windows",
            _RELATIVE_ADVICE,
        )
    # `/etc/passwd` is absolute everywhere (Windows would read it on the current drive).
    if Path(reference).is_absolute() or reference.startswith(("/", "~")) or ":" in reference[:3]:
        raise FileProblem(
            "the path is absolute",
            _RELATIVE_ADVICE,
        )
    if "\\" in reference:
        forward = reference.replace("\\", "/")
        raise FileProblem(
            "the path has backslashes (\\), which only Windows reads as folder separators",
            f"write {echo(forward)}: forward slashes, relative to this map's folder, work on "
            "every system",
        )


def resolve_reference(base_file: Path, reference: str, root: Path) -> Path:
    """The file a map refers to (``persona``, ``compares``), checked to stay inside ``root``.

    The path must name the file exactly as it is spelled on disk, case included: on macOS and
    Windows ``personas/Colleen.yaml`` opens ``personas/colleen.yaml``, on Linux CI it does not.
    """
    _check_written_form(reference)
    folder = base_file.absolute().parent
    target = folder / reference
    real_root = root.resolve()
    # Lexical check first (`..` above the root), then the real one (symlinks out of the root).
    if not _is_within(Path(os.path.normpath(target)), root.absolute()):
        raise FileProblem(
            f"the path leaves the project root ({display(root)})",
            "keep persona and compared maps inside the project; copy the file in if needed",
        )
    try:
        real = _real_path(target)
    except (FileNotFoundError, NotADirectoryError):
        # On Linux `personas/Colleen.yaml` is missing when the file is `personas/colleen.yaml`.
        _check_case(folder, reference, real_root)
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
    # On a case-insensitive disk (macOS's and Windows's default) it opens all the same.
    _check_case(folder, reference, real_root)
    return target


def _real_path(target: Path) -> Path:
    """``target`` with every symlink resolved; FileNotFoundError if it does not exist.

    Tests replace it with a case-insensitive lookup to play a macOS or Windows disk.
    """
    return target.resolve(strict=True)


def _check_case(folder: Path, reference: str, real_root: Path) -> None:
    """Refuse ``reference`` if it names an existing file only when case is ignored."""
    spelled = _spelled_on_disk(folder, reference, real_root)
    if spelled is not None:
        shown = printable(spelled)
        raise FileProblem(
            f"the file is named '{shown}': the case differs, which works on macOS and Windows "
            "but not on Linux CI",
            f"write '{shown}', exactly as the file is named",
        )


def _spelled_on_disk(folder: Path, reference: str, real_root: Path) -> str | None:
    """``reference`` (relative to ``folder``) with its names spelled as their folders list
    them, when that differs from ``reference`` only in case; else None (the names match, one is
    missing even ignoring case, or the walk would leave ``real_root``).

    The folder listing is the truth on every system: ``os.listdir`` gives the names as stored,
    where opening or ``exists()`` on a case-insensitive disk accepts any case.
    """
    current = folder
    parts = reference.split("/")
    differs = False
    for i, part in enumerate(parts):
        if part in ("", "."):
            continue
        try:
            if part == "..":
                current = current.resolve().parent  # as the system does: after symlinks
                continue
            if not _is_within(current.resolve(), real_root):
                return None
            names = os.listdir(current)
        except (OSError, RuntimeError):
            return None
        if part not in names:
            folded = part.casefold()
            variants = sorted(name for name in names if name.casefold() == folded)
            if not variants:
                return None
            parts[i] = variants[0]
            differs = True
        current = current / parts[i]
    return "/".join(parts) if differs else None


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
            # One walk for both suffixes; PurePath.match keeps the system's case rules.
            below = sorted(
                p
                for p in path.rglob(_MAP_GLOB)
                if any(p.match(f"*{suffix}") for suffix in MAP_SUFFIXES)
                and p.is_file()
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
