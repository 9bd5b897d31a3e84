"""Page geometry and how stages are split across pages."""

from __future__ import annotations

import pytest

from cjmap.render.layout import GEOMETRY, Paper, chunk_sizes


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
    for paper in Paper:
        geo = GEOMETRY[paper]
        for n in range(1, geo.max_stages + 1):
            assert geo.lane_width + n * geo.column_width(n) <= geo.content_width
            assert geo.column_width(n) >= 33  # about 20 characters of 8 pt text per line


def test_a3_takes_more_stages_per_page_than_a4() -> None:
    assert GEOMETRY[Paper.a3].max_stages > GEOMETRY[Paper.a4].max_stages
    assert GEOMETRY[Paper.letter].css_size == "279.4mm 215.9mm"
