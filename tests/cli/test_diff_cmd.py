"""`cjmap diff` end to end: two files, two revisions, the exit codes, errors named REV:path,
refused revisions, and the documented git recipe (.gitattributes + diff.cjmap.command) run by
the real git on a real repository."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cjmap.cli import app
from diff.gitrepo import build, git

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("cli-diff") / "project").root


def cjmap(*args: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, ["diff", *args])


def test_two_files_as_json(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.cjm.yaml").write_text(
        git("show", "v1:maps/intl.cjm.yaml", cwd=repo), encoding="utf-8"
    )
    (tmp_path / "b.cjm.yaml").write_text(
        git("show", "v2:maps/intl.cjm.yaml", cwd=repo), encoding="utf-8"
    )
    done = cjmap("a.cjm.yaml", "b.cjm.yaml", "-f", "json", cwd=tmp_path, monkeypatch=monkeypatch)
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout) == {
        "maps": [
            {
                "old": "a.cjm.yaml",
                "new": "b.cjm.yaml",
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
            }
        ]
    }
    changed = cjmap(
        "a.cjm.yaml", "b.cjm.yaml", "--exit-code", cwd=tmp_path, monkeypatch=monkeypatch
    )
    assert changed.exit_code == 1
    same = cjmap("a.cjm.yaml", "a.cjm.yaml", "--exit-code", cwd=tmp_path, monkeypatch=monkeypatch)
    assert same.exit_code == 0
    assert (
        same.stdout == "a.cjm.yaml\n  国际\n  no change to the journey\n\nNo journey map changed.\n"
    )


def test_revisions_write_markdown_to_a_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = repo.parent / "diff.md"
    done = cjmap(
        "--base",
        "v1",
        "--head",
        "v2",
        "-f",
        "markdown",
        "-o",
        str(out),
        cwd=repo,
        monkeypatch=monkeypatch,
    )
    assert done.exit_code == 0, done.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!-- cjmap-diff -->\n## Journey diff\n")
    assert "```mermaid" in text


def test_errors_in_a_version_are_reported_as_validate_does(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = cjmap("--base", "v2", "--head", "v3", cwd=repo, monkeypatch=monkeypatch)
    assert done.exit_code == 1
    assert done.stderr.startswith(
        "v3:maps/broken.cjm.yaml:5:11: error: the '[' opened here is never closed"
    )
    assert "    5 |   - name: [unclosed\n      |           ^\n" in done.stderr
    assert "Persona\n    ~ profile: (none) → “32, self-employed”" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", "--output=/tmp/x"], "refusing the revision '--output=/tmp/x'"),
        (["--base", "v1", "--head", "-p"], "refusing the revision '-p'"),
        (["--base", "nope"], "unknown revision 'nope'"),
        (["only-one.cjm.yaml"], "give two map files"),
        (["--head", "v1"], "--head needs --base"),
        (["a.cjm.yaml", "missing.cjm.yaml"], "no such file"),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(
    repo: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    done = cjmap(*args, cwd=repo, monkeypatch=monkeypatch)
    assert done.exit_code == 2, done.output
    assert message in done.stderr
    assert "Traceback" not in done.output


def test_not_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    done = cjmap("--base", "main", cwd=tmp_path, monkeypatch=monkeypatch)
    assert done.exit_code == 2
    assert "is not in a git repository" in done.stderr


def _recipe() -> tuple[list[str], str]:
    """The .gitattributes lines and the git config command, as docs/diff.md gives them."""
    doc = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    attributes = re.search(r"```gitattributes\n(.*?)```", doc, re.S)
    command = re.search(r'\$ git config diff\.cjmap\.command "(.*?)"', doc)
    assert attributes is not None and command is not None
    return attributes.group(1).splitlines(), command.group(1)


def test_the_documented_git_recipe(repo: Path, tmp_path: Path) -> None:
    attributes, command = _recipe()
    assert attributes == ["*.cjm.yaml diff=cjmap", "*.cjm.yml diff=cjmap"]
    assert command == "cjmap diff --git-external-diff"
    clone = tmp_path / "clone"
    git("clone", "-q", str(repo), str(clone), cwd=tmp_path)
    (clone / ".gitattributes").write_text("\n".join(attributes) + "\n", encoding="utf-8")
    # The documented command, with this interpreter's cjmap (git runs it through the shell).
    here = command.replace("cjmap", f"{shlex.quote(sys.executable)} -m cjmap", 1)
    git("config", "diff.cjmap.command", here, cwd=clone)
    env = {**os.environ, "GIT_PAGER": "cat", "NO_COLOR": "1"}

    def run(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=clone, env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    # git diff: one real cjmap run, for the one map named.
    shown = run("diff", "v1", "v2", "--", "maps/shop.cjm.yaml")
    assert "a/maps/shop.cjm.yaml → b/maps/shop.cjm.yaml" in shown
    assert "    ✓ pain point resolved: “The site is slow”" in shown
    assert "@@" not in shown  # no line diff of the YAML
    # git log -p --ext-diff: the second (and last) real cjmap run.
    log = run(
        "log", "-p", "--ext-diff", "--format=commit %s", "-1", "v2", "--", "maps/intl.cjm.yaml"
    )
    assert log.splitlines()[:5] == [
        "commit v2",
        "",
        "a/maps/intl.cjm.yaml → b/maps/intl.cjm.yaml",
        "  国际",
        "  Stage “Оплата” (moved)",
    ]
