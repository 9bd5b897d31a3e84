"""The health score: each part of the formula, its caps, and a map with errors at 0."""

from __future__ import annotations

from pathlib import Path

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.load.loader import load_map
from cjmap.portfolio.site.health import completeness, health
from support import EXAMPLES


def finding(severity: Severity, code: str = "CJM120") -> Diagnostic:
    return Diagnostic("m.cjm.yaml", 1, 1, severity, code, "rule", "message")


def test_a_complete_clean_map_scores_100() -> None:
    doc = load_map(EXAMPLES / "colleen" / "current.cjm.yaml").doc
    assert doc is not None
    assert completeness(doc) == 1.0
    assert health([], completeness(doc)).score == 100


def test_warnings_infos_and_review_take_their_points_with_caps() -> None:
    scored = health([finding(Severity.warning)] * 2 + [finding(Severity.info)], 1.0)
    assert scored.parts == {"warnings": 20, "infos": 2, "review": 0, "completeness": 0}
    assert scored.score == 78
    capped = health([finding(Severity.warning)] * 9 + [finding(Severity.info)] * 9, 1.0)
    assert capped.parts["warnings"] == 40 and capped.parts["infos"] == 10
    stale = health([finding(Severity.warning, "CJM106")], 1.0)
    assert stale.parts == {"warnings": 0, "infos": 0, "review": 20, "completeness": 0}


def test_empty_parts_cost_up_to_30(tmp_path: Path) -> None:
    path = tmp_path / "m.cjm.yaml"
    path.write_text(
        "cjmap: 1\nkind: current-state\ntitle: T\nlang: en\nstages:\n"
        + "".join(f"  - name: S{i}\n" for i in range(3)),
        encoding="utf-8",
    )
    doc = load_map(path).doc
    assert doc is not None
    assert completeness(doc) == 0.0  # no persona, no feeling, actions, touchpoints, pains
    assert health([], completeness(doc)).parts["completeness"] == 30


def test_a_map_with_errors_scores_0() -> None:
    assert health([finding(Severity.error)], 1.0).score == 0
    assert health([], None).score == 0
