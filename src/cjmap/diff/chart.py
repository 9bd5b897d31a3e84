"""The before/after emotional curve as two series over one list of stages, for Mermaid's
``xychart-beta`` (Markdown) and the SVG of the HTML page.

A stage present in one version only has no point in the other; a line chart cannot leave a
gap, so the missing point is drawn where the line would pass between its neighbours (linear
interpolation; at either end, the nearest known point), and the stage's label says that it was
added or removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cjmap.diff.describe import Row


@dataclass(frozen=True)
class Series:
    """The scores of one version over every row, missing ones filled in."""

    values: list[float]
    known: list[bool]
    """False where the value was filled in."""


def series(scores: Sequence[int | None]) -> Series | None:
    """``scores`` with each None filled in between its known neighbours; None if none is known."""
    known = [i for i, s in enumerate(scores) if s is not None]
    if not known:
        return None
    values: list[float] = []
    for i, score in enumerate(scores):
        if score is not None:
            values.append(float(score))
            continue
        before = max((k for k in known if k < i), default=None)
        after = min((k for k in known if k > i), default=None)
        if before is None or after is None:
            nearest = after if before is None else before
            assert nearest is not None
            values.append(float(scores[nearest] or 0))
            continue
        low, high = float(scores[before] or 0), float(scores[after] or 0)
        values.append(low + (high - low) * (i - before) / (after - before))
    return Series(values, [s is not None for s in scores])


def both(rows: Sequence[Row]) -> tuple[Series | None, Series | None]:
    """The old and new series of ``rows``."""
    return series([r.old for r in rows]), series([r.new for r in rows])


def number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
