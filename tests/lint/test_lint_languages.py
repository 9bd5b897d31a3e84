"""A map in each of the four languages gets the right findings, and they print correctly: in
the terminal text (with the source excerpt and a caret under the right character, CJK being two
cells wide), in JSON, and with a C locale."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support import EXAMPLES, ROOT, run_cli

LANGUAGES = Path(__file__).parent / "languages"
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (\w+) (CJM\d{3}) (.+)$")
FINDING = re.compile(r"^(.+?):(\d+):(\d+): (error|warning|info): (.+) \[(CJM\d{3}) [a-z-]+\]$")


def _expected(path: Path) -> set[tuple[int, int, str, str, str]]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = EXPECT.match(line)
        if match:
            row, col, severity, code, message = match.groups()
            out.add((int(row), int(col), severity, code, message))
    return out


def _findings(stdout: str) -> set[tuple[int, int, str, str, str]]:
    out = set()
    for line in stdout.splitlines():
        match = FINDING.match(line)
        if match:
            _, row, col, severity, message, code = match.groups()
            out.add((int(row), int(col), severity, code, message))
    return out


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "mk"])
def test_findings_in_each_language_print_correctly(lang: str) -> None:
    path = LANGUAGES / f"{lang}.cjm.yaml"
    result = run_cli("validate", "--today", "2026-11-25", str(path.relative_to(ROOT)))
    assert result.returncode == 1, result.stderr
    assert _findings(result.stdout) == _expected(path)
    lines = result.stdout.splitlines()
    # The source excerpt quotes the line as written, and the caret sits under the stage's name.
    at = next(i for i, line in enumerate(lines) if "[CJM109 " in line)
    source_line = path.read_text(encoding="utf-8").splitlines()[11]
    assert lines[at + 1] == f"   12 | {source_line}"
    assert lines[at + 2] == "      |     ^"
    assert lines[-1] == "1 file checked: 1 error, 2 warnings in 1 file"


def test_caret_counts_cjk_as_two_cells() -> None:
    result = run_cli(
        "validate",
        "--today",
        "2026-11-25",
        "--select",
        "CJM102",
        "tests/lint/languages/zh.cjm.yaml",
    )
    lines = result.stdout.splitlines()
    assert lines[1] == "   18 |       - id: 夜间客服无人"
    assert lines[2] == "      |         ^"


@pytest.mark.parametrize("lang", ["zh", "ru", "mk"])
def test_json_and_c_locale_keep_the_text(lang: str) -> None:
    path = str((LANGUAGES / f"{lang}.cjm.yaml").relative_to(ROOT))
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIOENCODING"))
    }
    env.update({"LC_ALL": "C", "NO_COLOR": "1"})
    for fmt in ("text", "json", "github"):
        done = subprocess.run(
            [sys.executable, "-m", "cjmap", "validate", "-f", fmt, "--today", "2026-11-25", path],
            cwd=ROOT,
            capture_output=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 1, done.stderr
        text = done.stdout.decode("utf-8")  # valid UTF-8 whatever the locale
        name = {"zh": "比较与咨询", "ru": "Оформление заявки", "mk": "Плаќање и термин"}[lang]
        assert f"stage '{name}' has no touchpoints" in text
        if fmt == "json":
            assert any(d["code"] == "CJM101" for d in json.loads(text)["diagnostics"])


def test_examples_in_all_languages_are_clean_on_a_pinned_day() -> None:
    result = run_cli("validate", "--strict", "--today", "2026-11-25", "examples")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("10 files checked: no problems")


def test_examples_go_stale_in_every_language() -> None:
    result = run_cli("validate", "-f", "json", "--today", "2027-06-01", "examples")
    assert result.returncode == 0  # staleness and overdue items are warnings
    found = json.loads(result.stdout)["diagnostics"]
    stale = {Path(d["file"]).parent.name for d in found if d["code"] == "CJM106"}
    assert {"colleen", "mk", "ru", "zh"} <= stale
    overdue = [d for d in found if d["code"] == "CJM113"]
    assert any(
        "examples/mk/" in d["file"] and "Поправка на пренасочувањето" in d["message"]
        for d in overdue
    )
    assert any(
        "examples/zh/" in d["file"] and "商品页增加运费与送达日期计算组件" in d["message"]
        for d in overdue
    )
    assert {d["code"] for d in found} <= {"CJM106", "CJM113"}
    strict = run_cli("validate", "--strict", "--today", "2027-06-01", "examples")
    assert strict.returncode == 1


def test_language_rule_does_not_flag_the_examples_own_mixed_text() -> None:
    # ru: SMS-код, CTR, NPS, IT; zh: IT部; en/mk: none. No language findings at any date.
    result = run_cli(
        "validate", "-f", "json", "--select", "CJM115", str(EXAMPLES.relative_to(ROOT))
    )
    assert json.loads(result.stdout)["diagnostics"] == []
