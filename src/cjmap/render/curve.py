"""The emotional curve as SVG geometry: points, a smooth path, the zero line, the lowest point.

Units are millimetres, the same as the page, so a point sits exactly at the centre of its stage
column. The path is a monotone cubic (Fritsch-Carlson): smooth, and it never overshoots the
points, so it stays inside the -3..+3 band and a flat stretch stays flat. Templates only write
the numbers computed here as SVG elements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cjmap.model import Feeling

MIN_SCORE = -3
MAX_SCORE = 3


def valence(score: int) -> str:
    """``pos``, ``neg`` or ``neu``: the CSS class (colour and marker shape) of a score."""
    return "pos" if score > 0 else "neg" if score < 0 else "neu"


def signed(score: int) -> str:
    """A score as people read it on a scale: ``+2``, ``0``, ``−1`` (a real minus sign)."""
    return f"+{score}" if score > 0 else f"\N{MINUS SIGN}{-score}" if score < 0 else "0"


@dataclass(frozen=True)
class CurvePoint:
    """One marker on the curve."""

    key: int
    """The stage's or moment's index in the whole map."""
    x: float
    y: float
    score: int
    label: str | None
    valence: str
    text: str
    lowest: bool = False


@dataclass(frozen=True)
class Curve:
    """Everything a template needs to draw one curve panel."""

    width: float
    height: float
    zero_y: float
    top_y: float
    bottom_y: float
    path: str
    points: list[CurvePoint]
    ticks: list[tuple[float, str]]
    behind_path: str = ""
    """A second curve drawn dashed and grey behind (future state: the current journey)."""
    behind_points: list[CurvePoint] = field(default_factory=list)

    @property
    def lowest(self) -> list[CurvePoint]:
        return [p for p in self.points if p.lowest]


@dataclass(frozen=True)
class Scale:
    """Maps a score to a y coordinate inside a panel of a given height."""

    height: float
    pad_top: float
    pad_bottom: float

    @property
    def step(self) -> float:
        return (self.height - self.pad_top - self.pad_bottom) / (MAX_SCORE - MIN_SCORE)

    def y(self, score: float) -> float:
        return self.pad_top + (MAX_SCORE - score) * self.step


def _fmt(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def smooth_path(points: Sequence[tuple[float, float]]) -> str:
    """SVG path data of a monotone cubic through ``points`` (x strictly increasing)."""
    n = len(points)
    if n == 0:
        return ""
    if n == 1:
        return ""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    h = [xs[i + 1] - xs[i] for i in range(n - 1)]
    if any(step <= 0 for step in h):
        # Two points at the same x (two moments at one time): straight segments, no division
        # by zero (a map must not crash the renderer).
        return " ".join(
            f"{'M' if i == 0 else 'L'}{_fmt(x)} {_fmt(y)}" for i, (x, y) in enumerate(points)
        )
    delta = [(ys[i + 1] - ys[i]) / h[i] for i in range(n - 1)]
    m = [0.0] * n
    m[0] = delta[0]
    m[-1] = delta[-1]
    for i in range(1, n - 1):
        if delta[i - 1] * delta[i] <= 0:
            m[i] = 0.0
        else:
            # Weighted harmonic mean (Fritsch-Butland): monotone and smooth.
            w1 = 2 * h[i] + h[i - 1]
            w2 = h[i] + 2 * h[i - 1]
            m[i] = (w1 + w2) / (w1 / delta[i - 1] + w2 / delta[i])
    for i in range(n - 1):
        if delta[i] == 0:
            m[i] = m[i + 1] = 0.0
    parts = [f"M{_fmt(xs[0])} {_fmt(ys[0])}"]
    for i in range(n - 1):
        third = h[i] / 3
        c1 = (xs[i] + third, ys[i] + m[i] * third)
        c2 = (xs[i + 1] - third, ys[i + 1] - m[i + 1] * third)
        parts.append(
            f"C{_fmt(c1[0])} {_fmt(c1[1])} {_fmt(c2[0])} {_fmt(c2[1])} {_fmt(xs[i + 1])} {_fmt(ys[i + 1])}"
        )
    return " ".join(parts)


def lowest_keys(feelings: Sequence[Feeling | None]) -> set[int]:
    """Indexes of the lowest-scored stages or moments (both when two tie, none for a plateau)."""
    scores = [f.score for f in feelings if f is not None]
    if len(scores) < 2:
        return set()
    low = min(scores)
    if low == max(scores):
        return set()
    keys = {i for i, f in enumerate(feelings) if f is not None and f.score == low}
    # A low shared by more than two stages is a plateau, not a point: nothing to call out.
    return keys if len(keys) <= 2 else set()


def build_curve(
    samples: Sequence[tuple[int, float, Feeling | None]],
    *,
    width: float,
    height: float,
    lowest: set[int],
    context: Sequence[tuple[float, Feeling | None]] = (),
    behind: Sequence[tuple[int, float, Feeling | None]] = (),
    pad_top: float = 5.0,
    pad_bottom: float = 5.0,
) -> Curve:
    """A curve panel from ``(key, x, feeling)`` samples.

    ``context`` holds points just outside the panel (the neighbouring stages of a map split
    across pages): the path runs through them so the line enters and leaves the panel where
    it continues, but they get no marker. ``behind`` is a second series drawn behind.
    """
    scale = Scale(height, pad_top, pad_bottom)
    points = [
        CurvePoint(
            key=key,
            x=x,
            y=scale.y(f.score),
            score=f.score,
            label=f.label,
            valence=valence(f.score),
            text=signed(f.score),
            lowest=key in lowest,
        )
        for key, x, f in samples
        if f is not None
    ]
    line = sorted(
        [(p.x, p.y) for p in points] + [(x, scale.y(f.score)) for x, f in context if f is not None]
    )
    behind_points = [
        CurvePoint(key, x, scale.y(f.score), f.score, f.label, valence(f.score), signed(f.score))
        for key, x, f in behind
        if f is not None
    ]
    ticks = [(scale.y(s), signed(s)) for s in (MAX_SCORE, 0, MIN_SCORE)]
    return Curve(
        width=width,
        height=height,
        zero_y=scale.y(0),
        top_y=scale.y(MAX_SCORE),
        bottom_y=scale.y(MIN_SCORE),
        path=smooth_path(line),
        points=points,
        ticks=ticks,
        behind_path=smooth_path([(p.x, p.y) for p in behind_points]),
        behind_points=behind_points,
    )
