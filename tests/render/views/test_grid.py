"""The staged grid split into pages, with the curve continuing across them."""

from __future__ import annotations

from cjmap.render.layout import Paper
from cjmap.render.views import build_page
from cjmap.render.views.staged import StagedPage

from ..conftest import FIXTURES, ON, load


def test_wide_map_splits_into_balanced_pages_with_the_curve_continuing() -> None:
    page = build_page(load(FIXTURES / "wide.cjm.yaml"), on=ON)
    assert isinstance(page, StagedPage)
    assert [len(c.stages) for c in page.grid] == [6, 6]
    assert page.grid[1].caption == "Stages 7–12 of 12"
    assert page.grid[1].curve.path.startswith("M-")  # enters from the previous page's last stage
    a3 = build_page(load(FIXTURES / "wide.cjm.yaml"), on=ON, paper=Paper.a3)
    assert isinstance(a3, StagedPage)
    assert [len(c.stages) for c in a3.grid] == [6, 6]
    assert a3.grid[0].column_width > page.grid[0].column_width
