from __future__ import annotations

import pytest

from cjmap.report.text import _printable, excerpt
from cjmap.text import cells


@pytest.mark.parametrize("column", [1, 30, 61, 62, 500, 99_990, 100_001])
def test_a_long_line_is_clipped_around_the_column_and_cleaned(column: int) -> None:
    line = ("ab\tc\x1b[31m\u202e中" * 10_000)[:100_000]
    shown, caret = excerpt(f"first\n{line}\nlast", 2, column) or ("", "")
    assert "\x1b" not in shown and "\u202e" not in shown and "\t" not in shown
    assert cells(shown) <= 120 and caret.endswith("^")
    # The caret stands under the column's character, counted in cells.
    at, used, index = len(caret) - 1, 0, 0
    while used < at:
        used += cells(shown[index])
        index += 1
    assert used == at
    if column <= len(line):
        assert shown[index] == _printable(line)[column - 1]
    assert shown.startswith("…") == (column > 40)
    assert shown.endswith("…") == (column < 99_950)


def test_a_short_line_is_shown_whole_with_the_caret_under_wide_characters() -> None:
    shown, caret = excerpt("中文: x\n", 1, 5) or ("", "")
    assert shown == "中文: x"
    assert caret == "      ^"  # two wide characters, ':', ' ' -> six cells
