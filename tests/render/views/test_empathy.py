"""The empathy page: the quadrants in the canvas's order, in the map's language."""

from __future__ import annotations

from cjmap.render.views import build_page
from cjmap.render.views.empathy import EmpathyPage

from ..conftest import EXAMPLES, ON, load


def test_empathy_quadrants_in_canvas_order() -> None:
    page = build_page(load(EXAMPLES / "zh/empathy.cjm.yaml"), on=ON)
    assert isinstance(page, EmpathyPage)
    assert [q.key for q in page.empathy.quadrants] == ["says", "thinks", "does", "feels"]
    assert page.empathy.quadrants[0].label == "说"
    assert (page.empathy.pains.key, page.empathy.gains.key) == ("pains", "gains")
    assert page.header.kind_label == "共情图"
