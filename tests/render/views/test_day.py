"""The day-in-the-life page: moments on the time axis, their cards in rows."""

from __future__ import annotations

import itertools

from cjmap.render.views import build_page
from cjmap.render.views.day import DayPage, arrange

from ..conftest import EXAMPLES, ON, load


def test_day_in_the_life_places_moments_on_the_time_axis() -> None:
    page = build_page(load(EXAMPLES / "colleen/day-in-the-life.cjm.yaml"), on=ON)
    assert isinstance(page, DayPage)
    day = page.day
    xs = [x for x, _ in day.brand_marks]
    assert xs == sorted(xs)
    assert day.hours[0][1] == "07:00" and day.hours[-1][1] == "23:00"
    assert day.brand_present == 5
    assert all(0 <= x <= day.width for x in xs)
    placed = [m.number for row in day.rows for m in row]
    assert sorted(placed) == list(range(1, 11))
    for row in day.rows:
        assert all(m.offset >= 0 for m in row[1:])
    assert len(page.curve_summary) == len(day.moments)


def test_arrange_keeps_cards_on_the_page_without_overlap() -> None:
    card, gap, width = 46.0, 2.0, 250.0
    xs = [8.0 + i * 20.0 for i in range(11)]
    lefts, rows = arrange(xs, card, gap, width)
    assert len(set(rows)) >= 2  # more than four cards: at least two rows
    assert all(0.0 <= left <= width - card for left in lefts)
    for row in set(rows):
        members = [lefts[i] for i in range(len(xs)) if rows[i] == row]
        assert all(b - a >= card + gap for a, b in itertools.pairwise(members))
    assert arrange([], card, gap, width) == ([], [])
    assert arrange([100.0], card, gap, width) == ([96.0], [0])  # 4 mm left of its time
