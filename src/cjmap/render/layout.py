"""Page geometry: paper sizes, margins, and how many stage columns fit on a page.

The HTML page uses the same millimetre geometry as the PDF, so the emotional curve computed for
a column width lines up with the columns on screen and on paper alike.

The poster (:func:`poster_geometry`) is one page sized to the map: as wide as its stage columns
at :data:`POSTER_COLUMN` mm each (a little wider than a full A3 page's columns; the type is the
same size as on A4 and A3), at least A3 wide; as tall as the content. WeasyPrint needs the page size
before it lays the page out, so the poster is laid out on a page :data:`POSTER_MAX_SIDE` tall
and the PDF trims the page to the end of the content afterwards (``render/pdf.py``).

Limits, both written down in docs/rendering.md: a row of the grid holds at most
:data:`POSTER_MAX_STAGES` stages (1.57 m of paper); a longer journey continues in a second band
of the grid below the first, on the same sheet, in balanced parts. A sheet never gets taller or
wider than :data:`POSTER_MAX_SIDE` (200 inches, the largest page Acrobat opens); content beyond
it continues on a second page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from cjmap.choices import Paper


@dataclass(frozen=True)
class PageGeometry:
    """A landscape page and the grid that fits on it (all lengths in mm)."""

    paper: Paper
    width: float
    height: float
    margin_x: float = 10.0
    margin_top: float = 10.0
    margin_bottom: float = 14.0
    lane_width: float = 27.0
    max_stages: int = 7
    poster: bool = False
    """One page sized to the map: nothing starts a new page, and the PDF is trimmed to the
    content's height."""

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def css_size(self) -> str:
        return f"{self.width:g}mm {self.height:g}mm"

    @property
    def plan_columns(self) -> int:
        """Side-by-side columns of the action plan: on a wide poster a table across the whole
        sheet would leave most of each line empty; other papers give the plan its own pages."""
        return max(1, int(self.content_width // PLAN_COLUMN_MIN)) if self.poster else 1

    def column_width(self, stages: int) -> float:
        """Width of one stage column when ``stages`` columns share the page (1 mm of slack)."""
        return (self.content_width - self.lane_width - 1.0) / max(stages, 1)


GEOMETRY: dict[Paper, PageGeometry] = {
    Paper.a4: PageGeometry(Paper.a4, 297.0, 210.0),
    Paper.letter: PageGeometry(Paper.letter, 279.4, 215.9),
    Paper.a3: PageGeometry(Paper.a3, 420.0, 297.0, lane_width=32.0, max_stages=10),
}


def chunk_sizes(total: int, max_per_page: int) -> list[int]:
    """Split ``total`` columns into balanced pages of at most ``max_per_page``: 10 -> [5, 5]."""
    if total <= max_per_page:
        return [total]
    pages = math.ceil(total / max_per_page)
    base, extra = divmod(total, pages)
    return [base + (1 if i < extra else 0) for i in range(pages)]


T = TypeVar("T")


def balanced_runs(items: Sequence[T], sizes: Sequence[int], runs: int) -> list[list[T]]:
    """``items`` in order, cut into at most ``runs`` runs so that the largest run (the sum of
    its items' ``sizes``) is as small as can be; an item is never split: sizes [6, 2, 2, 5, 4]
    in 3 runs -> [6, 2] [2, 5] [4]."""

    def cut(largest: int) -> list[list[T]]:
        result: list[list[T]] = [[]]
        total = 0
        for item, size in zip(items, sizes, strict=True):
            if result[-1] and total + size > largest:
                result.append([])
                total = 0
            result[-1].append(item)
            total += size
        return result

    low, high = max(sizes, default=0), sum(sizes)
    while low < high:  # the smallest largest run that needs no more than ``runs`` runs
        middle = (low + high) // 2
        if len(cut(middle)) <= max(runs, 1):
            high = middle
        else:
            low = middle + 1
    return cut(low)


PLAN_COLUMN_MIN = 190.0
"""The narrowest column of a poster's action plan (mm): about an A4 page's text width."""
POSTER_COLUMN = 38.0
"""Width of a poster's stage column (mm): a full A3 page's columns are 36.7, A4's 35.6."""
POSTER_LANE = 32.0
"""Width of the poster's lane column (mm), as on A3."""
POSTER_MIN_WIDTH = 420.0
"""A poster is at least A3 landscape wide: room for the header band and the persona card."""
POSTER_MAX_STAGES = 40
"""Stages in one band of the poster's grid (40: a sheet 1,573 mm wide)."""
POSTER_MAX_SIDE = 5080.0
"""The longest side of a poster (mm): 200 inches, the largest page Acrobat and most PDF readers
open (PDF's default user space unit tops out at 14,400 points)."""
POSTER_MARGIN = 10.0
"""Every margin of the poster (mm); its footer is in the sheet, not in the bottom margin."""


def poster_geometry(
    content_width: float = 0.0, *, min_width: float = POSTER_MIN_WIDTH
) -> PageGeometry:
    """A poster whose content wants ``content_width`` mm (the lane and stage columns, or a
    day's cards), at least ``min_width`` wide and at most :data:`POSTER_MAX_SIDE`; its height is
    the most allowed (the PDF is trimmed to the content)."""
    width = min(max(min_width, content_width + 2 * POSTER_MARGIN), POSTER_MAX_SIDE)
    return PageGeometry(
        Paper.poster,
        round(width, 2),
        POSTER_MAX_SIDE,
        margin_x=POSTER_MARGIN,
        margin_top=POSTER_MARGIN,
        margin_bottom=POSTER_MARGIN,
        lane_width=POSTER_LANE,
        max_stages=POSTER_MAX_STAGES,
        poster=True,
    )


def staged_poster(stages: int) -> PageGeometry:
    """The poster of a grid of ``stages`` stages: one column of :data:`POSTER_COLUMN` mm each
    (plus 1 mm of slack) for the widest band of the grid."""
    widest = chunk_sizes(stages, POSTER_MAX_STAGES)[0]
    return poster_geometry(POSTER_LANE + 1.0 + widest * POSTER_COLUMN)
