"""``--format json``: one JSON object for the whole run, for scripts and dashboards.

The shape is stable (documented in docs/output-formats.md); ``version`` changes only if a key
is removed or changes meaning. New keys may be added.

.. code-block:: json

    {
      "version": 1,
      "tool": {"name": "cjmap", "version": "0.1.0"},
      "today": "2026-11-25",
      "files": ["maps/checkout.cjm.yaml"],
      "summary": {"files": 1, "errors": 1, "warnings": 0, "infos": 0},
      "diagnostics": [
        {"file": "maps/checkout.cjm.yaml", "line": 12, "column": 5, "end_line": null,
         "end_column": null, "severity": "error", "code": "CJM101",
         "rule": "stage-without-touchpoints", "message": "...", "hint": "..."}
      ]
    }
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any, TextIO

from cjmap import __version__
from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report import Findings, Style

FORMAT_VERSION = 1
DIAGNOSTIC_KEYS = (
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "code",
    "rule",
    "message",
    "hint",
)


def report(
    diagnostics: list[Diagnostic], *, files: list[str], today: dt.date | None = None
) -> dict[str, Any]:
    """The JSON document as Python data."""
    counts = Counter(d.severity for d in diagnostics)
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "cjmap", "version": __version__},
        "today": today.isoformat() if today else None,
        "files": list(files),
        "summary": {
            "files": len(files),
            "errors": counts[Severity.error],
            "warnings": counts[Severity.warning],
            "infos": counts[Severity.info],
        },
        "diagnostics": [_diagnostic(d) for d in diagnostics],
    }


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "severity": d.severity.value,
        "code": d.code,
        "rule": d.rule,
        "message": d.message,
        "hint": d.hint,
    }


def render(diagnostics: list[Diagnostic], *, files: list[str], today: dt.date | None = None) -> str:
    """The JSON text: UTF-8, non-ASCII kept as is (Chinese stays readable), two-space indent."""
    return (
        json.dumps(report(diagnostics, files=files, today=today), ensure_ascii=False, indent=2)
        + "\n"
    )


def write(findings: Findings, out: TextIO, style: Style) -> None:
    """The JSON printer of :data:`cjmap.report.REPORTER_BY_NAME`."""
    out.write(render(findings.diagnostics, files=findings.files, today=findings.today))
