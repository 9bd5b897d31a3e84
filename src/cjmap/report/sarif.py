"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; the tool's rules are every lint rule (with its documentation as help text) and every
format check (CJM0xx). Columns are counted in Unicode code points (``columnKind``), like every
cjmap position. File paths are URIs relative to ``%SRCROOT%`` (the working folder of the run),
percent-encoded, so names in any script survive. Each result carries a partial fingerprint
built from the file, the rule and the message (not the line), so code scanning can follow a
finding when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from cjmap import __version__
from cjmap.diagnostics import Diagnostic, Severity
from cjmap.load.codes import LOADER_CODES
from cjmap.report import Findings, Style

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def _rules() -> list[dict[str, Any]]:
    from cjmap.lint.docs import rule_markdown, rule_text
    from cjmap.lint.registry import RULES

    described: list[dict[str, Any]] = []
    for code, (name, summary) in sorted(LOADER_CODES.items()):
        described.append(
            {
                "id": code,
                "name": name,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": f"{summary} A format check: it cannot be disabled."},
                "defaultConfiguration": {"level": "error"},
                "properties": {"tags": ["cjmap", "format"]},
            }
        )
    for rule in RULES:
        described.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.section("What it flags")},
                "help": {"text": rule_text(rule), "markdown": rule_markdown(rule, level=1)},
                "defaultConfiguration": {"level": LEVEL[rule.severity]},
                "properties": {"tags": ["cjmap", "lint"]},
            }
        )
    return described


def uri(file: str) -> str:
    """A file as SARIF wants it: a relative URI (``/`` separators, percent-encoded)."""
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/-._~")


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    text = d.message if not d.hint else f"{d.message}\nhelp: {d.hint}"
    region: dict[str, int] = {"startLine": d.line, "startColumn": d.column}
    if d.end_line is not None:
        region["endLine"] = d.end_line
    if d.end_column is not None:
        region["endColumn"] = d.end_column
    fingerprint = hashlib.sha256(f"{d.file}\0{d.code}\0{d.message}".encode()).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVEL[d.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(d.file), "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"cjmapFinding/v1": fingerprint},
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    return result


def report(diagnostics: list[Diagnostic], *, files: list[str]) -> dict[str, Any]:
    """The SARIF log as Python data."""
    rules = _rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cjmap",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
                "artifacts": [
                    {
                        "location": {"uri": uri(f), "uriBaseId": "%SRCROOT%"},
                        "roles": ["analysisTarget"],
                    }
                    for f in files
                ],
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index) for d in diagnostics],
            }
        ],
    }


def render(diagnostics: list[Diagnostic], *, files: list[str]) -> str:
    return json.dumps(report(diagnostics, files=files), ensure_ascii=False, indent=2) + "\n"


def write(findings: Findings, out: TextIO, style: Style) -> None:
    """The sarif printer of :data:`cjmap.report.REPORTER_BY_NAME`."""
    out.write(render(findings.diagnostics, files=findings.files))
