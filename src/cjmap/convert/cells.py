"""What one cell of a journey sheet means: a list of items, a feeling, a metric, a yes.

Cells hold one item a line; bullets ("•", "-", "*", "·", "1.", "1)") are dropped (touchpoints
are read by ``channels``). A feeling is an integer on -3..+3 (or on ``--scale``), optionally followed by a word
for it (``-2 frustrated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cjmap.convert.problems import ConvertProblem
from cjmap.text import echo

# A dash or a plus is a bullet only before a space: "-2 frustrated" is a negative feeling.
_BULLET = re.compile(r"^\s*(?:[•·●▪■◦‣∙✓✔➢►▶→]|[*\-–—+](?=\s)|\d{1,2}[.)](?=\s))\s*")


def items(cell: str) -> list[str]:
    """One item a line, bullets and empty lines dropped."""
    found = []
    for line in cell.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        text = _BULLET.sub("", line, count=1).strip() if _BULLET.match(line) else line.strip()
        if text:
            found.append(text)
    return found


@dataclass(frozen=True)
class Scale:
    """A feeling scale a sheet may use, mapped onto cjmap's -3..+3."""

    low: int
    high: int

    @classmethod
    def parse(cls, text: str) -> Scale:
        match = re.fullmatch(r"\s*(-?\d+)\s*(?:-|\.\.|to|–)\s*(-?\d+)\s*", text)
        if not match or int(match[1]) >= int(match[2]):
            raise ValueError(f"{text!r} is not a scale such as 1-5, 1-10 or -3..3")
        return cls(int(match[1]), int(match[2]))

    def to_feeling(self, value: float) -> int:
        """``value`` on this scale as -3..+3: linear, rounded half away from zero."""
        if (self.low, self.high) == (-3, 3):
            return int(value)
        middle = (self.low + self.high) / 2
        scaled = (value - middle) / ((self.high - self.low) / 2) * 3
        rounded = int(abs(scaled) + 0.5) * (1 if scaled >= 0 else -1)
        return max(-3, min(3, rounded))


DEFAULT_SCALE = Scale(-3, 3)
_FEELING = re.compile(r"^\s*(?P<number>[+\-−–]?\s*\d+(?:[.,]\d+)?)\s*(?:/\s*\d+\s*)?(?P<label>.*)$")


def feeling(cell: str, scale: Scale, where: str) -> int | dict[str, Any] | None:
    """A feeling cell: ``-2``, ``+1 relieved``, ``4`` on ``--scale 1-5``; None when empty."""
    text = " ".join(cell.split())
    if not text:
        return None
    match = _FEELING.match(text)
    if not match:
        raise ConvertProblem(
            where,
            f"feeling {echo(text)} does not start with a number",
            "write a number from -3 (worst) to +3 (best), optionally followed by a word "
            "(-2 frustrated)",
        )
    number = float(
        re.sub(r"\s", "", match["number"]).replace("−", "-").replace("–", "-").replace(",", ".")
    )
    if not scale.low <= number <= scale.high or (
        scale == DEFAULT_SCALE and not number.is_integer()
    ):
        hint = (
            "the sheet uses another scale? say which: --scale 1-5 or --scale 1-10"
            if scale == DEFAULT_SCALE
            else f"write a number from {scale.low} to {scale.high}"
        )
        raise ConvertProblem(
            where, f"feeling {echo(text)} is outside {scale.low}..{scale.high}", hint
        )
    score = scale.to_feeling(number)
    label = match["label"].strip(" -–—:,;")
    if label:
        return {"score": score, "label": label[:80]}
    return score


def metric(text: str) -> dict[str, Any]:
    """``name | value | target`` (value and target optional) as a metric."""
    parts = [p.strip() for p in text.split("|")]
    found: dict[str, Any] = {"name": parts[0] or text}
    for key, part in zip(("value", "target"), parts[1:3], strict=False):
        if part:
            found[key] = _number(part)
    return found


def _number(text: str) -> int | float | str:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        return text
    return value if value == value and abs(value) != float("inf") else text


_YES = frozenset(
    [
        "yes",
        "y",
        "true",
        "x",
        "✓",
        "✔",
        "✅",
        "1",
        "*",
        "★",
        "⭐",
        "да",
        "д",
        "истина",
        "是",
        "对",
        "√",
        "да+",
        "точно",
    ]
)


def yes(cell: str) -> bool:
    """A moment-of-truth cell: any of yes / x / ✓ / да / 是 (and nothing else) is true."""
    return cell.strip().casefold().rstrip("!.") in _YES
