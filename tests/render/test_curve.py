"""The emotional curve's geometry: a smooth path that stays in the band and passes every point."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cjmap.model import Feeling
from cjmap.render.curve import build_curve, lowest_keys, signed, smooth_path, valence


def _numbers(path: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]


def test_signed_uses_a_real_minus_sign() -> None:
    assert [signed(s) for s in (-2, 0, 3)] == ["\N{MINUS SIGN}2", "0", "+3"]


def test_valence_classes() -> None:
    assert [valence(s) for s in (-1, 0, 1)] == ["neg", "neu", "pos"]


def test_path_passes_through_every_point() -> None:
    points = [(10.0, 20.0), (30.0, 5.0), (50.0, 25.0), (70.0, 25.0)]
    path = smooth_path(points)
    assert path.startswith("M10 20")
    ends = re.findall(r"C[^C]*", path)
    assert len(ends) == 3
    for segment, (x, y) in zip(ends, points[1:], strict=True):
        assert _numbers(segment)[-2:] == [x, y]


def test_a_single_point_has_no_line() -> None:
    assert smooth_path([(5.0, 5.0)]) == ""
    assert smooth_path([]) == ""


@given(st.lists(st.integers(min_value=-3, max_value=3), min_size=2, max_size=14))
def test_the_curve_never_leaves_the_minus3_plus3_band(scores: list[int]) -> None:
    samples = [(i, (i + 0.5) * 30.0, Feeling(score=s)) for i, s in enumerate(scores)]
    curve = build_curve(samples, width=30.0 * len(scores), height=36.0, lowest=set())
    ys = _numbers(curve.path)[1::2]
    assert min(ys) >= curve.top_y - 1e-6
    assert max(ys) <= curve.bottom_y + 1e-6


def test_points_sit_at_column_centres_and_the_zero_line_is_between_the_bounds() -> None:
    feelings = [Feeling(score=-2, label="annoyed"), None, Feeling(score=3)]
    samples = [(i, (i + 0.5) * 40.0, f) for i, f in enumerate(feelings)]
    curve = build_curve(samples, width=120.0, height=36.0, lowest=lowest_keys(feelings))
    assert [p.x for p in curve.points] == [20.0, 100.0]  # the stage without a feeling has no point
    assert curve.points[0].label == "annoyed" and curve.points[0].valence == "neg"
    assert curve.top_y < curve.zero_y < curve.bottom_y
    assert curve.points[0].lowest and not curve.points[1].lowest
    assert [t for _, t in curve.ticks] == ["+3", "0", "\N{MINUS SIGN}3"]


def test_lowest_marks_every_tie_and_nothing_on_a_flat_curve() -> None:
    assert lowest_keys([Feeling(score=-1), Feeling(score=2), Feeling(score=-1)]) == {0, 2}
    assert lowest_keys([Feeling(score=1), Feeling(score=1)]) == set()
    plateau = [Feeling(score=1), Feeling(score=3), Feeling(score=1), Feeling(score=1)]
    assert lowest_keys(plateau) == set()
    assert lowest_keys([Feeling(score=1)]) == set()


def test_context_points_continue_the_line_beyond_the_panel() -> None:
    samples = [(5, 15.0, Feeling(score=0))]
    curve = build_curve(
        samples, width=30.0, height=36.0, lowest=set(), context=[(-15.0, Feeling(score=-3))]
    )
    assert curve.path.startswith("M-15")
    assert len(curve.points) == 1  # no marker for the neighbour on the previous page


def test_behind_series_for_the_future_state() -> None:
    now = [(0, 10.0, Feeling(score=2)), (1, 30.0, Feeling(score=1))]
    before = [(0, 10.0, Feeling(score=-2)), (1, 30.0, Feeling(score=-1))]
    curve = build_curve(now, width=40.0, height=36.0, lowest=set(), behind=before)
    assert curve.behind_path.startswith("M10")
    assert [p.score for p in curve.behind_points] == [-2, -1]
