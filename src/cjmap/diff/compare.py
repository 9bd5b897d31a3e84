"""Compare two loaded versions of a map: header, persona, stages (or moments, or the empathy
quadrants), down to each action item, as a list of :class:`~cjmap.diff.changes.Change`.

Both versions are dumped to plain data (as JSON would hold them) and walked together; lists are
matched by :mod:`cjmap.diff.match`. Two rules a plain YAML diff cannot know: a feeling is
compared by its score (its label is a change of its own), and a pain point or opportunity that
left one stage for another is one move, not a removal and an addition.
"""

from __future__ import annotations

from typing import Any

from cjmap.diff.changes import Change, CurvePoint, JsonValue, MapDiff, Op, PathKey, Status
from cjmap.diff.match import match, unique_keys
from cjmap.load.loader import LoadedMap
from cjmap.model import DayInTheLifeMap, EmpathyMap, Persona

# The natural key of a list item, by the first of these fields it has (ids first).
_KEY_FIELDS = ("id", "task", "name", "time", "note", "text", "kind")
# Items that may move from one stage to another as themselves (ids are map-wide).
_MOVABLE = ("pain_points", "opportunities")
# Header fields, in the order people read them; `persona` is compared apart.
_HEADER = (
    "title",
    "kind",
    "lang",
    "owner",
    "reviewed",
    "review_every",
    "tags",
    "objective",
    "scenario",
    "expectations",
    "compares",
)


def item_key(item: Any) -> str:
    """The id or natural key that names a list item in a change's path."""
    if isinstance(item, dict):
        for name in _KEY_FIELDS:
            value = item.get(name)
            if value not in (None, ""):
                return str(value)
        return ""
    return str(item)


def _text(item: Any) -> str:
    """What an item says, without its id: what position matching compares."""
    if isinstance(item, dict):
        return " ".join(_text(v) for k, v in item.items() if k != "id" and v not in (None, []))
    if isinstance(item, list):
        return " ".join(_text(v) for v in item)
    return "" if item is None else str(item)


def pruned(value: JsonValue) -> JsonValue:
    """An item as a map would write it: empty fields (None, [], false) left out."""
    if isinstance(value, dict):
        return {k: pruned(v) for k, v in value.items() if v not in (None, [], False, {})}
    if isinstance(value, list):
        return [pruned(v) for v in value]
    return value


class _Walker:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def value(self, path: PathKey, old: JsonValue, new: JsonValue) -> None:
        if path and path[-1] == "feeling":
            self.feeling(path, old, new)
        elif isinstance(old, dict) and isinstance(new, dict):
            for key in [*old, *(k for k in new if k not in old)]:
                self.value((*path, key), old.get(key), new.get(key))
        elif isinstance(old, list | None) and isinstance(new, list | None) and (old or new):
            self.list(path, old or [], new or [])
        elif old != new:
            self.changes.append(Change(Op.changed, path, old, new))

    def feeling(self, path: PathKey, old: JsonValue, new: JsonValue) -> None:
        old_score = old.get("score") if isinstance(old, dict) else None
        new_score = new.get("score") if isinstance(new, dict) else None
        if old_score != new_score:
            self.changes.append(Change(Op.changed, path, old_score, new_score))
        old_label = old.get("label") if isinstance(old, dict) else None
        new_label = new.get("label") if isinstance(new, dict) else None
        if old_label != new_label:
            self.changes.append(Change(Op.changed, (*path, "label"), old_label, new_label))

    def list(self, path: PathKey, old: list[Any], new: list[Any]) -> None:
        found = match(old, new, item_key, _text)
        for gone in found.removed:
            self.changes.append(
                Change(Op.removed, (*path, found.old_keys[gone]), pruned(old[gone]))
            )
        partner = {j: i for i, j in found.pairs}
        for j, item in enumerate(new):
            key = found.new_keys[j]
            i = partner.get(j)
            if i is None:
                self.changes.append(Change(Op.added, (*path, key), None, pruned(item)))
                continue
            if (i, j) in found.moved:
                self.changes.append(Change(Op.moved, (*path, key), i, j))
            if found.old_keys[i] != key and isinstance(old[i], str):
                # A reworded entry of a text list: the entry itself changed.
                self.changes.append(Change(Op.changed, (*path, key), old[i], item))
            else:
                self.value((*path, key), old[i], item)


def _moves_between_stages(changes: list[Change]) -> list[Change]:
    """Turn a removal from one stage and an addition to another of the same pain point or
    opportunity into one move (followed by what changed in it on the way)."""

    def where(change: Change) -> tuple[str, str] | None:
        p = change.path
        if len(p) == 4 and p[0] == "stages" and p[2] in _MOVABLE:
            return p[2], p[3]
        return None

    removed = {where(c): c for c in changes if c.op is Op.removed and where(c) is not None}
    if not removed:
        return changes
    out: list[Change] = []
    gone: set[int] = set()
    for change in changes:
        at = where(change)
        if change.op is Op.added and at in removed and removed[at].path != change.path:
            before = removed.pop(at)
            gone.add(id(before))
            out.append(Change(Op.moved, change.path, list(before.path), list(change.path)))
            inner = _Walker()
            inner.value(change.path, before.old, change.new)
            out += inner.changes
        else:
            out.append(change)
    return [c for c in out if id(c) not in gone]


def _dump(loaded: LoadedMap) -> dict[str, Any]:
    assert loaded.doc is not None
    data: dict[str, Any] = loaded.doc.model_dump(mode="json")
    data.pop("persona", None)
    data.pop("cjmap", None)
    return data


def _persona(loaded: LoadedMap) -> tuple[str | None, JsonValue]:
    assert loaded.doc is not None
    reference = loaded.doc.persona if isinstance(loaded.doc.persona, str) else None
    persona = loaded.persona if isinstance(loaded.persona, Persona) else None
    return reference, persona.model_dump(mode="json") if persona is not None else None


def curve(loaded: LoadedMap | None) -> tuple[list[CurvePoint], str]:
    """The points of a version's emotional curve, and what they are (stages or moments)."""
    doc = loaded.doc if loaded is not None else None
    if doc is None or isinstance(doc, EmpathyMap):
        return [], "stages"
    if isinstance(doc, DayInTheLifeMap):
        keys = [m.time for m in doc.moments]
        return [
            CurvePoint(k, m.activity, m.feeling.score if m.feeling else None)
            for k, m in zip(unique_keys(keys), doc.moments, strict=True)
        ], "moments"
    return [
        CurvePoint(s.id or "", s.name, s.feeling.score if s.feeling else None) for s in doc.stages
    ], "stages"


def compare(old: LoadedMap, new: LoadedMap) -> list[Change]:
    """Every change from ``old`` to ``new`` (both loaded without errors)."""
    walker = _Walker()
    before, after = _dump(old), _dump(new)
    for name in _HEADER:
        walker.value((name,), before.pop(name, None), after.pop(name, None))
    old_ref, old_persona = _persona(old)
    new_ref, new_persona = _persona(new)
    if old_ref != new_ref:
        walker.changes.append(Change(Op.changed, ("persona", "file"), old_ref, new_ref))
    walker.value(("persona",), old_persona, new_persona)
    walker.value((), before, after)
    return _moves_between_stages(walker.changes)


def diff_maps(
    old: LoadedMap | None,
    new: LoadedMap | None,
    old_name: str | None,
    new_name: str | None,
    status: Status | None = None,
) -> MapDiff:
    """The :class:`MapDiff` of two versions of a map (None: the map did not exist)."""
    if status is None:
        status = Status.added if old is None else Status.removed if new is None else Status.modified
    shown = new if new is not None and new.doc is not None else old
    result = MapDiff(
        old=old_name,
        new=new_name,
        status=status,
        title=shown.doc.title if shown is not None and shown.doc is not None else "",
    )
    result.old_curve, points = curve(old)
    result.new_curve, new_points = curve(new)
    result.points_are = new_points if new is not None else points
    if old is not None and new is not None:
        result.changes = compare(old, new)
    return result
