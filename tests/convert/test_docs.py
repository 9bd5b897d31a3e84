"""docs/convert.md keeps up with the code: every lane, its names, every format, the mappings."""

from __future__ import annotations

import pytest

from cjmap.convert.cells import Scale
from cjmap.convert.exporters import EXPORTER_BY_NAME
from cjmap.convert.lanes import LANE_NAMES, VOCABULARY
from cjmap.convert.mermaid_out import score
from support import ROOT

DOC = (ROOT / "docs" / "convert.md").read_text(encoding="utf-8")


def test_every_lane_and_its_first_name_in_each_language_is_documented() -> None:
    for lane in LANE_NAMES:
        assert f"| `{lane}` |" in DOC
        for phrases in VOCABULARY[lane].values():
            assert phrases[0] in DOC, phrases[0]


@pytest.mark.parametrize("name", list(EXPORTER_BY_NAME))
def test_every_export_format_is_documented(name: str) -> None:
    assert f"- **{name}**" in DOC or f"**{name}**" in DOC


def test_the_documented_mappings_are_the_code() -> None:
    assert "| feeling | -3 | -2 | 0 | +2 | +3 |" in DOC
    assert [Scale(1, 5).to_feeling(v) for v in range(1, 6)] == [-3, -2, 0, 2, 3]
    assert [Scale(1, 10).to_feeling(v) for v in range(1, 11)] == [-3, -2, -2, -1, 0, 0, 1, 2, 2, 3]
    assert "(-3 → 1; -2, -1 → 2; 0 or none → 3; +1, +2 → 4;\n  +3 → 5)" in DOC
    assert [score(f) for f in range(-3, 4)] == [1, 2, 2, 3, 4, 4, 5]
