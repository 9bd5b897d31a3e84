"""The entry point: one page class per template, the render date, softened long words."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from cjmap.render.views import (
    DayPage,
    EmpathyPage,
    FutureStatePage,
    StagedPage,
    build_page,
    today,
)

from ..conftest import EXAMPLES, ON, load


@pytest.mark.parametrize(
    ("name", "page_class"),
    [
        ("colleen/current.cjm.yaml", StagedPage),
        ("colleen/future.cjm.yaml", FutureStatePage),
        ("colleen/day-in-the-life.cjm.yaml", DayPage),
        ("colleen/empathy.cjm.yaml", EmpathyPage),
    ],
)
def test_each_template_gets_its_page(name: str, page_class: type) -> None:
    loaded = load(EXAMPLES / name)
    page = build_page(loaded, on=ON)
    assert type(page) is page_class
    assert loaded.doc is not None and page.template == loaded.doc.kind
    assert page.generated == "Feb 1, 2027"


def test_today_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1801440000")
    assert today() == ON
    page = build_page(load(EXAMPLES / "colleen/empathy.cjm.yaml"))
    assert page.generated == "Feb 1, 2027"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    assert today() == dt.date.today()


def test_a_map_that_did_not_load_has_no_page() -> None:
    broken = dataclasses.replace(load(EXAMPLES / "colleen/empathy.cjm.yaml"), doc=None)
    with pytest.raises(ValueError, match="did not load"):
        build_page(broken)
