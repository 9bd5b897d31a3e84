"""cli/validate_run.py: the body of ``cjmap validate`` as a library call, typer or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cjmap.cli.validate_run import ValidateOptions, run_validate

WARNING_ONLY = """\
cjmap: 1
kind: empathy
title: Колин выбирает пылесос 🧹
lang: ru
owner: CX
reviewed: 2026-11-01
persona: {name: Curious Colleen, goals: [a], needs: [b], quote: c, sources: []}
empathy: {says: [a], thinks: [b], does: [c], feels: [d], pains: [e], gains: [f]}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "m.cjm.yaml").write_text(WARNING_ONLY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_exit_code_is_returned(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = ValidateOptions(paths=[Path("m.cjm.yaml")], today="2026-11-25")
    assert run_validate(plain) == 0
    assert capsys.readouterr().out.endswith("1 file checked: 1 warning in 1 file\n")
    assert run_validate(ValidateOptions(paths=plain.paths, today="2026-11-25", strict=True)) == 1
    assert run_validate(ValidateOptions(paths=plain.paths, no_lint=True)) == 0
    assert run_validate(ValidateOptions(paths=[Path("gone.cjm.yaml")])) == 2
    assert capsys.readouterr().err == "cjmap: gone.cjm.yaml: no such file or folder\n"


def test_the_options_reach_the_report(project: Path) -> None:
    options = ValidateOptions(
        paths=[Path("m.cjm.yaml")],
        output_format="json",
        today="2026-11-25",
        output=Path("r.json"),
        ignore=["CJM105"],
    )
    assert run_validate(options) == 0
    report = json.loads((project / "r.json").read_text(encoding="utf-8"))
    assert report["today"] == "2026-11-25" and report["diagnostics"] == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ValidateOptions(paths=[Path("m.cjm.yaml")], today="25.11.2026"),
            "cjmap: --today '25.11.2026' is not a date; write it as",
        ),
        (
            ValidateOptions(paths=[Path("m.cjm.yaml")], select=["CJM1O2"]),
            "cjmap: --select: unknown rule 'CJM1O2' (did you mean 'CJM102'?)",
        ),
    ],
)
def test_a_usage_error_is_exit_2_after_its_message(
    options: ValidateOptions, message: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        run_validate(options)
    assert stop.value.code == 2
    assert capsys.readouterr().err.startswith(message)
