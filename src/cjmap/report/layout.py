"""Fitting the text report into a terminal: lines wrapped at word boundaries, source excerpts
clipped around the caret, both measured in terminal cells (a Chinese character takes two).

A terminal wraps an over-long line wherever the window ends: mid-word (``na`` / ``me``), and
for a source excerpt without its ``   12 | `` gutter, so the caret no longer sits under the
column. Like rustc and ruff, the report wraps messages itself, with a hanging indent, and shows
only the part of a long source line around the column at fault, marked with ``…``.
"""

from __future__ import annotations

import re
from functools import cache

from cjmap.text import cells

ELLIPSIS = "…"

# Break opportunities: runs of spaces, each East Asian wide character (Chinese and Japanese
# text has no spaces and may break between any two characters), and other words whole.
_WIDE = "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"


@cache
def _tokens() -> re.Pattern[str]:
    # Compiled on first use (~4 ms, the ranges are large): a report that is not wrapped, as
    # every report piped to a CI log is, never needs it.
    return re.compile(rf" +|[{_WIDE}]|[^ {_WIDE}]+")


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken between words (or between wide
    characters); lines after the first start with ``indent``. A word longer than a line is
    broken where the line ends."""
    spans = _spans(text, width, cells(indent))
    return [("" if n == 0 else indent) + text[a:b].rstrip(" ") for n, (a, b) in enumerate(spans)]


def wrap_offsets(text: str, width: int, indent: int) -> list[int]:
    """Where each line after the first starts in ``text`` (for styled text: rich's
    ``Text.divide``); ``indent`` is the cells the later lines are indented by."""
    return [a for a, _ in _spans(text, width, indent)][1:]


def _spans(text: str, width: int, indent: int) -> list[tuple[int, int]]:
    starts = [0]
    limit = max(width, 1)
    used = 0
    for token in _tokens().finditer(text):
        piece = token.group()
        size = cells(piece)
        if piece.startswith(" "):
            if used + size > limit and used > 0:  # break here; the spaces end the line
                starts.append(token.end())
                limit, used = max(width - indent, 1), 0
            else:
                used += size
            continue
        if used + size > limit and used > 0 and token.start() != starts[-1]:
            starts.append(token.start())
            limit, used = max(width - indent, 1), 0
        begin = token.start()
        while used + cells(text[begin : token.end()]) > limit:  # a word wider than the line
            cut = _fit(text, begin, token.end(), limit - used)
            starts.append(cut)
            begin = cut
            limit, used = max(width - indent, 1), 0
        used += cells(text[begin : token.end()])
    ends = [*starts[1:], len(text)]
    return list(zip(starts, ends, strict=True))


def _fit(text: str, begin: int, end: int, room: int) -> int:
    """The furthest index after ``begin`` such that text[begin:index] fits in ``room`` cells
    (at least one character, so that wrapping always advances)."""
    used = 0
    for index in range(begin, end):
        used += cells(text[index])
        if used > room:
            return max(index, begin + 1)
    return end


def clip(
    source: str, column: int, width: int, *, cut_before: bool = False, cut_after: bool = False
) -> tuple[str, int]:
    """``source`` cut to at most ``width`` cells around ``column`` (1-based, in characters),
    with ``…`` where text was cut, and the cell the caret goes under (0-based).

    ``cut_before``/``cut_after``: ``source`` is already a piece of a longer line, cut there.
    """
    col = min(max(column - 1, 0), len(source))
    if cells(source) <= width and not cut_before and not cut_after:
        return source, cells(source[:col])
    room = max(width - 2, 4)  # an ellipsis may take a cell at each end
    start = col
    used = 0
    # Keep about a third of the room before the column, as rustc does: what follows the
    # column is usually what the message is about.
    while start > 0 and used + cells(source[start - 1]) <= room // 3:
        start -= 1
        used += cells(source[start])
    end = col
    while end < len(source) and used + cells(source[end]) <= room:
        used += cells(source[end])
        end += 1
    while start > 0 and used + cells(source[start - 1]) <= room:  # the line ends early
        start -= 1
        used += cells(source[start])
    head = ELLIPSIS if start > 0 or cut_before else ""
    tail = ELLIPSIS if end < len(source) or cut_after else ""
    return head + source[start:end] + tail, cells(head) + cells(source[start:col])
