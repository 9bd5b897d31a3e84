from __future__ import annotations

import pytest

from cjmap.report.text import _printable, excerpt


def _reference(line: str, column: int, width: int = 120) -> str:
    """What the excerpt shows: the cleaned line, clipped around the column."""
    source = _printable(line)
    start = 0
    if len(source) > width:
        start = max(0, column - 1 - width // 2)
        source = source[start : start + width]
        if start:
            source = "…" + source[1:]
    return source


@pytest.mark.parametrize("column", [1, 30, 61, 62, 500, 99_990, 100_001])
def test_a_long_line_is_clipped_around_the_column_and_cleaned(column: int) -> None:
    line = ("ab\tc\x1b[31m\u202e中" * 10_000)[:100_000]
    shown, caret = excerpt(f"first\n{line}\nlast", 2, column) or ("", "")
    assert shown == _reference(line, column)
    assert "\x1b" not in shown and "\u202e" not in shown and "\t" not in shown
    assert len(shown) <= 120 and caret.endswith("^")


def test_a_short_line_is_shown_whole_with_the_caret_under_wide_characters() -> None:
    shown, caret = excerpt("中文: x\n", 1, 5) or ("", "")
    assert shown == "中文: x"
    assert caret == "      ^"  # two wide characters, ':', ' ' -> six cells
