"""The change model: what a journey diff found, as plain data every printer reads.

A :class:`Change` is one thing that changed at a place in the map, named by a path of keys:
field names, and for list items their id or natural key (``["stages", "sign-up", "feeling"]``,
``["stages", "discover", "opportunities", "publish-pricing", "actions", "Ship new pricing
page", "status"]``). Its ``old`` and ``new`` are JSON values. docs/diff.md documents the shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

JsonValue = Any
"""A value as JSON holds it: None, bool, int, float, str, list or dict of those."""

PathKey = tuple[str, ...]


class Op(StrEnum):
    """What happened at a path."""

    added = "added"
    removed = "removed"
    changed = "changed"
    moved = "moved"


class Status(StrEnum):
    """What happened to a map file as a whole."""

    modified = "modified"
    added = "added"
    removed = "removed"
    renamed = "renamed"


@dataclass(frozen=True, slots=True)
class Change:
    """One change.

    - ``added``/``removed``: a list item (a stage, a pain point, a tag...); ``new``/``old`` hold
      the item as the map writes it (fields left at their default omitted), the other is None.
    - ``changed``: a value; ``old`` and ``new`` are the two values (None when absent). A
      feeling's values are its scores; its label changes on the path ``[..., "feeling",
      "label"]``.
    - ``moved``: a list item that left its order (0-based indexes in ``old``/``new``), or that
      went to another stage (``old``/``new`` are then its whole old and new paths).
    """

    op: Op
    path: PathKey
    old: JsonValue = None
    new: JsonValue = None

    def record(self) -> dict[str, JsonValue]:
        """The change as the JSON printer writes it (docs/diff.md)."""
        return {"op": self.op.value, "path": list(self.path), "old": self.old, "new": self.new}


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """One stage (or moment) of a map version, for the before/after curve."""

    key: str
    """The stage id (a moment: its time), shared by both versions when matched."""
    name: str
    score: int | None


@dataclass
class MapDiff:
    """How one map differs between two versions."""

    old: str | None
    """``path`` or ``REV:path`` of the old version; None when the map was added."""
    new: str | None
    """Likewise for the new version; None when the map was removed."""
    status: Status
    changes: list[Change] = field(default_factory=list)
    title: str = ""
    """The map's title (the new one, else the old one), for headings."""
    old_curve: list[CurvePoint] = field(default_factory=list)
    new_curve: list[CurvePoint] = field(default_factory=list)
    points_are: str = "stages"
    """``stages`` or ``moments``: what the curve's points are."""

    @property
    def label(self) -> str:
        return self.new or self.old or ""

    def record(self) -> dict[str, JsonValue]:
        return {
            "old": self.old,
            "new": self.new,
            "status": self.status.value,
            "changes": [change.record() for change in self.changes],
        }


@dataclass
class DiffResult:
    """Every map compared by one run, and the maps that could not be (with errors)."""

    maps: list[MapDiff] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    """``REV:path`` or ``path`` of each map version with errors (reported apart)."""

    @property
    def changed(self) -> bool:
        """True when any map differs (what ``--exit-code`` tests)."""
        return any(m.changes or m.status is not Status.modified for m in self.maps)

    def record(self) -> dict[str, JsonValue]:
        return {"maps": [m.record() for m in self.maps]}
