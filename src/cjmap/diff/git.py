"""The real ``git``, run with argument lists (never a shell), for ``cjmap diff --base``.

Everything that reaches git from the user or from a repository is hostile until checked: a
revision is refused when it starts with ``-`` (``--output=/etc/x`` must never become an option)
and passed after ``--end-of-options``; paths go after ``--`` with ``GIT_LITERAL_PATHSPECS`` so
``:(glob)`` or ``:!`` mean nothing; a revision is resolved once to a commit id, and only that id
is used after. Repository settings that run programs during a diff (external diff drivers,
textconv filters, the fsmonitor hook) are switched off for cjmap's own git calls.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cjmap.text import echo, unsafe_characters

MAX_REVISION = 256


class GitProblem(Exception):
    """git cannot do what was asked: not a repository, an unknown revision, no git at all."""


def check_revision(revision: str) -> None:
    """Refuse a revision git could read as an option, or that hides characters."""
    if not revision:
        raise GitProblem("the revision is empty; name a branch, tag or commit, e.g. main")
    if revision.startswith("-"):
        raise GitProblem(
            f"refusing the revision {echo(revision)}: it starts with '-', which git would read "
            "as an option; name a branch, tag or commit"
        )
    if unsafe_characters(revision) or any(ch.isspace() for ch in revision):
        raise GitProblem(
            f"refusing the revision {echo(revision)}: it holds spaces or control characters"
        )
    if len(revision) > MAX_REVISION:
        raise GitProblem(f"the revision is longer than {MAX_REVISION} characters")


@dataclass(frozen=True)
class Entry:
    """A file of a commit's tree."""

    mode: str
    sha: str
    size: int

    @property
    def is_link(self) -> bool:
        return self.mode == "120000"


@dataclass(frozen=True)
class FileChange:
    """A map file that differs between two trees; paths are relative to the repository's top."""

    status: str
    """git's letter: A added, D deleted, M modified, R renamed (T type changed, C copied)."""
    old: str | None
    new: str | None


class Git:
    """One repository, seen from ``cwd`` (where relative paths are read from)."""

    def __init__(self, cwd: Path | None = None) -> None:
        self.cwd = (cwd or Path.cwd()).absolute()
        try:
            top = self._run(["rev-parse", "--show-toplevel"], cwd=self.cwd)
        except GitProblem as problem:
            raise GitProblem(
                f"{echo(str(self.cwd), 200)} is not in a git repository ({problem}); run cjmap "
                "diff --base inside a clone, or compare two files: cjmap diff OLD NEW"
            ) from None
        self.top = Path(top.decode("utf-8", "surrogateescape").rstrip("\n"))

    def _run(
        self, args: Sequence[str], *, cwd: Path | None = None, stdin: bytes | None = None
    ) -> bytes:
        env = {
            **os.environ,
            "GIT_LITERAL_PATHSPECS": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_PAGER": "cat",
            "LC_ALL": "C",
        }
        env.pop("GIT_EXTERNAL_DIFF", None)
        command = [
            "git",
            "--no-pager",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "core.quotePath=false",
            *args,
        ]
        try:
            done = subprocess.run(
                command,
                cwd=cwd or self.top,
                env=env,
                input=stdin,
                capture_output=True,
                check=False,
                timeout=120,
            )
        except FileNotFoundError:
            raise GitProblem("git is not installed (or not on PATH)") from None
        except (OSError, subprocess.SubprocessError) as exc:
            raise GitProblem(f"git could not run ({exc.__class__.__name__})") from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitProblem(echo(message[-1] if message else f"git exited {done.returncode}", 200))
        return done.stdout

    def resolve(self, revision: str) -> str:
        """The commit id ``revision`` names (GitProblem if none)."""
        check_revision(revision)
        try:
            out = self._run(
                ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"]
            )
        except GitProblem:
            raise GitProblem(
                f"unknown revision {echo(revision)}: no branch, tag or commit has that name here "
                "(in CI, fetch it first: actions/checkout with fetch-depth: 0)"
            ) from None
        return out.decode("ascii").strip()

    def changes(self, base: str, head: str | None, pathspecs: Sequence[str]) -> list[FileChange]:
        """Files that differ from ``base`` to ``head`` (None: the working tree, untracked
        files included), renames followed; pathspecs are relative to ``cwd``."""
        revs = [base] if head is None else [base, head]
        out = self._run(
            [
                "diff",
                "--name-status",
                "-z",
                "-M",
                "--no-ext-diff",
                "--no-textconv",
                "--end-of-options",
                *revs,
                "--",
                *pathspecs,
            ],
            cwd=self.cwd,
        )
        fields = [f.decode("utf-8", "surrogateescape") for f in out.split(b"\0")]
        found: list[FileChange] = []
        i = 0
        while i < len(fields) and fields[i]:
            letter = fields[i][0]
            if letter in "RC":
                old, new = fields[i + 1], fields[i + 2]
                found.append(FileChange(letter, old if letter == "R" else None, new))
                i += 3
                continue
            path = fields[i + 1]
            found.append(
                FileChange(letter, None if letter == "A" else path, None if letter == "D" else path)
            )
            i += 2
        if head is None:
            for path in self.untracked(pathspecs):
                found.append(FileChange("A", None, path))
        return found

    def untracked(self, pathspecs: Sequence[str]) -> list[str]:
        out = self._run(
            ["ls-files", "-z", "--full-name", "--others", "--exclude-standard", "--", *pathspecs],
            cwd=self.cwd,
        )
        return [p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p]

    def files(self, commit: str | None, pathspecs: Sequence[str]) -> list[str]:
        """Every file under ``pathspecs`` in ``commit`` (None: the working tree's tracked and
        untracked files), relative to the top."""
        if commit is None:
            args = ["ls-files", "-z", "--full-name", "--cached", "--others", "--exclude-standard"]
        else:
            args = ["ls-tree", "-r", "-z", "--name-only", "--full-name", "--end-of-options", commit]
        out = self._run([*args, "--", *pathspecs], cwd=self.cwd)
        return [p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p]

    def entries(self, commit: str, paths: Sequence[str]) -> dict[str, Entry]:
        """The tree entries of ``paths`` (relative to the top) that exist in ``commit``."""
        if not paths:
            return {}
        out = self._run(
            ["ls-tree", "-z", "-l", "--full-tree", "--end-of-options", commit, "--", *paths]
        )
        found = {}
        for record in out.split(b"\0"):
            if not record:
                continue
            head, _, name = record.partition(b"\t")
            mode, kind, sha, size = head.decode("ascii").split()
            if kind == "blob":
                found[name.decode("utf-8", "surrogateescape")] = Entry(mode, sha, int(size))
        return found

    def blobs(self, shas: Sequence[str]) -> dict[str, bytes]:
        """The contents of blobs, in one ``git cat-file --batch``."""
        if not shas:
            return {}
        out = self._run(["cat-file", "--batch"], stdin="".join(f"{s}\n" for s in shas).encode())
        found: dict[str, bytes] = {}
        at = 0
        for sha in shas:
            end = out.index(b"\n", at)
            header = out[at:end].decode("ascii").split()
            at = end + 1
            if len(header) < 3 or header[1] != "blob":
                continue
            size = int(header[2])
            found[sha] = out[at : at + size]
            at += size + 1
        return found
