"""Future state: opportunities that say which of today's pain points they resolve."""

from __future__ import annotations

from cjmap.load.loader import load_map
from cjmap.render import render_html
from support import EXAMPLES


def test_resolution_table_lists_future_opportunities_that_resolve_a_pain_point() -> None:
    loaded = load_map(EXAMPLES / "colleen" / "future.cjm.yaml")
    assert loaded.ok, loaded.diagnostics
    html = render_html(loaded)
    table = html[html.index("what resolves them") :]
    # future.cjm.yaml: ugc-at-scale has `resolves: [thin-social-proof]`.
    start = table.index("Few reviews and none from long-term owners")
    row = table[start : table.index("</tr>", start)]
    assert "Owner stories from the UGC campaign become the main creative in paid social" in row
    # An opportunity that resolves nothing is not listed against this pain point.
    assert "One-page checkout" not in row
