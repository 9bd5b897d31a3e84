"""The grid of a staged map, split into pages: the stages that fit on each, and their curve.

Each page of the grid gets the columns it holds and its own slice of the emotional curve; the
curve enters from the previous page's last stage and leaves towards the next page's first, so it
reads as one line across the pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjmap.model import Feeling
from cjmap.render.curve import Curve, build_curve, lowest_keys
from cjmap.render.layout import PageGeometry, chunk_sizes

if TYPE_CHECKING:
    from cjmap.render.views.staged import StageView


@dataclass
class GridChunk:
    """The stages that share one page, with their own slice of the curve."""

    index: int
    count: int
    first: int
    last: int
    total: int
    stages: list[StageView]
    column_width: float
    lane_width: float
    curve: Curve
    curve_id: str
    caption: str

    @property
    def described(self) -> bool:
        """Whether any stage of the chunk has a description (the grid's first row)."""
        return any(s.description for s in self.stages)


def grid(
    views: list[StageView],
    feelings: list[Feeling | None],
    behind: list[Feeling | None] | None,
    *,
    geometry: PageGeometry,
    gettext: Callable[[str], str],
) -> list[GridChunk]:
    """The pages of the grid; ``behind`` is the compared map's curve, drawn behind the stages'."""
    geo = geometry
    sizes = chunk_sizes(len(views), geo.max_stages)
    lowest = lowest_keys(feelings)
    chunks: list[GridChunk] = []
    start = 0
    height = 42.0 if behind is None else 46.0
    for number, size in enumerate(sizes, start=1):
        col = geo.column_width(size)
        width = col * size
        samples = [(i, (i - start + 0.5) * col, feelings[i]) for i in range(start, start + size)]
        neighbours: list[tuple[float, Feeling | None]] = []
        if start > 0:
            neighbours.append((-0.5 * col, feelings[start - 1]))
        if start + size < len(views):
            neighbours.append((width + 0.5 * col, feelings[start + size]))
        behind_samples = (
            [(i, (i - start + 0.5) * col, behind[i]) for i in range(start, start + size)]
            if behind
            else []
        )
        curve = build_curve(
            samples,
            width=width,
            height=height,
            lowest=lowest,
            context=neighbours,
            behind=behind_samples,
            pad_top=4.0,
            pad_bottom=8.0,
        )
        caption = ""
        if len(sizes) > 1:
            caption = gettext("Stages %(first)d–%(last)d of %(total)d") % {
                "first": start + 1,
                "last": start + size,
                "total": len(views),
            }
        chunks.append(
            GridChunk(
                index=number,
                count=len(sizes),
                first=start + 1,
                last=start + size,
                total=len(views),
                stages=views[start : start + size],
                column_width=col,
                lane_width=geo.lane_width,
                curve=curve,
                curve_id=f"curve-{number}",
                caption=caption,
            )
        )
        start += size
    return chunks
