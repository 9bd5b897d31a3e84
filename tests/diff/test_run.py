"""diff_revisions, diff_files and external_diff on the real git repository of conftest.py,
each asserting the exact changes (the JSON shape of docs/diff.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cjmap.diff.git import GitProblem
from cjmap.diff.run import diff_files, diff_revisions, external_diff

from .gitrepo import Repo, git

TASK = ["stages", "discover", "opportunities", "publish-pricing", "actions"]

SHOP_V1_V2 = [
    {"op": "added", "path": ["persona", "goals", "Save time"], "old": None, "new": "Save time"},
    {"op": "moved", "path": ["stages", "sign-up"], "old": 1, "new": 0},
    {"op": "changed", "path": ["stages", "sign-up", "feeling"], "old": -2, "new": 1},
    {
        "op": "changed",
        "path": ["stages", "sign-up", "feeling", "label"],
        "old": "anxious",
        "new": "relieved",
    },
    {
        "op": "added",
        "path": ["stages", "discover", "actions", "Watches videos"],
        "old": None,
        "new": "Watches videos",
    },
    {
        "op": "removed",
        "path": ["stages", "discover", "pain_points", "slow-site"],
        "old": {"id": "slow-site", "text": "The site is slow"},
        "new": None,
    },
    {
        "op": "removed",
        "path": [*TASK, "Old task"],
        "old": {"task": "Old task", "owner": "Web team", "status": "todo"},
        "new": None,
    },
    {
        "op": "changed",
        "path": [*TASK, "Ship new pricing page", "owner"],
        "old": "Web team",
        "new": "Support team",
    },
    {
        "op": "changed",
        "path": [*TASK, "Ship new pricing page", "status"],
        "old": "todo",
        "new": "done",
    },
    {"op": "changed", "path": ["stages", "checkout", "name"], "old": "Checkout", "new": "Pay"},
    {
        "op": "changed",
        "path": ["stages", "checkout", "metrics", "Conversion", "value"],
        "old": "2.1%",
        "new": "2.8%",
    },
    {
        "op": "added",
        "path": ["stages", "delivery"],
        "old": None,
        "new": {"id": "delivery", "name": "Delivery", "feeling": {"score": 2}},
    },
]


def test_two_revisions_every_map_with_its_exact_changes(repo: Repo) -> None:
    result = diff_revisions("v1", "v2", cwd=repo.root)
    assert result.problems == []
    assert result.record() == {
        "maps": [
            {"old": "v1:maps/gone.cjm.yaml", "new": None, "status": "removed", "changes": []},
            {
                "old": "v1:maps/intl.cjm.yaml",
                "new": "v2:maps/intl.cjm.yaml",
                "status": "modified",
                "changes": [
                    {"op": "moved", "path": ["stages", "оплата"], "old": 2, "new": 0},
                    {
                        "op": "changed",
                        "path": ["stages", "оплата", "feeling"],
                        "old": -2,
                        "new": -1,
                    },
                    {"op": "changed", "path": ["stages", "发现", "feeling"], "old": 1, "new": 2},
                    {
                        "op": "changed",
                        "path": ["stages", "发现", "feeling", "label"],
                        "old": None,
                        "new": "好奇",
                    },
                ],
            },
            {"old": None, "new": "v2:maps/new.cjm.yaml", "status": "added", "changes": []},
            {
                "old": "v1:maps/old-name.cjm.yaml",
                "new": "v2:maps/renamed.cjm.yaml",
                "status": "renamed",
                "changes": [
                    {"op": "changed", "path": ["title"], "old": "Old name", "new": "New name"}
                ],
            },
            {
                "old": "v1:maps/shop.cjm.yaml",
                "new": "v2:maps/shop.cjm.yaml",
                "status": "modified",
                "changes": SHOP_V1_V2,
            },
        ]
    }
    assert result.changed


def test_a_persona_file_changed_alone_shows_in_the_maps_that_use_it(repo: Repo) -> None:
    # v3 changes personas/colleen.yaml (not shop.cjm.yaml) and adds a broken map.
    result = diff_revisions("v2", "v3", cwd=repo.root)
    assert result.record() == {
        "maps": [
            {
                "old": "v2:maps/shop.cjm.yaml",
                "new": "v3:maps/shop.cjm.yaml",
                "status": "modified",
                "changes": [
                    {
                        "op": "changed",
                        "path": ["persona", "profile"],
                        "old": None,
                        "new": "32, self-employed",
                    }
                ],
            }
        ]
    }
    # The broken map is reported as `cjmap validate` would, named by its revision.
    assert result.invalid == ["v3:maps/broken.cjm.yaml"]
    [problem] = result.problems
    assert (problem.file, problem.line, problem.column, problem.code) == (
        "v3:maps/broken.cjm.yaml",
        5,
        11,
        "CJM001",
    )
    assert result.source_of("v3:maps/broken.cjm.yaml") is not None


def test_the_working_tree_against_a_revision(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo.root)
    result = diff_revisions("v3", None, [Path("maps")])
    assert result.record() == {
        "maps": [
            {
                "old": "v3:maps/shop.cjm.yaml",
                "new": "maps/shop.cjm.yaml",
                "status": "modified",
                "changes": [
                    {"op": "changed", "path": ["owner"], "old": "CX team", "new": "Growth team"}
                ],
            },
            {"old": None, "new": "maps/draft.cjm.yaml", "status": "added", "changes": []},
        ]
    }
    assert not diff_revisions("v3", "v3").changed


def test_paths_narrow_the_maps_and_are_never_pathspec_magic(repo: Repo) -> None:
    only = diff_revisions("v1", "v2", [Path("maps/intl.cjm.yaml")], cwd=repo.root)
    assert [m.new for m in only.maps] == ["v2:maps/intl.cjm.yaml"]
    # `:(glob)` would match every map as pathspec magic; read literally it names no file.
    magic = diff_revisions("v1", "v2", [Path(":(glob)**/*.cjm.yaml")], cwd=repo.root)
    assert magic.maps == []


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        ("--output=/tmp/cjmap-pwned", "starts with '-'"),
        ("-p", "starts with '-'"),
        ("v1\n--help", "control characters"),
        ("no-such-branch", "unknown revision 'no-such-branch'"),
        ("", "empty"),
    ],
)
def test_hostile_or_unknown_revisions_are_refused(repo: Repo, revision: str, message: str) -> None:
    with pytest.raises(GitProblem, match=message):
        diff_revisions(revision, "v2", cwd=repo.root)
    assert not Path("/tmp/cjmap-pwned").exists()


def test_not_a_git_repository(tmp_path: Path) -> None:
    with pytest.raises(GitProblem, match="not in a git repository"):
        diff_revisions("main", None, cwd=tmp_path)


def test_a_persona_path_leaving_the_repository_at_a_revision_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (tmp_path / "secret.yaml").write_text("name: leaked\n", encoding="utf-8")
    root.mkdir()
    git("init", "-q", cwd=root)
    (root / "a.cjm.yaml").write_text("cjmap: 1\nkind: empathy\ntitle: A\n", encoding="utf-8")
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "one", cwd=root)
    (root / "a.cjm.yaml").write_text(
        "cjmap: 1\nkind: empathy\ntitle: A\npersona: ../secret.yaml\n", encoding="utf-8"
    )
    git("commit", "-q", "-am", "two", cwd=root)
    result = diff_revisions("HEAD~1", "HEAD", cwd=root)
    assert result.maps == []
    [problem] = result.problems
    assert problem.file == "HEAD:a.cjm.yaml" and (problem.line, problem.column) == (4, 10)
    assert "leaves the project root" in problem.message
    assert "leaked" not in json.dumps([p.message for p in result.problems])


def test_two_files(repo: Repo, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    old = tmp_path / "старая.cjm.yaml"
    new = tmp_path / "新.cjm.yaml"
    old.write_text(git("show", "v1:maps/intl.cjm.yaml", cwd=repo.root), encoding="utf-8")
    new.write_text(git("show", "v2:maps/intl.cjm.yaml", cwd=repo.root), encoding="utf-8")
    result = diff_files(old, new)
    [found] = result.maps
    assert (found.old, found.new, found.status.value) == (str(old), str(new), "modified")
    assert [c.record() for c in found.changes] == [
        {"op": "moved", "path": ["stages", "оплата"], "old": 2, "new": 0},
        {"op": "changed", "path": ["stages", "оплата", "feeling"], "old": -2, "new": -1},
        {"op": "changed", "path": ["stages", "发现", "feeling"], "old": 1, "new": 2},
        {
            "op": "changed",
            "path": ["stages", "发现", "feeling", "label"],
            "old": None,
            "new": "好奇",
        },
    ]


def test_git_external_diff_arguments(repo: Repo, tmp_path: Path) -> None:
    old = tmp_path / "old_shop.cjm.yaml"
    old.write_text(git("show", "v1:maps/shop.cjm.yaml", cwd=repo.root), encoding="utf-8")
    new = repo.root / "maps" / "shop.cjm.yaml"
    args = [
        "maps/shop.cjm.yaml",
        str(old),
        "0" * 40,
        "100644",
        str(new),
        "1" * 40,
        "100644",
    ]
    result = external_diff(args, cwd=repo.root)
    [found] = result.maps
    assert (found.old, found.new) == ("a/maps/shop.cjm.yaml", "b/maps/shop.cjm.yaml")
    # The working tree's persona file is read for both sides (git gives no revision).
    assert {"op": "changed", "path": ["owner"], "old": "CX team", "new": "Growth team"} in [
        c.record() for c in found.changes
    ]
    assert not any(c.path[0] == "persona" for c in found.changes)
    added = external_diff(
        ["maps/new.cjm.yaml", "/dev/null", ".", ".", str(new), ".", "."], cwd=repo.root
    )
    assert added.maps[0].status.value == "added"
    # An unmerged path: git passes the path alone, there is nothing to compare.
    assert external_diff(["maps/shop.cjm.yaml"], cwd=repo.root).maps == []
    with pytest.raises(GitProblem, match="7 \\(or 9\\) arguments"):
        external_diff(["maps/shop.cjm.yaml", str(old), "x"], cwd=repo.root)
