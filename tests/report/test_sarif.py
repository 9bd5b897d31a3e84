"""``--format sarif`` validates against the SARIF 2.1.0 schema and carries what code scanning
needs: rules with help text, levels, locations in code points, relative percent-encoded URIs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.registry import RULES
from cjmap.report import sarif
from cjmap.validate import validate_paths
from support import EXAMPLES, ROOT, run_cli

SCHEMA_FILE = Path(__file__).parent / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
TODAY = dt.date(2026, 11, 25)


def _validator() -> jsonschema.Draft4Validator:
    raw = SCHEMA_FILE.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256  # the vendored schema is untouched
    schema = json.loads(raw)
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def _errors(log: object) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(log)
    ]


def test_the_schema_catches_a_broken_log() -> None:
    # The validator is real: a log with a wrong level and no message fails.
    broken = sarif.report([], files=[])
    broken["runs"][0]["results"] = [{"ruleId": "CJM101", "level": "fatal"}]
    assert _errors(broken)


def _bad_map(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "карты"
    folder.mkdir()
    path = folder / "путь клиента.cjm.yaml"
    path.write_text(
        "cjmap: 1\nkind: current-state\ntitle: Оформление карты\nlang: ru\nstages:\n"
        "  - name: Поиск\n  - name: Покупка\n    touchpoints: [{name: Сайт, channel: website}]\n",
        encoding="utf-8",
    )
    return path


def test_lint_findings_validate_against_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _bad_map(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = validate_paths([path.relative_to(tmp_path)], today=TODAY)
    assert result.diagnostics
    log = json.loads(sarif.render(result.diagnostics, files=result.checked))
    assert _errors(log) == []
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        location = res["locations"][0]["physicalLocation"]
        assert (
            location["artifactLocation"]["uri"]
            == "%D0%BA%D0%B0%D1%80%D1%82%D1%8B/%D0%BF%D1%83%D1%82%D1%8C%20%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%D0%B0.cjm.yaml"
        )
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    touchpoints = next(r for r in run["results"] if r["ruleId"] == "CJM101")
    assert touchpoints["level"] == "error"
    assert touchpoints["message"]["text"].startswith("stage 'Поиск' has no touchpoints\nhelp: ")
    assert touchpoints["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 6,
        "startColumn": 5,
    }


def test_rules_carry_their_documentation() -> None:
    log = sarif.report([], files=[])
    assert _errors(log) == []
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    for rule in RULES:
        described = rules[rule.code]
        assert described["name"] == rule.name
        assert described["shortDescription"]["text"] == rule.summary
        assert "Why it matters" in described["help"]["text"]
        assert "## Why it matters" in described["help"]["markdown"]
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
        assert described["defaultConfiguration"]["level"] == level
    assert rules["CJM011"]["name"] == "unknown-key"  # format checks are rules too
    # Every rule, format checks included, has help for code scanning's rule panel.
    for described in rules.values():
        assert described["help"]["text"] and described["help"]["markdown"], described["id"]
    assert "Fix:" in rules["CJM001"]["help"]["text"]
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")


def test_schema_errors_and_every_severity_validate(tmp_path: Path) -> None:
    findings = [
        Diagnostic(
            "maps/a b.cjm.yaml",
            3,
            7,
            Severity.error,
            "CJM011",
            "unknown-key",
            "unknown key 'x'",
            "y",
        ),
        Diagnostic(
            "maps/a b.cjm.yaml", 4, 1, Severity.warning, "CJM106", "stale-review", "old", None
        ),
        Diagnostic(
            "/abs/путь.cjm.yaml",
            5,
            2,
            Severity.info,
            "CJM121",
            "persona-without-quote",
            "q",
            None,
            5,
            9,
        ),
        Diagnostic(".cjmap.yaml", 1, 1, Severity.error, "CJM009", "config", "bad", None),
    ]
    log = sarif.report(findings, files=["maps/a b.cjm.yaml"])
    assert _errors(log) == []
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note", "error"]
    assert (
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "maps/a%20b.cjm.yaml"
    )
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(
        "file:///abs/"
    )
    assert results[2]["locations"][0]["physicalLocation"]["region"]["endColumn"] == 9
    # CJM009 (the configuration file) is one of the loader's codes, so a rule of the run too.
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[3]["ruleIndex"]]["id"] == "CJM009"
    # The fingerprint follows the finding, not its line.
    moved = sarif.report(
        [
            Diagnostic(
                "maps/a b.cjm.yaml",
                30,
                7,
                Severity.error,
                "CJM011",
                "unknown-key",
                "unknown key 'x'",
                "y",
            )
        ],
        files=[],
    )
    assert (
        moved["runs"][0]["results"][0]["partialFingerprints"] == results[0]["partialFingerprints"]
    )


def test_cli_sarif_on_examples_is_valid_and_clean() -> None:
    result = run_cli("validate", "--format", "sarif", "--today", "2026-11-25", "examples")
    assert result.returncode == 0, result.stderr
    log = json.loads(result.stdout)
    assert _errors(log) == []
    artifacts = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert artifacts == sorted(str(p.relative_to(ROOT)) for p in EXAMPLES.rglob("*.cjm.yaml"))
    assert log["runs"][0]["results"] == []
