"""The git wrapper: revisions checked before git sees them, changes read with -z."""

from __future__ import annotations

import pytest

from cjmap.diff.git import Git, GitProblem, check_revision

from .gitrepo import Repo


@pytest.mark.parametrize(
    "revision", ["main", "v1", "HEAD~1", "origin/main", "a1b2c3d", "v2^{commit}"]
)
def test_ordinary_revisions_pass(revision: str) -> None:
    check_revision(revision)


@pytest.mark.parametrize(
    "revision",
    ["-p", "--output=/tmp/x", "--upload-pack=touch /tmp/x", "main two", "a\x1b[31m", "x" * 257, ""],
)
def test_revisions_git_could_misread_are_refused(revision: str) -> None:
    with pytest.raises(GitProblem):
        check_revision(revision)


def test_changes_follow_renames_and_see_untracked_files(repo: Repo) -> None:
    git = Git(repo.root)
    v1, v2 = git.resolve("v1"), git.resolve("v2")
    assert len(v1) == 40 and v1 != v2
    renamed = [c for c in git.changes(v1, v2, ["maps"]) if c.status == "R"]
    assert [(c.old, c.new) for c in renamed] == [
        ("maps/old-name.cjm.yaml", "maps/renamed.cjm.yaml")
    ]
    untracked = [c for c in git.changes(git.resolve("v3"), None, ["."]) if c.status == "A"]
    assert [c.new for c in untracked] == ["maps/draft.cjm.yaml"]
