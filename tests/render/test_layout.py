"""Page geometry and how stages are split across pages."""

from __future__ import annotations

import pytest

from cjmap.render.layout import (
    GEOMETRY,
    POSTER_COLUMN,
    POSTER_MAX_SIDE,
    POSTER_MAX_STAGES,
    POSTER_MIN_WIDTH,
    Paper,
    balanced_runs,
    chunk_sizes,
    poster_geometry,
    staged_poster,
)


@pytest.mark.parametrize(
    ("total", "per_page", "expected"),
    [
        (6, 7, [6]),
        (7, 7, [7]),
        (8, 7, [4, 4]),
        (10, 7, [5, 5]),
        (15, 7, [5, 5, 5]),
        (16, 7, [6, 5, 5]),
        (0, 7, [0]),
    ],
)
def test_chunks_are_balanced_and_never_exceed_a_page(
    total: int, per_page: int, expected: list[int]
) -> None:
    assert chunk_sizes(total, per_page) == expected


def test_columns_fill_the_page_width() -> None:
    for paper, geo in GEOMETRY.items():
        assert not geo.poster, paper
        for n in range(1, geo.max_stages + 1):
            assert geo.lane_width + n * geo.column_width(n) <= geo.content_width
            assert geo.column_width(n) >= 33  # about 20 characters of 8 pt text per line


def test_a3_takes_more_stages_per_page_than_a4() -> None:
    assert GEOMETRY[Paper.a3].max_stages > GEOMETRY[Paper.a4].max_stages
    assert GEOMETRY[Paper.letter].css_size == "279.4mm 215.9mm"


def test_the_poster_grows_one_column_per_stage_at_the_a3_column_width() -> None:
    a3 = GEOMETRY[Paper.a3]
    widths = [staged_poster(n).width for n in range(1, POSTER_MAX_STAGES + 1)]
    # Short journeys get at least an A3 sheet (room for the header band and persona card)...
    assert widths[0] == POSTER_MIN_WIDTH == a3.width
    # ...longer ones one column more per stage, never narrower than a full A3 page's columns.
    assert widths == sorted(widths) and widths[-1] > widths[11] > widths[10] > POSTER_MIN_WIDTH
    assert widths[12] - widths[11] == pytest.approx(POSTER_COLUMN)
    for n in (12, POSTER_MAX_STAGES):
        geo = staged_poster(n)
        assert geo.paper is Paper.poster and geo.poster and geo.max_stages == POSTER_MAX_STAGES
        assert geo.column_width(n) == pytest.approx(POSTER_COLUMN)
        assert geo.column_width(n) >= a3.column_width(a3.max_stages)
        assert geo.lane_width + n * geo.column_width(n) <= geo.content_width
    assert staged_poster(12).css_size == f"509mm {POSTER_MAX_SIDE:g}mm"


def test_a_journey_past_the_cap_continues_in_a_second_band_of_the_same_width() -> None:
    assert chunk_sizes(60, POSTER_MAX_STAGES) == [30, 30]
    assert staged_poster(60).width == staged_poster(30).width
    assert staged_poster(81).width == staged_poster(POSTER_MAX_STAGES - 13).width  # 27+27+27
    assert staged_poster(POSTER_MAX_STAGES).width < POSTER_MAX_SIDE
    assert poster_geometry(10 * POSTER_MAX_SIDE).width == POSTER_MAX_SIDE


def test_the_plan_takes_side_by_side_columns_only_on_a_wide_poster() -> None:
    assert all(geo.plan_columns == 1 for geo in GEOMETRY.values())
    assert staged_poster(6).plan_columns == 2  # 400 mm of content
    assert staged_poster(POSTER_MAX_STAGES).plan_columns == 8


def test_runs_are_balanced_in_order_and_never_split_an_item() -> None:
    items, sizes = list("abcde"), [6, 2, 2, 5, 4]  # 19 in all
    assert balanced_runs(items, sizes, 3) == [["a", "b"], ["c", "d"], ["e"]]  # 8, 7, 4
    assert balanced_runs(items, sizes, 2) == [["a", "b", "c"], ["d", "e"]]  # 10, 9
    assert balanced_runs(items, sizes, 1) == [items]
    assert balanced_runs(items[:2], sizes[:2], 8) == [["a"], ["b"]]
    assert balanced_runs([], [], 3) == [[]]
