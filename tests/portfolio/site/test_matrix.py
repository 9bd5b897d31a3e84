"""The prioritisation matrix: the quadrants and points that never hide each other."""

from __future__ import annotations

import itertools

import pytest

from cjmap.portfolio.site.matrix import DOT, layout, quadrant


@pytest.mark.parametrize(
    ("impact", "effort", "expected"),
    [
        (5, 1, "quick-wins"),
        (4, 2, "quick-wins"),
        (4, 3, "big-bets"),
        (5, 5, "big-bets"),
        (3, 1, "fill-ins"),  # a middling impact is not enough for a quick win
        (1, 2, "fill-ins"),
        (3, 3, "time-sinks"),
        (1, 5, "time-sinks"),
    ],
)
def test_quadrant(impact: int, effort: int, expected: str) -> None:
    assert quadrant(impact, effort) == expected


def test_points_sit_in_their_quadrant_and_do_not_overlap() -> None:
    scores = [(5, 1)] * 7 + [(4, 3)] * 3 + [(1, 5), (3, 2)]
    g = layout(scores)
    assert [p.number for p in g.points] == list(range(1, len(scores) + 1))
    for point, (impact, effort) in zip(g.points, scores, strict=True):
        left = point.x < g.split_x
        top = point.y < g.split_y
        assert (top, left) == {
            "quick-wins": (True, True),
            "big-bets": (True, False),
            "fill-ins": (False, True),
            "time-sinks": (False, False),
        }[quadrant(impact, effort)]
    for a, b in itertools.combinations(g.points, 2):
        assert (a.x - b.x) ** 2 + (a.y - b.y) ** 2 >= (1.9 * DOT) ** 2, (a, b)
