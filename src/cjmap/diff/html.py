"""``--format html``: one standalone page, both curves overlaid as inline SVG, every change
listed; locked down as rendered maps are (cjmap.render.html): autoescaped template, no script,
no request of any kind, and a Content-Security-Policy that forbids any that might slip in.

Python computes the geometry (the same monotone curve as rendered maps,
:func:`cjmap.render.curve.smooth_path`); the template ``templates/diff/diff.html.j2`` only
writes it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from cjmap import __version__
from cjmap.diff import DiffStyle
from cjmap.diff.changes import DiffResult, MapDiff, Status
from cjmap.diff.chart import Series, both, number
from cjmap.diff.describe import Row, Section, rows, sections, signed, summary
from cjmap.render.curve import smooth_path

WIDTH = 960.0
HEIGHT = 300.0
PAD_LEFT = 140.0  # the first stage's name, slanted, runs to the left
PAD_RIGHT = 40.0
PAD_TOP = 20.0
PAD_BOTTOM = 90.0  # room for the stages' names under the axis
_LABEL = 22


@dataclass(frozen=True)
class Point:
    x: str
    y: str
    text: str
    name: str


@dataclass
class Plot:
    """One map's two curves as SVG numbers (strings, ready to write)."""

    width: str
    height: str
    old_path: str = ""
    new_path: str = ""
    old_points: list[Point] = field(default_factory=list)
    new_points: list[Point] = field(default_factory=list)
    labels: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(x, y, short name, full name) under each column."""
    ticks: list[tuple[str, str]] = field(default_factory=list)
    zero_y: str = ""
    left: str = ""
    right: str = ""


@dataclass
class MapView:
    heading: str
    title: str
    status: str
    table: list[Row]
    sections: list[Section]
    plot: Plot | None
    what: str


def _y(score: float) -> float:
    return PAD_TOP + (3 - score) * (HEIGHT - PAD_TOP - PAD_BOTTOM) / 6


def plot(table: list[Row]) -> Plot | None:
    old, new = both(table)
    if old is None and new is None:
        return None
    n = len(table)
    step = (WIDTH - PAD_LEFT - PAD_RIGHT) / max(n - 1, 1)
    xs = [PAD_LEFT + i * step if n > 1 else WIDTH / 2 for i in range(n)]
    result = Plot(width=number(WIDTH), height=number(HEIGHT))

    def draw(s: Series | None) -> tuple[str, list[Point]]:
        if s is None:
            return "", []
        line = [(x, _y(v)) for x, v in zip(xs, s.values, strict=True)]
        path = smooth_path(line) if len(line) > 1 else ""
        points = [
            Point(number(x), number(_y(v)), signed(int(v)), row.name)
            for x, v, ok, row in zip(xs, s.values, s.known, table, strict=True)
            if ok
        ]
        return path, points

    result.old_path, result.old_points = draw(old)
    result.new_path, result.new_points = draw(new)
    for x, row in zip(xs, table, strict=True):
        short = row.name if len(row.name) <= _LABEL else row.name[: _LABEL - 1] + "…"
        result.labels.append((number(x), number(HEIGHT - PAD_BOTTOM + 16), short, row.name))
    result.ticks = [(number(_y(s)), signed(s)) for s in (3, 0, -3)]
    result.zero_y = number(_y(0))
    result.left = number(PAD_LEFT - 20)
    result.right = number(WIDTH - PAD_RIGHT + 20)
    return result


def _heading(diff: MapDiff) -> str:
    old, new = diff.old or "", diff.new or ""
    if diff.status is Status.renamed or (old and new and old != new):
        return f"{old} → {new}"
    return new or old


def view(diff: MapDiff) -> MapView:
    table = rows(diff)
    return MapView(
        heading=_heading(diff),
        title=diff.title,
        status=diff.status.value,
        table=[r for r in table if r.old != r.new or r.present != "both"]
        if diff.status in (Status.modified, Status.renamed)
        else [],
        sections=sections(diff),
        plot=plot(table),
        what="moment" if diff.points_are == "moments" else "stage",
    )


def render(result: DiffResult) -> str:
    from cjmap.render.html import environment
    from cjmap.render.palette import COLOURS, css_variables

    template = environment("en").get_template("diff/diff.html.j2")
    return template.render(
        summary=summary(result.maps),
        maps=[view(m) for m in result.maps],
        invalid=result.invalid,
        C=COLOURS,
        css_vars=css_variables(),
        version=__version__,
        signed=signed,
    )


def write(result: DiffResult, out: TextIO, style: DiffStyle) -> None:
    out.write(render(result))
