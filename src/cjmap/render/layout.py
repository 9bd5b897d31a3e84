"""Page geometry: paper sizes, margins, and how many stage columns fit on a page.

The HTML page uses the same millimetre geometry as the PDF, so the emotional curve computed for
a column width lines up with the columns on screen and on paper alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def css_size(self) -> str:
        return f"{self.width:g}mm {self.height:g}mm"

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
