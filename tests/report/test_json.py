"""``--format json``: the documented, stable shape."""

from __future__ import annotations

import datetime as dt
import json

from cjmap import __version__
from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report import json as report_json
from support import run_cli

FINDING = Diagnostic(
    "maps/购物.cjm.yaml",
    12,
    5,
    Severity.warning,
    "CJM101",
    "stage-without-touchpoints",
    "stage '下单' has no touchpoints",
    "add touchpoints",
)


def test_shape_is_stable() -> None:
    data = report_json.report([FINDING], files=["maps/购物.cjm.yaml"], today=dt.date(2026, 11, 25))
    assert data == {
        "version": 1,
        "tool": {"name": "cjmap", "version": __version__},
        "today": "2026-11-25",
        "files": ["maps/购物.cjm.yaml"],
        "summary": {"files": 1, "errors": 0, "warnings": 1, "infos": 0},
        "diagnostics": [
            {
                "file": "maps/购物.cjm.yaml",
                "line": 12,
                "column": 5,
                "end_line": None,
                "end_column": None,
                "severity": "warning",
                "code": "CJM101",
                "rule": "stage-without-touchpoints",
                "message": "stage '下单' has no touchpoints",
                "hint": "add touchpoints",
            }
        ],
    }


def test_text_is_utf8_json_with_readable_non_ascii() -> None:
    text = report_json.render([FINDING], files=["maps/购物.cjm.yaml"])
    assert "下单" in text  # not \\u escapes
    assert json.loads(text)["diagnostics"][0]["message"] == "stage '下单' has no touchpoints"


def test_cli_json_on_a_map_with_findings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    path = tmp_path / "m.cjm.yaml"
    path.write_text(
        "cjmap: 1\nkind: day-in-the-life\ntitle: День\nlang: ru\nmoments: []\n", encoding="utf-8"
    )
    result = run_cli("validate", "-f", "json", "--today", "2026-11-25", "m.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 1  # CJM125 empty-map is an error
    data = json.loads(result.stdout)
    assert data["files"] == ["m.cjm.yaml"]
    assert data["today"] == "2026-11-25"
    codes = [d["code"] for d in data["diagnostics"]]
    assert "CJM125" in codes
    assert data["summary"]["errors"] == sum(d["severity"] == "error" for d in data["diagnostics"])
    empty = next(d for d in data["diagnostics"] if d["code"] == "CJM125")
    assert (empty["line"], empty["column"]) == (5, 10)


def test_cli_json_to_a_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    (tmp_path / "m.cjm.yaml").write_text("cjmap: 1\nkind: empathy\ntitle: X\n", encoding="utf-8")
    out = tmp_path / "report.json"
    result = run_cli("validate", "-f", "json", "-o", str(out), "m.cjm.yaml", cwd=tmp_path)
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert result.returncode == 1
