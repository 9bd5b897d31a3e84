"""The view model: numbering, cross-references, groupings, overdue marks, comparisons."""

from __future__ import annotations

import datetime as dt

from cjmap.render.context import build_context, initials
from cjmap.render.layout import Paper

from .conftest import EXAMPLES, FIXTURES, ON, load


def test_initials() -> None:
    assert initials("Curious Colleen") == "CC"
    assert initials("Анна Миронова") == "АМ"
    assert initials("王晓雯") == "王"
    assert initials("cher") == "C"
    assert initials("  ") == "?"


def test_current_state_numbers_pain_points_and_links_opportunities() -> None:
    page = build_context(load(EXAMPLES / "colleen/current.cjm.yaml"), on=ON)
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
    page = build_context(load(EXAMPLES / "colleen/current.cjm.yaml"), on=dt.date(2027, 2, 1))
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
    early = build_context(load(EXAMPLES / "colleen/current.cjm.yaml"), on=dt.date(2026, 1, 1))
    assert early.plan_overdue == 0


def test_review_overdue_mark() -> None:
    loaded = load(EXAMPLES / "colleen/current.cjm.yaml")  # reviewed 2026-10-20, every 90 days
    assert build_context(loaded, on=dt.date(2027, 1, 17)).header.overdue is False
    assert build_context(loaded, on=dt.date(2027, 1, 19)).header.overdue is True


def test_future_state_compares_with_the_current_map() -> None:
    page = build_context(load(EXAMPLES / "colleen/future.cjm.yaml"), on=ON)
    awareness = page.stages[0].feeling
    assert awareness is not None
    assert (awareness.before, awareness.text, awareness.change) == ("\N{MINUS SIGN}2", "+1", "+3")
    assert page.grid[0].curve.behind_points  # the current curve is drawn behind
    assert page.compares_title and "current state" in page.compares_title
    assert page.resolutions
    first = page.resolutions[0]
    assert first.text.startswith("Ads show lifestyle shots")
    assert first.resolved_by and first.still_there is False


def test_wide_map_splits_into_balanced_pages_with_the_curve_continuing() -> None:
    page = build_context(load(FIXTURES / "wide.cjm.yaml"), on=ON)
    assert [len(c.stages) for c in page.grid] == [6, 6]
    assert page.grid[1].caption == "Stages 7–12 of 12"
    assert page.grid[1].curve.path.startswith("M-")  # enters from the previous page's last stage
    a3 = build_context(load(FIXTURES / "wide.cjm.yaml"), on=ON, paper=Paper.a3)
    assert [len(c.stages) for c in a3.grid] == [6, 6]
    assert a3.grid[0].column_width > page.grid[0].column_width


def test_day_in_the_life_places_moments_on_the_time_axis() -> None:
    page = build_context(load(EXAMPLES / "colleen/day-in-the-life.cjm.yaml"), on=ON)
    day = page.day
    assert day is not None
    xs = [x for x, _ in day.brand_marks]
    assert xs == sorted(xs)
    assert day.hours[0][1] == "07:00" and day.hours[-1][1] == "23:00"
    assert day.brand_present == 5
    assert all(0 <= x <= day.width for x in xs)
    placed = [m.number for row in day.rows for m in row]
    assert sorted(placed) == list(range(1, 11))
    for row in day.rows:
        assert all(m.offset >= 0 for m in row[1:])


def test_empathy_quadrants_in_canvas_order() -> None:
    page = build_context(load(EXAMPLES / "zh/empathy.cjm.yaml"), on=ON)
    assert page.empathy is not None
    assert [q.key for q in page.empathy.quadrants] == ["says", "thinks", "does", "feels"]
    assert page.empathy.quadrants[0].label == "说"
    assert page.header.kind_label == "共情图"


def test_column_lines_count_wide_characters_twice() -> None:
    from cjmap.render.context import LONG_LIST_LINES, Labelled, column_lines

    assert column_lines(["short", "x" * 45]) == 1 + 2
    assert column_lines(["中" * 23]) == 2  # 46 columns wide
    icon = None
    short = Labelled("goals", "Goals", icon, ["a goal"] * LONG_LIST_LINES)  # type: ignore[arg-type]
    long = Labelled("goals", "Goals", icon, ["a goal"] * (LONG_LIST_LINES + 1))  # type: ignore[arg-type]
    assert not short.may_break and long.may_break
