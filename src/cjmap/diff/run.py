"""``cjmap diff`` as library calls: two files, two git revisions, or git's external-diff call.

    result = diff_files(Path("old.cjm.yaml"), Path("new.cjm.yaml"))
    result = diff_revisions("main", None, [Path("maps")])   # main against the working tree
    result.record()        # {"maps": [{"old": "main:maps/a.cjm.yaml", "new": ..., ...}]}

A map version with errors is not compared: its diagnostics (named ``REV:path``, as ``cjmap
validate`` would report them) go to ``result.problems``. Git failures (not a repository, an
unknown revision) raise :class:`~cjmap.diff.git.GitProblem`.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from cjmap.diagnostics import Diagnostic, has_errors
from cjmap.diff.changes import DiffResult, MapDiff, Status
from cjmap.diff.compare import diff_maps
from cjmap.diff.git import FileChange, Git, GitProblem
from cjmap.diff.trees import Snapshot, revision_reader, worktree_reader
from cjmap.load.files import MAP_SUFFIXES, FileProblem, display, read_bytes
from cjmap.load.loader import LoadedMap, Loader

Side = tuple[LoadedMap | None, str | None, "Snapshot | None"]
"""One version of a map: loaded (None: absent), its name, the snapshot it was read from."""

NULL_FILES = ("/dev/null", "nul", "NUL")
"""What git passes an external diff for the missing side of an added or deleted file."""


@dataclass
class Run(DiffResult):
    """A :class:`DiffResult` with what the error report needs."""

    problems: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str | None] = field(default_factory=dict)

    def source_of(self, file: str) -> str | None:
        return self.sources.get(file)

    def accept(self, loaded: LoadedMap | None, name: str, snapshot: Snapshot | None) -> bool:
        """True when ``loaded`` can be compared; else its problems are kept, named as shown."""
        if loaded is None or loaded.ok:
            return True
        if snapshot is not None:
            problems, sources = snapshot.renamed(loaded)
        else:
            problems = list(loaded.diagnostics)
            sources = {loaded.file: loaded.source.text}
            for extra in (
                loaded.persona_source,
                loaded.compares.source if loaded.compares else None,
            ):
                if extra is not None:
                    sources[extra.file] = extra.text
        if not has_errors(problems):
            problems.append(
                Diagnostic.error(name, (1, 1), ("CJM001", "file"), "the map could not be read")
            )
        self.problems += problems
        self.sources.update(sources)
        self.invalid.append(name)
        return False

    def add(
        self,
        old: Side,
        new: Side,
        status: Status | None = None,
    ) -> MapDiff | None:
        ok = all(self.accept(m, n or "", s) for m, n, s in (old, new))
        if not ok:
            return None
        found = diff_maps(old[0], new[0], old[1], new[1], status)
        self.maps.append(found)
        return found


def is_map(path: str) -> bool:
    return path.endswith(MAP_SUFFIXES)


def diff_files(old: Path, new: Path) -> Run:
    """Compare two map files (each with its own persona file)."""
    loader = Loader()
    result = Run()
    before, after = loader.load(old), loader.load(new)
    result.add((before, before.file, None), (after, after.file, None))
    return result


def _status(change: FileChange) -> Status:
    if change.old is None:
        return Status.added
    if change.new is None:
        return Status.removed
    return Status.renamed if change.old != change.new else Status.modified


def diff_revisions(
    base: str, head: str | None, paths: Sequence[Path] = (), cwd: Path | None = None
) -> Run:
    """Compare every map under ``paths`` that differs from ``base`` to ``head`` (None: the
    working tree), renames followed, persona files read at the same revision as their map."""
    git = Git(cwd)
    base_id = git.resolve(base)
    head_id = git.resolve(head) if head is not None else None
    specs = [str(p) for p in paths] or ["."]
    changed = git.changes(base_id, head_id, specs)
    result = Run()
    worktree = Loader()  # persona files shared by several maps are read once
    with ExitStack() as stack:
        old_tree = stack.enter_context(Snapshot(revision_reader(git, base_id), base))
        new_tree = (
            stack.enter_context(Snapshot(revision_reader(git, head_id), head))
            if head is not None and head_id is not None
            else None
        )

        def load_new(rel: str) -> Side:
            if new_tree is not None:
                return new_tree.load(rel), f"{head}:{rel}", new_tree
            loaded = worktree.load(git.top / rel)
            return loaded, loaded.file, None

        maps = [c for c in changed if is_map(c.new or "") or is_map(c.old or "")]
        absent: Side = (None, None, None)
        for change in maps:
            old = old_tree.load(change.old) if change.old else None
            before: Side = (old, f"{base}:{change.old}", old_tree) if change.old else absent
            result.add(before, load_new(change.new) if change.new else absent, _status(change))
        _persona_changes(
            git, base_id, head_id, specs, {c.new for c in maps}, result, old_tree, load_new
        )
    return result


def _persona_changes(
    git: Git,
    base_id: str,
    head_id: str | None,
    specs: list[str],
    seen: set[str | None],
    result: Run,
    old_tree: Snapshot,
    load_new: Callable[[str], Side],
) -> None:
    """Maps whose own file is unchanged but whose persona file changed: listed when the
    persona change shows (their persona is read at each revision)."""
    everything = git.changes(base_id, head_id, [])
    others = {c.new or c.old for c in everything if not is_map(c.new or c.old or "")}
    if not others:
        return
    for rel in git.files(head_id, specs):
        if not is_map(rel) or rel in seen:
            continue
        new, new_name, snapshot = load_new(rel)
        if new is None or new.persona_source is None:
            continue
        if _relative(new.persona_source.path, snapshot, git) not in others:
            continue
        old = old_tree.load(rel)
        found = result.add((old, f"{old_tree.label}:{rel}", old_tree), (new, new_name, snapshot))
        if found is not None and not found.changes:
            result.maps.remove(found)


def _relative(path: Path, snapshot: Snapshot | None, git: Git) -> str:
    base = snapshot.root if snapshot is not None else git.top
    try:
        return Path(os.path.normpath(path.absolute())).relative_to(base.absolute()).as_posix()
    except ValueError:
        return ""


def external_diff(args: Sequence[str], cwd: Path | None = None) -> Run:
    """What ``git diff`` asks of a diff driver (``diff.cjmap.command``): ``path old-file old-hex
    old-mode new-file new-hex new-mode`` (and two more for a rename).

    git hands over the old version as a temporary file, without its revision, so persona files
    and compared maps are read from the working tree for both sides (docs/diff.md).
    """
    if len(args) == 1:  # an unmerged path: git has no two versions to give
        return Run()
    if len(args) not in (7, 9):
        raise GitProblem(
            "--git-external-diff takes the 7 (or 9) arguments git passes to a diff driver; "
            "set it up as docs/diff.md shows"
        )
    git = Git(cwd)
    old_path = args[0]
    new_path = args[7] if len(args) == 9 else old_path
    result = Run()
    with ExitStack() as stack:
        sides: list[Side] = []
        for label, rel, file in (("a", old_path, args[1]), ("b", new_path, args[4])):
            if file in NULL_FILES:
                sides.append((None, None, None))
                continue
            try:
                data = read_bytes(Path(file))
            except FileProblem as problem:
                raise GitProblem(f"{display(Path(file))}: {problem.message}") from None
            snapshot = stack.enter_context(Snapshot(worktree_reader(git.top), label, "/"))
            rel = posixpath.normpath(rel.replace("\\", "/"))
            sides.append((snapshot.load(rel, data), f"{label}/{rel}", snapshot))
        status = Status.renamed if new_path != old_path else None
        result.add(sides[0], sides[1], status)
    return result
