"""One cell: items a line, feelings and their scales."""

from __future__ import annotations

import pytest

from cjmap.convert.cells import DEFAULT_SCALE, Scale, feeling, items


def test_items_one_a_line_without_bullets() -> None:
    cell = (
        "• Reads reviews\r\n- Watches videos\n\n* Asks a friend\n1. Calls\n2) Visits\n  · 看评论 "
    )
    assert items(cell) == [
        "Reads reviews",
        "Watches videos",
        "Asks a friend",
        "Calls",
        "Visits",
        "看评论",
    ]
    assert items("-2 is not a bullet\n-dash") == ["-2 is not a bullet", "-dash"]


def test_a_feeling_keeps_its_label() -> None:
    assert feeling("-2 frustrated", DEFAULT_SCALE, "x") == {"score": -2, "label": "frustrated"}
    assert feeling("+1", DEFAULT_SCALE, "x") == 1
    assert feeling("  ", DEFAULT_SCALE, "x") is None
    assert feeling("4/5 довольна 😊", Scale(1, 5), "x") == {"score": 2, "label": "довольна 😊"}
    assert feeling("3,5", Scale(1, 5), "x") == 1  # a decimal comma; 0.75 rounds to 1


def test_a_scale_must_go_up() -> None:
    assert Scale.parse("1-10") == Scale(1, 10)
    assert Scale.parse("-3..3") == DEFAULT_SCALE
    with pytest.raises(ValueError):
        Scale.parse("5-1")
