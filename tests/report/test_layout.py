"""The text report in a terminal of 60, 80 and 100 columns: lines wrapped between words with a
hanging indent, excerpts clipped around the caret, in Chinese, Russian, Macedonian and emoji.
(tests/integrations/test_terminal.py checks the same in a real terminal, tmux.)"""

from __future__ import annotations

import io
import re

import pytest

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report.layout import clip, wrap
from cjmap.report.text import print_text
from cjmap.text import cells

SOURCE = (
    "cjmap: 1\n"
    "title: Купувачка на правосмукалка: од првото пребарување до рецензијата 🧹\n"
    "stages:\n"
    f"  - {{name: {'研究阶段' * 14} 🔍, feelin: -1}}\n"
)
FINDINGS = [
    Diagnostic(
        "карты/путь клиента 🛒.cjm.yaml",
        4,
        SOURCE.splitlines()[3].index("feelin") + 1,
        Severity.error,
        "CJM011",
        "unknown-key",
        "unknown key 'feelin' (did you mean 'feeling'?)",
        "known keys here: actions, description, feeling, icon, id, metrics, moment_of_truth, "
        "name, opportunities, owner, pain_points, thoughts, touchpoints",
    ),
    Diagnostic(
        "карты/путь клиента 🛒.cjm.yaml",
        2,
        8,
        Severity.warning,
        "CJM130",
        "long-name",
        "заглавието има 78 знаци; подолго е од 60: „Купувачка на правосмукалка“ 🧹 "
        + "标题太长，请缩短到六十个字符以内" * 2,
        None,
    ),
]


def _report(width: int) -> list[str]:
    out = io.StringIO()
    print_text(FINDINGS, lambda f: SOURCE, out, files=1, color=False, width=width)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [60, 80, 100])
def test_every_line_fits_and_words_stay_whole(width: int) -> None:
    lines = _report(width)
    assert all(cells(line) <= width for line in lines), [(cells(x), x) for x in lines]
    text = "\n".join(lines)
    for word in [*re.findall(r"[\w'’-]+", FINDINGS[0].hint or ""), "[CJM011", "unknown-key]"]:
        assert word in text, word  # never broken across lines
    for word in ("правосмукалка“", "знаци;", "[CJM130", "long-name]"):
        assert word in text, word
    # Continuation lines hang under the text they continue.
    help_at = next(i for i, line in enumerate(lines) if line.startswith("      = help: "))
    assert lines[help_at + 1].startswith(" " * 14) and lines[help_at + 1][14] != " "


@pytest.mark.parametrize("width", [60, 80, 100])
def test_a_wide_excerpt_is_clipped_and_the_caret_lands_on_the_column(width: int) -> None:
    lines = _report(width)
    at = next(i for i, line in enumerate(lines) if line.startswith("    4 | "))
    shown, caret = lines[at][8:], lines[at + 1]
    assert caret.startswith("      | ") and caret.endswith("^")
    assert shown.startswith("…") and shown.endswith("-1}")  # cut before, whole after
    target = cells(caret[8:]) - 1
    used = index = 0
    while used < target:
        used += cells(shown[index])
        index += 1
    assert used == target and shown[index : index + 6] == "feelin"


def test_wrapping_breaks_between_chinese_characters_and_hangs() -> None:
    lines = wrap("错误：" + "标题太长" * 10, 24, indent="    ")
    assert [cells(x) for x in lines] == [24, 24, 24, 24, 6]
    assert all(x.startswith("    ") for x in lines[1:])
    assert "".join(x.strip() for x in lines) == "错误：" + "标题太长" * 10


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert wrap("x " + "ы" * 25, 10) == ["x", "ыыыыыыыыыы", "ыыыыыыыыыы", "ыыыыы"]


def test_a_short_line_is_not_clipped() -> None:
    assert clip("name: 研究", 7, 40) == ("name: 研究", 6)
    shown, caret = clip("🔍" * 50, 26, 20)
    assert cells(shown) <= 20 and shown[0] == shown[-1] == "…"
    assert caret % 2 == 1  # after the one-cell ellipsis, on the first cell of an emoji
