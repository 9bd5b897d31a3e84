"""A map as it was at a git revision, laid out in a temporary folder so the loader reads it,
its persona file and its compared map exactly as it reads a working tree.

The loader follows ``persona`` and ``compares`` through the file system, with every check on
the way (paths that leave the project root, symlinks, sizes). Rather than teach it git, the
map's version and the files it names *at the same revision* are written into a folder shaped
like the repository, with the markers that decide the project root (``.cjmap.yaml``,
``pyproject.toml``, ``.git``) where the revision has them. The files it names are found by
reading the map with the loader's own YAML reader; the loader then checks them as usual.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

from cjmap.diagnostics import Diagnostic
from cjmap.diff.git import Entry, Git
from cjmap.load.files import MAX_FILE_BYTES, FileProblem, display, read_bytes
from cjmap.load.loader import LoadedMap, Loader
from cjmap.load.yamlsource import decode, parse

_MARKERS = (".cjmap.yaml", "pyproject.toml")
_REFERENCES = ("persona", "compares")


@dataclass
class Blob:
    """A file as a tree holds it: its bytes, or the target of a symlink, or its size only
    (too large to read)."""

    data: bytes = b""
    link: str | None = None
    size: int = 0


Reader = Callable[[list[str]], dict[str, Blob]]
"""Reads files (paths relative to the repository's top) from a tree; missing ones are left out."""


def revision_reader(git: Git, commit: str) -> Reader:
    def read(paths: list[str]) -> dict[str, Blob]:
        entries: dict[str, Entry] = git.entries(commit, paths)
        small = [e.sha for e in entries.values() if not e.is_link and e.size <= MAX_FILE_BYTES]
        data = git.blobs(sorted(set(small) | {e.sha for e in entries.values() if e.is_link}))
        found = {}
        for path, entry in entries.items():
            if entry.is_link:
                found[path] = Blob(link=data.get(entry.sha, b"").decode("utf-8", "replace"))
            else:
                found[path] = Blob(data=data.get(entry.sha, b""), size=entry.size)
        return found

    return read


def worktree_reader(top: Path) -> Reader:
    """Files of the working tree, read with the loader's checks (regular files, size)."""

    def read(paths: list[str]) -> dict[str, Blob]:
        found = {}
        for rel in paths:
            path = top / rel
            if not (path.exists() or path.is_symlink()):
                continue
            try:
                data = read_bytes(path)
            except FileProblem:
                continue  # the loader will meet it again in the copy and say why
            found[rel] = Blob(data=data, size=len(data))
        return found

    return read


class Snapshot:
    """A temporary folder holding maps of one tree as they are there (a context manager)."""

    def __init__(self, read: Reader, label: str, separator: str = ":") -> None:
        self.read = read
        self.label = label
        """What a file's name starts with in messages: ``REV`` gives ``REV:path``."""
        self.separator = separator
        self._folder = tempfile.TemporaryDirectory(prefix="cjmap-diff-")
        self.root = Path(self._folder.name)
        (self.root / ".git").mkdir()
        self.loader = Loader()
        self._written: set[str] = set()
        self._prefix = display(self.root) + "/"

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._folder.cleanup()

    def load(self, rel: str, data: bytes | None = None) -> LoadedMap:
        """The map at ``rel`` (relative to the top) as this tree holds it, or as ``data``."""
        self._write_tree(rel, data)
        return self.loader.load(self.root / rel)

    def name(self, file: str) -> str:
        """A file name the loader gave, as the user knows it: ``REV:path``."""
        if file.startswith(self._prefix):
            return f"{self.label}{self.separator}{file[len(self._prefix) :]}"
        return file

    def renamed(self, loaded: LoadedMap) -> tuple[list[Diagnostic], dict[str, str | None]]:
        """The diagnostics and source texts of ``loaded``, named ``REV:path``."""
        problems = [replace(d, file=self.name(d.file)) for d in loaded.diagnostics]
        sources: dict[str, str | None] = {}
        compared = loaded.compares.source if loaded.compares is not None else None
        for source in (loaded.source, loaded.persona_source, compared):
            if source is not None:
                sources[self.name(source.file)] = source.text
        return problems, sources

    def _write_tree(self, rel: str, data: bytes | None) -> None:
        wanted = [rel]
        for depth in range(3):  # the map, what it names, what its compared map names
            todo = [p for p in wanted if p not in self._written]
            if not todo:
                return
            markers = self._marker_paths(todo)
            found = self.read(todo + markers)  # one read (two git calls) per level
            if depth == 0 and data is not None:
                found[rel] = Blob(data=data, size=len(data))
            for path in markers:
                self._written.add(path)
                if path in found:  # only its presence counts: it marks the project root
                    (self.root / path).parent.mkdir(parents=True, exist_ok=True)
                    (self.root / path).write_bytes(b"")
            wanted = []
            for path in todo:
                blob = found.get(path)
                self._written.add(path)
                if blob is not None:
                    self._write(path, blob)
                    wanted += _references(path, blob)

    def _marker_paths(self, paths: list[str]) -> list[str]:
        """The root markers that could sit above ``paths`` and were not looked for yet."""
        above = {""}
        for path in paths:
            folder = posixpath.dirname(path)
            while folder:
                above.add(folder)
                folder = posixpath.dirname(folder)
        found = (posixpath.join(f, m) for f in sorted(above) for m in _MARKERS)
        return [p for p in found if p not in self._written]

    def _write(self, rel: str, blob: Blob) -> None:
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if blob.link is not None:
            # No symlinks here (Windows without the privilege): the file is left out.
            with contextlib.suppress(OSError):
                os.symlink(blob.link, target)
            return
        if blob.size > MAX_FILE_BYTES:
            with open(target, "wb") as handle:  # sized, not filled: the loader refuses it
                handle.truncate(blob.size)
            return
        target.write_bytes(blob.data)


def _references(rel: str, blob: Blob) -> list[str]:
    """The files a map or persona file names (``persona``, ``compares``), relative to the top;
    a path that leaves the repository is left for the loader to refuse."""
    if blob.link is not None or not blob.data or blob.size > MAX_FILE_BYTES:
        return []
    text, _ = decode(blob.data, rel)
    if text is None:
        return []
    data = parse(text, rel).data
    if not isinstance(data, dict):
        return []
    found = []
    for key in _REFERENCES:
        value = data.get(key)
        if isinstance(value, str) and value and "\\" not in value and not value.startswith("/"):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), value))
            if path != ".." and not path.startswith("../"):
                found.append(path)
    return found
