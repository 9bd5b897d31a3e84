"""cli/fastpath.py: a plain ``cjmap validate`` read by hand reads exactly what typer reads, or
leaves the command line to typer; the console script then runs without typer and prints the
same bytes as the typer command."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cjmap.cli import app
from cjmap.cli.core import app_for
from cjmap.cli.fastpath import read_plain_validate
from cjmap.cli.validate_cmd import validate_command
from cjmap.cli.validate_run import ValidateOptions
from support import WARNINGS_ONLY_MAP

# (argv after `cjmap`, whether the fast path must take it)
CASES: list[tuple[list[str], bool]] = [
    (["validate", "m.cjm.yaml"], True),
    (["validate", "a.cjm.yaml", "maps", "b.cjm.yaml"], True),
    (["validate", "maps/my map.cjm.yaml"], True),
    (["validate", "地图/购物.cjm.yaml", "карты/путь.cjm.yaml", "мапи/ѓ.cjm.yaml"], True),
    (["validate", "🗺️ maps"], True),
    (["validate", "C:\\maps\\a.cjm.yaml"], True),
    (["validate", "./a//b/../c.cjm.yaml"], True),
    (["validate", "validate"], True),
    (["validate", "--format", "json", "m"], True),
    (["validate", "--format=json", "m"], True),
    (["validate", "-f", "sarif", "m"], True),
    (["validate", "m", "-f", "github"], True),
    (["validate", "--format", "markdown", "m", "--format", "text"], True),
    (["validate", "--strict", "m"], True),
    (["validate", "m", "--strict", "--strict", "--no-lint", "--no-source"], True),
    (["validate", "--today", "2026-11-25", "m"], True),
    (["validate", "--today=2026-11-25", "m"], True),
    (["validate", "--today", "25.11.2026", "m"], True),  # typer reads a string; the run refuses it
    (["validate", "--today", "1", "--today", "2", "m"], True),
    (["validate", "--config", "cfg/.cjmap.yaml", "m"], True),
    (["validate", "--config=пример.toml", "m"], True),
    (["validate", "--select", "CJM101", "m"], True),
    (["validate", "--select", "CJM101,stale-map", "--select=CJM102", "m"], True),
    (["validate", "--ignore", "CJM105", "--ignore", "no-such-rule", "m"], True),
    (["validate", "--select", "a", "--ignore", "b", "m", "--select", "c"], True),
    (["validate", "-o", "out.json", "m"], True),
    (["validate", "--output", "报告.sarif", "m", "-o", "last.sarif"], True),
    (["validate", "--output=out dir/r.md", "m"], True),
    (
        [
            *["validate", "-f", "json", "--strict", "--today", "2026-01-01", "--config", "c.yaml"],
            *["--select", "x", "--ignore", "y", "--no-lint", "-o", "o.json", "--no-source", "m"],
        ],
        True,
    ),
    # Left to typer: its help, its errors, and whatever is not certain.
    (["validate"], False),
    (["validate", "--strict"], False),
    (["validate", "--help"], False),
    (["validate", "m", "--help"], False),
    (["validate", "-h", "m"], False),
    (["validate", "--", "-odd.cjm.yaml"], False),
    (["validate", "-", "m"], False),
    (["validate", "--format", "JSON", "m"], False),
    (["validate", "--format", "yaml", "m"], False),
    (["validate", "-f=json", "m"], False),
    (["validate", "-fjson", "m"], False),
    (["validate", "--form", "json", "m"], False),
    (["validate", "m", "--today"], False),
    (["validate", "m", "--today="], False),
    (["validate", "m", "--today", "--strict"], False),
    (["validate", "m", "-o", "-"], False),
    (["validate", "m", "--strict=yes"], False),
    (["validate", "m", "--no-such-option"], False),
    (["validate", ""], False),
    (["validate", "bad-\udcff-bytes.cjm.yaml"], False),
    (["--version", "validate", "m"], False),
    (["Validate", "m"], False),
    (["render", "m"], False),
    ([], False),
]


@pytest.fixture(scope="module")
def typer_reading() -> Iterator[tuple[CliRunner, typer.Typer, list[ValidateOptions]]]:
    """The real app's root and settings with the real ``validate`` command, built by the same
    factory but handing what typer read to a recorder instead of running it."""
    seen: list[ValidateOptions] = []

    def record(options: ValidateOptions) -> int:
        seen.append(options)
        return 0

    recording = copy.copy(app)
    recording.registered_commands = []
    recording.command()(validate_command(record))
    yield CliRunner(), recording, seen


@pytest.mark.parametrize(("args", "fast"), CASES, ids=lambda v: repr(v)[:60])
def test_the_fast_reading_is_typers_or_none(
    args: list[str], fast: bool, typer_reading: tuple[CliRunner, typer.Typer, list[ValidateOptions]]
) -> None:
    runner, recording, seen = typer_reading
    seen.clear()
    mine = read_plain_validate(args, {}, windows=False)
    assert (mine is not None) == fast
    if mine is None:
        return
    result = runner.invoke(recording, args, prog_name="cjmap")
    assert result.exit_code == 0, result.output
    assert seen == [mine]


def test_windows_leaves_what_click_would_expand_to_typer() -> None:
    assert read_plain_validate(["validate", "C:\\maps\\a.cjm.yaml"], {}, windows=True) == (
        ValidateOptions(paths=[Path("C:\\maps\\a.cjm.yaml")])
    )
    for token in ("*.cjm.yaml", "~\\maps", "%USERPROFILE%\\m", "$HOME", "m[1].cjm.yaml"):
        assert read_plain_validate(["validate", token], {}, windows=True) is None
        assert read_plain_validate(["validate", "m", "-o", token], {}, windows=True) is None
        assert read_plain_validate(["validate", token], {}, windows=False) is not None


def test_shell_completion_is_left_to_typer() -> None:
    args = ["validate", "m"]
    assert read_plain_validate(args, {"_CJMAP_COMPLETE": "bash_complete"}, windows=False) is None


# --- the console script: no typer, the same bytes --------------------------------------------

MAP_WITH_PROBLEMS = """\
cjmap: 1
kind: current-state
title: Поиск 研究 и споредба 🛒
owner: CX
reviewed: 2020-01-01
stages:
  - name: 研究
    touchpoints:
      - channel: сайт
        name: Веб-сайт
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fastpath")
    (root / ".git").mkdir()
    folder = root / "карты 地图"
    folder.mkdir()
    (folder / "поиск.cjm.yaml").write_text(MAP_WITH_PROBLEMS, encoding="utf-8")
    (root / "colleen.cjm.yaml").write_text(WARNINGS_ONLY_MAP, encoding="utf-8")
    (root / "bad.cjmap.yaml").write_text("lint:\n  rules:\n    nope: 1\n", encoding="utf-8")
    return root


MAPS = ["карты 地图/поиск.cjm.yaml", "colleen.cjm.yaml"]
TODAY = ["--today", "2026-11-25"]


def _console(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "cjmap", *args], cwd=cwd, env=env, capture_output=True, timeout=60
    )


@pytest.mark.parametrize(
    "args",
    [
        ["validate", *TODAY, *MAPS],
        ["validate", "-f", "json", *TODAY, *MAPS],
        ["validate", "--format=github", *TODAY, *MAPS],
        ["validate", "-f", "sarif", "--strict", *TODAY, *MAPS],
        ["validate", "--format", "markdown", "--no-source", *TODAY, *MAPS],
        ["validate", "--ignore", "CJM105", "--select=CJM105,CJM106", *TODAY, *MAPS],
        ["validate", "-f", "json", "-o", "{out}", *TODAY, *MAPS],
        ["validate", *TODAY, "no/such/map.cjm.yaml", "colleen.cjm.yaml"],
        ["validate", "no/such/map.cjm.yaml"],
        ["validate", "--today", "25.11.2026", *MAPS],
        ["validate", "--select", "CJM1O2", *MAPS],
        ["validate", "--config", "bad.cjmap.yaml", *MAPS],
        ["validate", "-o", "no/such/folder/r.txt", *TODAY, *MAPS],
    ],
    ids=lambda a: " ".join(a[1:])[:50],
)
def test_the_console_prints_what_the_typer_command_prints(
    args: list[str], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_args = [a.format(out="fast.out") for a in args]
    typer_args = [a.format(out="typer.out") for a in args]
    assert read_plain_validate(fast_args, {}) is not None  # the console takes the fast path
    fast = _console(fast_args, project)
    monkeypatch.chdir(project)
    typed = CliRunner().invoke(app_for(typer_args), typer_args, prog_name="cjmap")
    assert "Traceback" not in fast.stderr.decode("utf-8")
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        typed.exit_code,
        typed.stdout_bytes,
        typed.stderr_bytes,
    )
    if "{out}" in args:
        written = (project / "fast.out").read_bytes()
        assert written == (project / "typer.out").read_bytes()
        assert b'"CJM010"' in written
    else:
        assert fast.stdout or fast.stderr  # something was said


def test_the_console_validates_without_typer_and_leaves_help_to_it(project: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    timed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cjmap", "validate", *TODAY, *MAPS],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert timed.returncode == 1 and "CJM010" in timed.stdout
    imported = {
        line.split("|")[-1].strip() for line in timed.stderr.splitlines() if "import time:" in line
    }
    assert {"cjmap.cli.fastpath", "cjmap.validate"} <= imported  # the log is what it seems
    assert not {m for m in imported if m.split(".")[0] in ("typer", "click")}

    help_ = _console(["validate", "--help"], project)
    assert help_.returncode == 0
    assert help_.stdout.decode("utf-8").startswith("Usage: cjmap validate [OPTIONS] {paths}...")
    assert b"--no-source" in help_.stdout

    bare = _console(["validate"], project)
    assert bare.returncode == 2
    assert bare.stderr.decode("utf-8").endswith("Error: Missing argument 'paths'.\n")
