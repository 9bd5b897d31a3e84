"""The prioritisation matrix: every scored opportunity placed by effort (across) and impact (up).

The four quadrants split the 1-5 scales where a score stops being "cheap" or "worth it": an
effort of 1-2 is low, 3-5 high; an impact of 4-5 is high, 1-3 low (a middling impact is not
enough to make a quick win). The dividing lines are drawn where the classification puts them,
so what the picture shows and what the list says agree.

Only numbers go into the SVG: each point carries the number of its row in the list beside the
matrix, where the opportunity's text is (map text never becomes SVG text).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cjmap.render.views.labels import N_

QUADRANTS = {
    "quick-wins": N_("Quick wins"),
    "big-bets": N_("Big bets"),
    "fill-ins": N_("Fill-ins"),
    "time-sinks": N_("Time sinks"),
}
HIGH_IMPACT_FROM = 4
HIGH_EFFORT_FROM = 3

SIZE = 480.0
"""Side of the plot area, in SVG units."""
LEFT = 56.0
TOP = 16.0
BOTTOM = 52.0
RIGHT = 16.0
CELL = SIZE / 5
WIDTH = LEFT + SIZE + RIGHT
HEIGHT = TOP + SIZE + BOTTOM
DOT = 11.0


def quadrant(impact: int, effort: int) -> str:
    high_impact = impact >= HIGH_IMPACT_FROM
    low_effort = effort < HIGH_EFFORT_FROM
    if high_impact:
        return "quick-wins" if low_effort else "big-bets"
    return "fill-ins" if low_effort else "time-sinks"


@dataclass(frozen=True)
class Point:
    number: int
    x: float
    y: float
    quadrant: str


@dataclass(frozen=True)
class Geometry:
    points: list[Point]
    split_x: float
    split_y: float
    ticks_x: list[tuple[int, float]]
    ticks_y: list[tuple[int, float]]
    width: float = WIDTH
    height: float = HEIGHT
    left: float = LEFT
    top: float = TOP
    size: float = SIZE
    dot: float = DOT


def x_of(effort: float) -> float:
    return LEFT + (effort - 0.5) * CELL


def y_of(impact: float) -> float:
    return TOP + SIZE - (impact - 0.5) * CELL


def layout(scores: list[tuple[int, int]]) -> Geometry:
    """Points for ``scores`` (impact, effort), numbered from 1 in order; several in one cell
    share it in a small grid, so none hides another."""
    by_cell: dict[tuple[int, int], list[int]] = {}
    for index, cell in enumerate(scores):
        by_cell.setdefault(cell, []).append(index)
    placed: dict[int, Point] = {}
    for (impact, effort), members in by_cell.items():
        per_row = math.ceil(math.sqrt(len(members)))
        rows = math.ceil(len(members) / per_row)
        step = min(CELL / (per_row + 0.5), CELL / (rows + 0.5), 2.4 * DOT)
        for k, index in enumerate(members):
            col, row = k % per_row, k // per_row
            dx = (col - (per_row - 1) / 2) * step
            dy = (row - (rows - 1) / 2) * step
            placed[index] = Point(
                index + 1, x_of(effort) + dx, y_of(impact) + dy, quadrant(impact, effort)
            )
    return Geometry(
        points=[placed[i] for i in range(len(scores))],
        split_x=x_of(HIGH_EFFORT_FROM - 0.5),
        split_y=y_of(HIGH_IMPACT_FROM - 0.5),
        ticks_x=[(n, x_of(n)) for n in range(1, 6)],
        ticks_y=[(n, y_of(n)) for n in range(1, 6)],
    )
