"""The staged page: numbering, cross-references, the action plan, the comparison with today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cjmap.render.layout import POSTER_COLUMN
from cjmap.render.views import build_page
from cjmap.render.views.staged import (
    HEADING_CHARS,
    FutureStatePage,
    StagedPage,
)

from ..conftest import EXAMPLES, ON, load


def staged(path: Path, on: dt.date = ON, template: str | None = None) -> StagedPage:
    page = build_page(load(path), on=on, template=template)
    assert isinstance(page, StagedPage)
    return page


def test_current_state_numbers_pain_points_and_links_opportunities() -> None:
    page = staged(EXAMPLES / "colleen/current.cjm.yaml")
    refs = [p.ref for s in page.stages for p in s.pain_points]
    assert refs == [f"P{i}" for i in range(1, len(refs) + 1)]
    research = page.stages[1]
    assert research.opportunities[0].addresses == [
        "P2"
    ]  # too-much-content is the second pain point
    ugc = next(o for s in page.stages for o in s.opportunities if o.id == "ugc-campaign")
    assert ugc.addresses == ["P5", "P1"]  # addresses may point to pain points of other stages
    assert [s.name for s in page.stages if s.moment_of_truth] == ["Compare and decide", "Purchase"]
    assert page.lowest_names == ["Purchase"]


def test_action_plan_groups_by_owner_and_marks_overdue() -> None:
    page = staged(EXAMPLES / "colleen/current.cjm.yaml", on=dt.date(2027, 2, 1))
    owners = [g.owner for g in page.plan]
    assert len(owners) == len(set(owners))
    assert sum(len(g.actions) for g in page.plan) == 13
    overdue = [a.task for g in page.plan for a in g.actions if a.overdue]
    assert "Enable guest checkout" not in overdue  # done, so never overdue
    assert "Write benefit statements for all 14 product landing pages" in overdue
    assert page.plan[0].overdue >= 1  # owners with overdue work come first
    for group in page.plan:
        dues = [a.due_sort for a in group.actions if a.due_sort]
        assert dues == sorted(dues)
    early = staged(EXAMPLES / "colleen/current.cjm.yaml", on=dt.date(2026, 1, 1))
    assert early.plan_overdue == 0


def test_current_state_template_has_no_comparison() -> None:
    page = staged(EXAMPLES / "colleen/current.cjm.yaml")
    assert type(page) is StagedPage
    shown_as_current = staged(EXAMPLES / "colleen/future.cjm.yaml", template="current-state")
    assert type(shown_as_current) is StagedPage
    assert shown_as_current.stages[0].feeling is not None
    assert shown_as_current.stages[0].feeling.change is None


def test_future_state_compares_with_the_current_map() -> None:
    page = staged(EXAMPLES / "colleen/future.cjm.yaml")
    assert isinstance(page, FutureStatePage)
    awareness = page.stages[0].feeling
    assert awareness is not None
    assert (awareness.before, awareness.text, awareness.change) == ("\N{MINUS SIGN}2", "+1", "+3")
    assert page.grid[0].curve.behind_points  # the current curve is drawn behind
    assert page.compares_title and "current state" in page.compares_title
    assert page.compares_file == "examples/colleen/current.cjm.yaml"
    assert page.resolutions
    first = page.resolutions[0]
    assert first.text.startswith("Ads show lifestyle shots")
    assert first.resolved_by and first.still_there is False


def test_future_state_template_of_a_current_map_compares_with_nothing() -> None:
    page = staged(EXAMPLES / "colleen/current.cjm.yaml", template="future-state")
    assert isinstance(page, FutureStatePage)
    assert page.compares_title is None and page.compares_file is None
    assert page.resolutions == [] and page.dropped_stages == []


def test_a_long_stage_name_is_cut_in_the_column_head(tmp_path: Path) -> None:
    name = "n" * (HEADING_CHARS + 10)
    path = tmp_path / "m.cjm.yaml"
    path.write_text(f"cjmap: 1\nkind: current-state\ntitle: T\nstages:\n  - name: {name}\n")
    (tmp_path / ".git").mkdir()
    head = staged(path).stages[0].heading
    assert len(head) == HEADING_CHARS and head.endswith("…")


def test_the_poster_keeps_every_stage_in_one_band_and_splits_the_plan_in_columns() -> None:
    path = EXAMPLES / "colleen/current.cjm.yaml"
    a4 = staged(path)
    poster = build_page(load(path), on=ON, paper="poster")
    assert isinstance(poster, StagedPage) and poster.geometry.poster
    assert [len(c.stages) for c in poster.grid] == [len(poster.stages)]
    assert poster.grid[0].column_width >= POSTER_COLUMN
    # The same owners in the same order, cut into side-by-side columns; A4 keeps one.
    assert a4.plan_columns == [a4.plan]
    assert len(poster.plan_columns) == 2
    assert [g for column in poster.plan_columns for g in column] == poster.plan == a4.plan
