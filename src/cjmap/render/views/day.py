"""The page of a day-in-the-life map (``day-in-the-life.html.j2``): moments on a time axis.

The chart spans the day's hours with the curve through each moment's feeling; under it the
moments' cards sit in rows, each as close to its time as the others allow (:func:`arrange`).
"""

from __future__ import annotations

from dataclasses import dataclass

from cjmap.model import DayInTheLifeMap
from cjmap.render.curve import Curve, build_curve, lowest_keys
from cjmap.render.layout import PageGeometry, poster_geometry
from cjmap.render.views.common import FeelingView, Page, PageBuilder

CARD_WIDTH = 46.0
"""A moment's card (mm)."""
CARD_GAP = 2.0
AXIS_PAD = 8.0
"""Room left and right of the time axis (mm), so the first and last cards fit."""


@dataclass
class MomentView:
    number: int
    time: str
    activity: str
    thoughts: list[str]
    feeling: FeelingView | None
    with_brand: bool
    opportunity: str | None
    lowest: bool
    offset: float
    """Margin from the previous card in the same row (mm)."""
    anchor: float
    """Where the moment's time sits, from the card's left edge (mm)."""


@dataclass
class DayView:
    width: float
    height: float
    axis_y: float
    curve: Curve
    hours: list[tuple[float, str]]
    brand_marks: list[tuple[float, bool]]
    rows: list[list[MomentView]]
    card_width: float
    moments: list[MomentView]
    opportunities: list[MomentView]
    brand_present: int


@dataclass(kw_only=True)
class DayPage(Page):
    """The day-in-the-life template's page."""

    day: DayView
    curve_summary: list[str]
    lowest_names: list[str]


class DayBuilder(PageBuilder):
    """Builds the :class:`DayPage` of a day-in-the-life map."""

    def poster(self) -> PageGeometry:
        # Wide enough for the cards in two rows: each near its time, none pushed far away.
        moments = len(self.doc.moments) if isinstance(self.doc, DayInTheLifeMap) else 0
        pairs = -(-moments // 2)
        return poster_geometry(pairs * (CARD_WIDTH + CARD_GAP) + 2 * AXIS_PAD + 1.0)

    def build(self) -> DayPage:
        doc = self.doc
        assert isinstance(doc, DayInTheLifeMap)
        geo = self.geometry
        moments = list(doc.moments)
        width = geo.content_width - 1.0
        minutes = [int(m.time[:2]) * 60 + int(m.time[3:]) for m in moments]
        start = (min(minutes) // 60) * 60 if minutes else 0
        end = -(-max(minutes) // 60) * 60 if minutes else 24 * 60
        if end <= start:
            end = start + 60
        pad = AXIS_PAD
        span = width - 2 * pad

        def x_of(minute: int) -> float:
            return pad + (minute - start) / (end - start) * span

        height = 46.0
        lowest = lowest_keys([m.feeling for m in moments])
        curve = build_curve(
            [(i, x_of(minutes[i]), m.feeling) for i, m in enumerate(moments)],
            width=width,
            height=height,
            lowest=lowest,
            pad_top=6.0,
            pad_bottom=12.0,
        )
        hours = [(x_of(h * 60), f"{h:02d}:00") for h in range(start // 60, end // 60 + 1)]
        card_width = CARD_WIDTH
        gap = CARD_GAP
        xs = [x_of(m) for m in minutes]
        lefts, row_of = arrange(xs, card_width, gap, width)
        rows: list[list[MomentView]] = [[] for _ in range(max(row_of, default=-1) + 1)]
        ends = [0.0] * len(rows)
        views: list[MomentView] = []
        for i, moment in enumerate(moments):
            row = row_of[i]
            view = MomentView(
                number=i + 1,
                time=moment.time,
                activity=moment.activity,
                thoughts=list(moment.thoughts),
                feeling=self.feeling(moment.feeling),
                with_brand=moment.with_brand,
                opportunity=moment.opportunity,
                lowest=i in lowest,
                offset=lefts[i] - ends[row],
                anchor=xs[i] - lefts[i],
            )
            rows[row].append(view)
            ends[row] = lefts[i] + card_width
            views.append(view)
        day = DayView(
            width=width,
            height=height,
            axis_y=height - 7.0,
            curve=curve,
            hours=hours,
            brand_marks=[(x_of(minutes[i]), m.with_brand) for i, m in enumerate(moments)],
            rows=rows,
            card_width=card_width,
            moments=views,
            opportunities=[v for v in views if v.opportunity],
            brand_present=sum(1 for m in moments if m.with_brand),
        )
        return DayPage(
            **self.page_fields(),
            day=day,
            curve_summary=self.curve_summary(
                [(f"{v.time} {v.activity}", v.feeling) for v in views]
            ),
            lowest_names=[f"{v.time} {v.activity}" for v in views if v.lowest],
        )


def arrange(
    xs: list[float], card: float, gap: float, width: float
) -> tuple[list[float], list[int]]:
    """Left edges and rows of the day's cards: each as close to its time as the others allow.

    Cards go round-robin over as few rows as fit (neighbours in time land in different rows),
    then each row is relaxed: pushed right past the previous card, pulled left to fit the page.
    """
    n = len(xs)
    if n == 0:
        return [], []
    rows = 1
    while rows < n and -(-n // rows) * (card + gap) - gap > width:
        rows += 1
    rows = max(rows, 2) if n > 4 else rows
    lefts = [0.0] * n
    row_of = [i % rows for i in range(n)]
    for row in range(rows):
        members = [i for i in range(n) if row_of[i] == row]
        end = -gap
        for i in members:
            lefts[i] = max(min(max(xs[i] - 4.0, 0.0), width - card), end + gap)
            end = lefts[i] + card
        limit = width - card
        for i in reversed(members):
            lefts[i] = min(lefts[i], limit)
            limit = lefts[i] - gap - card
    return lefts, row_of
