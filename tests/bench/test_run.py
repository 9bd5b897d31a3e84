"""bench/run.py runs end to end on a tiny corpus: the table and the JSON file are produced.

Not a timed test: it checks that every comparison of the speed issue is run (or says why it
was skipped) and that the results are recorded, never how fast anything is.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IDS = [
    "validate-one",
    "validate-many",
    "startup",
    "site-build",
    "site-rebuild",
    "actions-many",
    "diff-two",
    "render-html",
    "render-pdf",
    "render-batch",
    "render-memory",
]


def test_bench_runs_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            *("--maps", "6", "--render-maps", "1", "--site-maps", "3", "--stages", "3"),
            *("--repeats", "1", "--batch-repeats", "1", "--no-warmup"),
            *("--importtime", "--no-install", "--quiet", "--out", str(out)),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    table = done.stdout
    for cid in IDS:
        assert f"== {cid}:" in table
    assert "goals:" in table and "of 12 met" in table
    assert "cjmap validate:" in table  # the -X importtime report

    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["machine"]["cores"] >= 1
    assert result["versions"]["cjmap"].startswith("cjmap ")
    comps = {c["id"]: c for c in result["comparisons"]}
    assert list(comps) == IDS
    one = comps["validate-one"]
    assert one["skipped"] is None
    cjmap = one["commands"][0]
    assert cjmap["name"] == "cjmap validate"
    assert len(cjmap["samples_s"]) == 1 and cjmap["samples_s"][0] > 0
    assert cjmap["median_s"] == cjmap["min_s"] == cjmap["samples_s"][0]
    for comp in comps.values():
        for cmd in comp["commands"]:
            # every contender was measured, or the table says why not
            assert cmd["samples_s"] or cmd["error"], (comp["id"], cmd["name"])
            if cmd["error"]:
                assert cmd["name"] in table
    for goal in one["goals"]:
        assert goal["limit"] > 0
        rival = next(c for c in one["commands"] if c["name"] == goal["against"])
        if rival["samples_s"]:
            expected = cjmap["median_s"] / rival["median_s"]
            assert abs(goal["value_median"] - expected) < 0.01 * expected
            assert goal["met"] is (goal["value_median"] <= goal["limit"])
    assert result["startup"]["validate"]["total_ms"] > 0
    assert "pydantic" in result["startup"]["validate"]["heavy_imported"]
    assert "weasyprint" not in result["startup"]["validate"]["heavy_imported"]
