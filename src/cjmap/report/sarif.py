"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; the tool's rules are every lint rule (with its documentation as help text) and every
format check (CJM0xx), each with help text. Columns are counted in Unicode code points
(``columnKind``), like every cjmap position. File paths are URIs relative to ``%SRCROOT%``, the
repository root (:mod:`cjmap.report.paths`: where code scanning looks them up, whatever folder
cjmap ran in), percent-encoded, so names in any script survive. Each result carries a partial fingerprint
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
from cjmap.report.paths import from_root, repository_root

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/cjmap/"
"""The tool's home page in SARIF (``informationUri``): the package page, which links the docs."""
LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}

FORMAT_CHECK_FIX: dict[str, str] = {
    "CJM001": "Fix the YAML at the place named: an unclosed bracket or quote (the message "
    "says where it opened), a tab used for indentation, or a key indented differently "
    "from its siblings.",
    "CJM002": "Save the file as UTF-8 (without a byte order mark other than UTF-8's).",
    "CJM003": "Keep one of the two keys: merge their values, or rename one if they were "
    "meant to be different keys.",
    "CJM004": "Write the value out instead of an anchor or alias, drop the tag, keep one "
    "document per file and nest less deeply.",
    "CJM005": "Start the map with `cjmap: 1`, the format version this cjmap reads.",
    "CJM006": "Point the reference at a regular UTF-8 file inside the project (relative "
    "path, `/` separators, the file's exact case), at most 8 MiB.",
    "CJM009": "Correct the configuration at the place named; `cjmap rules` lists the rule "
    "codes and names the configuration may use.",
    "CJM010": "Give the value the type and range the message asks for; docs/format.md "
    "describes every key.",
    "CJM011": "Correct the key's spelling (the message suggests the closest known key) or "
    "move it to the level where it belongs.",
    "CJM012": "Add the missing key; `cjmap new` writes a map with every required key.",
    "CJM020": "Name an id that exists (the message lists the close ones), or the path of an "
    "existing file for `persona` and `compares`.",
    "CJM021": "Give each stage, pain point and opportunity its own id.",
}
"""How to fix each format check: with its summary, the SARIF ``help`` of the check."""


def _rules() -> list[dict[str, Any]]:
    from cjmap.lint.docs import rule_markdown, rule_text
    from cjmap.lint.registry import RULES

    described: list[dict[str, Any]] = []
    for code, (name, summary) in sorted(LOADER_CODES.items()):
        full = f"{summary} A format check: always an error; it cannot be disabled."
        fix = FORMAT_CHECK_FIX[code]
        described.append(
            {
                "id": code,
                "name": name,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": full},
                "help": {
                    "text": f"{full}\n\nFix: {fix}",
                    "markdown": f"{full}\n\n**Fix:** {fix}",
                },
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


def _result(d: Diagnostic, index: dict[str, int], file: str) -> dict[str, Any]:
    text = d.message if not d.hint else f"{d.message}\nhelp: {d.hint}"
    region: dict[str, int] = {"startLine": d.line, "startColumn": d.column}
    if d.end_line is not None:
        region["endLine"] = d.end_line
    if d.end_column is not None:
        region["endColumn"] = d.end_column
    fingerprint = hashlib.sha256(f"{file}\0{d.code}\0{d.message}".encode()).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVEL[d.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(file), "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"cjmapFinding/v1": fingerprint},
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    return result


def report(
    diagnostics: list[Diagnostic], *, files: list[str], root: Path | None = None
) -> dict[str, Any]:
    """The SARIF log as Python data; paths relative to ``root`` (default: the repository
    root)."""
    base = (repository_root() if root is None else root).absolute()
    relative = {f: from_root(f, base) for f in {*files, *(d.file for d in diagnostics)}}
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
                        "informationUri": INFORMATION_URI,
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri().rstrip("/") + "/"}},
                "artifacts": [
                    {
                        "location": {"uri": uri(relative[f]), "uriBaseId": "%SRCROOT%"},
                        "roles": ["analysisTarget"],
                    }
                    for f in files
                ],
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index, relative[d.file]) for d in diagnostics],
            }
        ],
    }


def render(diagnostics: list[Diagnostic], *, files: list[str], root: Path | None = None) -> str:
    log = report(diagnostics, files=files, root=root)
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def write(findings: Findings, out: TextIO, style: Style) -> None:
    """The sarif printer of :data:`cjmap.report.REPORTER_BY_NAME`."""
    out.write(render(findings.diagnostics, files=findings.files))
