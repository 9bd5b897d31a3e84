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


def test_a_clean_line_is_kept_and_every_control_or_format_character_is_replaced() -> None:
    import unicodedata

    assert _printable("plain\tline, 中文 ок") == "plain line, 中文 ок"
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x200B, 0x202E, 0x2066, 0xFEFF]:
        line = f"a{chr(code)}b".expandtabs(1)  # a tab is a space, not a replacement
        want = "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Cf") else c for c in line)
        assert _printable(f"a{chr(code)}b") == want, hex(code)


def test_ascii_takes_one_cell_per_character() -> None:
    import unicodedata

    every = "".join(map(chr, range(128)))
    slow = sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in every
    )
    assert cells(every) == slow == 128


def test_piped_text_drops_what_rich_drops_from_a_terminal() -> None:
    import io

    from cjmap.diagnostics import Diagnostic, Severity
    from cjmap.report.text import print_text

    message = "a\x07b\rc\x0bd\x0ce\x08f\tg"
    out = io.StringIO()
    d = Diagnostic("m.cjm.yaml", 1, 1, Severity.error, "CJM011", "x", message)
    print_text([d], lambda f: None, out, files=1, color=False)
    assert "error: abcdef" in out.getvalue() and " g [CJM011 x]" in out.getvalue()
    assert not any(ch in out.getvalue() for ch in "\x07\x08\x0b\x0c\r\t")
