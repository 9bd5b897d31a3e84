"""`cjmap validate` with the linter: exit codes, --strict, --today, --no-lint, -o, and
`cjmap rules`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cjmap.lint.registry import RULES
from support import WARNINGS_ONLY_MAP, run_cli


def _map(tmp_path: Path, text: str, name: str = "m.cjm.yaml") -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    _map(tmp_path, WARNINGS_ONLY_MAP)
    plain = run_cli("validate", "--today", "2026-11-25", "m.cjm.yaml", cwd=tmp_path)
    assert plain.returncode == 0, plain.stdout
    assert (
        "m.cjm.yaml:6:68: warning: persona 'Curious Colleen' has no research sources"
        in plain.stdout
    )
    assert plain.stdout.splitlines()[-1] == "1 file checked: 1 warning in 1 file"
    strict = run_cli("validate", "--strict", "--today", "2026-11-25", "m.cjm.yaml", cwd=tmp_path)
    assert strict.returncode == 1


def test_info_never_fails(tmp_path: Path) -> None:
    _map(
        tmp_path,
        WARNINGS_ONLY_MAP.replace("sources: []", "sources: [{kind: survey}]").replace(
            ", quote: c", ""
        ),
    )
    result = run_cli("validate", "--strict", "--today", "2026-11-25", "m.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 0
    assert (
        "info: persona 'Curious Colleen' has no quote [CJM121 persona-without-quote]"
        in result.stdout
    )


def test_today_decides_staleness_and_defaults_to_the_real_date(tmp_path: Path) -> None:
    _map(tmp_path, WARNINGS_ONLY_MAP.replace("reviewed: 2026-11-01", "reviewed: 2020-01-01"))
    real = run_cli("validate", "-f", "json", "m.cjm.yaml", cwd=tmp_path)
    data = json.loads(real.stdout)
    assert data["today"] == dt.date.today().isoformat()
    assert "CJM106" in {d["code"] for d in data["diagnostics"]}
    pinned = run_cli("validate", "-f", "json", "--today", "2020-02-01", "m.cjm.yaml", cwd=tmp_path)
    assert "CJM106" not in {d["code"] for d in json.loads(pinned.stdout)["diagnostics"]}


def test_bad_today_is_a_usage_error(tmp_path: Path) -> None:
    _map(tmp_path, WARNINGS_ONLY_MAP)
    result = run_cli("validate", "--today", "25.11.2026", "m.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "--today '25.11.2026' is not a date; write it as YYYY-MM-DD" in result.stderr


def test_schema_errors_block_linting_of_that_map_only(tmp_path: Path) -> None:
    _map(
        tmp_path,
        "cjmap: 1\nkind: current-state\ntitle: X\nstages:\n  - name: A\n    touchpionts: []\n",
        "a.cjm.yaml",
    )
    _map(tmp_path, "cjmap: 1\nkind: current-state\ntitle: X\nstages:\n  - name: A\n", "b.cjm.yaml")
    result = run_cli("validate", "-f", "json", "--today", "2026-11-25", ".", cwd=tmp_path)
    found = json.loads(result.stdout)["diagnostics"]
    assert [d["code"] for d in found if d["file"] == "a.cjm.yaml"] == ["CJM011"]
    assert "CJM101" in {d["code"] for d in found if d["file"] == "b.cjm.yaml"}


def test_no_lint_checks_the_format_only(tmp_path: Path) -> None:
    _map(tmp_path, "cjmap: 1\nkind: current-state\ntitle: X\nstages: []\n")
    assert run_cli("validate", "m.cjm.yaml", cwd=tmp_path).returncode == 1  # CJM125 empty-map
    result = run_cli("validate", "--no-lint", "m.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 0
    assert "no problems" in result.stdout


def test_output_file_is_written_whole_and_never_through_a_symlink(tmp_path: Path) -> None:
    _map(tmp_path, WARNINGS_ONLY_MAP)
    out = tmp_path / "cjmap.sarif"
    result = run_cli(
        "validate",
        "-f",
        "sarif",
        "-o",
        str(out),
        "--today",
        "2026-11-25",
        "m.cjm.yaml",
        cwd=tmp_path,
    )
    assert result.returncode == 0 and result.stdout == ""
    assert (
        json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "CJM105"
    )
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    refused = run_cli("validate", "-f", "json", "-o", str(link), "m.cjm.yaml", cwd=tmp_path)
    assert refused.returncode == 2
    assert "symlink" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me"


def test_persona_file_named_alone_gets_the_persona_rules(tmp_path: Path) -> None:
    _map(
        tmp_path,
        "name: Анна\ngoals: [Карта с кешбэком]\nneeds: [Доставка]\nquote: Всё просто.\n",
        "anna.yaml",
    )
    result = run_cli("validate", "-f", "json", "anna.yaml", cwd=tmp_path)
    assert [(d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]] == [
        ("CJM105", 1)
    ]


def test_rules_lists_every_rule() -> None:
    result = run_cli("rules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for rule in RULES:
        assert any(
            line.startswith(f"{rule.code}  {rule.name} ") and rule.summary in line for line in lines
        )


def test_rules_prints_one_rule_by_code_or_name() -> None:
    by_code = run_cli("rules", "CJM102")
    by_name = run_cli("rules", "pain-point-without-opportunity")
    assert by_code.returncode == 0 and by_code.stdout == by_name.stdout
    text = by_code.stdout
    assert text.startswith("CJM102 pain-point-without-opportunity (default severity: warning)\n")
    for section in ("What it flags:", "Why it matters:", "Example:", "Fix:"):
        assert f"\n{section}\n" in text
    options = run_cli("rules", "CJM107").stdout
    assert "min_stages (default 3)" in options


def test_rules_unknown_and_format_codes() -> None:
    unknown = run_cli("rules", "CJM1O2")
    assert unknown.returncode == 2
    assert "unknown rule 'CJM1O2'" in unknown.stderr
    fmt = run_cli("rules", "CJM011")
    assert fmt.returncode == 0 and fmt.stdout.startswith("CJM011 unknown-key (format check")
