"""cli/output.py: what commands print is UTF-8 whatever the console's encoding, and an output
that cannot be written is exit code 2 with one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

ZH_MAP = "\n".join(
    [
        "cjmap: 1",
        "kind: current-state",
        "title: 网上购物",
        "lang: zh",
        "stages:",
        "  - id: 发现",
        "    name: 发现",
        "  - id: 比较",
        "    name: 比较",
        "  - id: 购买",
        "    name: 购买",
        "",
    ]
)


def _run(*args: str, encoding: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "cjmap", *args], cwd=cwd, env=env, capture_output=True, timeout=60
    )


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_new_prints_a_chinese_starter_as_utf8_on_a_legacy_console(
    encoding: str, tmp_path: Path
) -> None:
    done = _run("new", "--template", "empathy", "--lang", "zh", encoding=encoding, cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")
    assert "kind: empathy" in text and "lang: zh" in text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_validate_reports_chinese_ids_as_utf8_on_a_legacy_console(fmt: str, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "m.cjm.yaml").write_text(ZH_MAP, encoding="utf-8")
    done = _run("validate", "--format", fmt, "m.cjm.yaml", encoding="cp1252", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")
    assert "m.cjm.yaml" in text
    assert "internal error" not in done.stderr.decode("utf-8", "replace")


def test_an_output_that_cannot_be_written_is_exit_2_and_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.json"
    done = _run(
        "validate",
        "--format",
        "json",
        "-o",
        str(target),
        str(ROOT / "examples" / "colleen" / "current.cjm.yaml"),
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert err.startswith("cjmap: ") and "missing-folder" in err and "Traceback" not in err
    assert not target.exists()


def _zh_project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "地图"  # a folder name in Chinese: every path printed carries it
    folder.mkdir()
    (folder / "购物.cjm.yaml").write_text(ZH_MAP, encoding="utf-8")
    return folder / "购物.cjm.yaml"


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{map}"],
        ["validate", "--format", "github", "{map}"],
        ["render", "{map}", "-o", "{dir}/出.html"],
        ["render", "{dir}/missing/不在.cjm.yaml", "-o", "{dir}/x.html"],
        ["new", "--lang", "ru"],
        ["new", "--lang", "mk", "-o", "{dir}/нова.cjm.yaml"],
        ["schema"],
        ["rules", "CJM101"],
        ["doctor"],
    ],
    ids=lambda a: "-".join(a) if isinstance(a, list) else a,
)
def test_every_command_prints_on_a_legacy_console_encoding(
    args: list[str], encoding: str, tmp_path: Path
) -> None:
    path = _zh_project(tmp_path)
    filled = [a.format(map=path, dir=path.parent) for a in args]
    done = _run(*filled, encoding=encoding, cwd=tmp_path)
    err = done.stderr.decode("utf-8")  # UTF-8 whatever PYTHONIOENCODING says
    out = done.stdout.decode("utf-8")
    assert done.returncode in (0, 1, 2), err
    assert "internal error" not in err and "Traceback" not in err
    if any("{" in a for a in args):
        assert "地图" in out + err  # the Chinese folder name is printed, not replaced or escaped


def test_fail_is_a_system_exit_2_after_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    # Not typer.Exit: the plain validate path imports no typer, and typer lets it through.
    from cjmap.cli.output import fail

    stop = fail("--lang 'xx' is not a language tag")
    assert type(stop) is SystemExit and stop.code == 2
    assert capsys.readouterr().err == "cjmap: --lang 'xx' is not a language tag\n"
