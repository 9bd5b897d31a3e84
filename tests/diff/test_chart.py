"""The before/after series: a stage missing from one version is drawn between its neighbours."""

from __future__ import annotations

from cjmap.diff.chart import series


def test_a_missing_point_is_interpolated_between_its_neighbours() -> None:
    found = series([-2, None, None, 1])
    assert found is not None
    assert found.values == [-2.0, -1.0, 0.0, 1.0]
    assert found.known == [True, False, False, True]


def test_missing_points_at_either_end_take_the_nearest_one() -> None:
    found = series([None, 2, -1, None])
    assert found is not None and found.values == [2.0, 2.0, -1.0, -1.0]


def test_no_known_point_no_series() -> None:
    assert series([None, None]) is None
