"""Changes told for people: grouped by map part (the map's header, the persona, each stage...)
and written as short sentences, for the text, Markdown and HTML printers.

"A pain point was resolved", "an action item was handed from the web team to support", "the
sign-up stage went from -2 to +1": the JSON keeps paths and values; these are the same changes
read aloud. Labels are English (docs/diff.md says why).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjmap.diff.changes import Change, JsonValue, MapDiff, Op, Status
from cjmap.text import printable

_LIMIT = 160

_HEADER_NAMES = {
    "title": "title",
    "kind": "kind",
    "lang": "language",
    "owner": "owner",
    "reviewed": "last review",
    "review_every": "review every (days)",
    "tags": "tag",
    "objective": "objective",
    "scenario": "scenario",
    "expectations": "expectation",
    "compares": "compared map",
}
_ITEM_NAMES = {
    "actions": "action",
    "thoughts": "thought",
    "touchpoints": "touchpoint",
    "pain_points": "pain point",
    "opportunities": "opportunity",
    "metrics": "metric",
    "goals": "goal",
    "needs": "need",
    "frustrations": "frustration",
    "motivations": "motivation",
    "sources": "research source",
    "says": "says",
    "thinks": "thinks",
    "does": "does",
    "feels": "feels",
    "pains": "pain",
    "gains": "gain",
}


@dataclass(frozen=True)
class Line:
    """One change as a sentence; ``sign`` is ``+`` added, ``-`` removed, ``~`` changed,
    ``>`` moved, ``✓`` resolved."""

    sign: str
    text: str


@dataclass
class Section:
    """The lines about one part of a map: its header, its persona, a stage, a moment..."""

    title: str
    lines: list[Line] = field(default_factory=list)
    note: str = ""
    """``added``, ``removed`` or ``moved`` for a stage or moment as a whole; else empty."""


def shown(value: JsonValue, limit: int = _LIMIT) -> str:
    """A value quoted for a sentence: text in quotes, control and bidi characters escaped."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        for name in ("text", "task", "name", "activity", "note", "id", "kind"):
            if value.get(name):
                return shown(value[name], limit)
        return "(item)"
    if isinstance(value, list):
        return ", ".join(shown(v, limit) for v in value)
    text = printable(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"“{text}”"


def signed(score: int | None) -> str:
    """A feeling score as people read it on a scale: +2, 0, −1 (a real minus sign)."""
    if score is None:
        return "(none)"
    return f"+{score}" if score > 0 else f"\N{MINUS SIGN}{-score}" if score < 0 else "0"


def feeling_change(old: int | None, new: int | None) -> str:
    if old is None or new is None:
        return f"feeling {signed(old)} → {signed(new)}"
    delta = new - old
    return f"feeling {signed(old)} → {signed(new)} ({'+' if delta > 0 else ''}{signed(delta) if delta < 0 else delta})"


def _names(diff: MapDiff) -> dict[str, str]:
    names = {p.key: p.name for p in diff.old_curve}
    names.update({p.key: p.name for p in diff.new_curve})
    return names


def sections(diff: MapDiff) -> list[Section]:
    """The changes of one map, grouped for people, in the map's order."""
    header = Section("Map")
    persona = Section("Persona")
    parts: dict[tuple[str, str], Section] = {}
    rest = Section("Other")
    names = _names(diff)
    for change in diff.changes:
        top = change.path[0] if change.path else ""
        if top in ("stages", "moments") and len(change.path) >= 2:
            key = change.path[1]
            section = parts.get((top, key))
            if section is None:
                noun = "Stage" if top == "stages" else "Moment"
                title = names.get(key, key)
                label = (
                    f"{noun} {shown(title)}" if top == "stages" else f"{noun} {key} {shown(title)}"
                )
                section = parts[(top, key)] = Section(label)
            _part(section, change)
        elif top == "persona":
            persona.lines.append(_persona(change))
        elif top in _HEADER_NAMES:
            header.lines.append(_header(change))
        elif top == "empathy" and len(change.path) >= 2:
            rest.title = "Empathy map"
            rest.lines.append(_listed(change, _ITEM_NAMES.get(change.path[1], change.path[1])))
        else:
            rest.lines.append(_generic(change, change.path))
    found = [s for s in (header, persona) if s.lines]
    found += [s for s in parts.values() if s.lines]
    if rest.lines:
        found.append(rest)
    return found


def _header(change: Change) -> Line:
    name = _HEADER_NAMES[change.path[0]]
    if len(change.path) == 2 and change.op in (Op.added, Op.removed):
        return _listed(change, name)
    return Line("~", f"{name}: {shown(change.old)} → {shown(change.new)}")


def _persona(change: Change) -> Line:
    path = change.path[1:]
    if not path:
        return Line("~", f"persona: {shown(change.old)} → {shown(change.new)}")
    if path == ("file",):
        return Line("~", f"persona file: {shown(change.old)} → {shown(change.new)}")
    if len(path) == 2 and change.op is not Op.changed:
        return _listed(change, _ITEM_NAMES.get(path[0], path[0]))
    return _generic(change, path)


def _listed(change: Change, noun: str) -> Line:
    """An entry of a list added, removed, reworded or reordered."""
    if change.op is Op.added:
        return Line("+", f"{noun} added: {shown(change.new)}")
    if change.op is Op.removed:
        return Line("-", f"{noun} removed: {shown(change.old)}")
    if change.op is Op.moved:
        return Line(
            ">",
            f"{noun} {shown(change.path[-1])} moved from position {change.old + 1} to {change.new + 1}",
        )
    return Line("~", f"{noun} reworded: {shown(change.old)} → {shown(change.new)}")


def _generic(change: Change, path: tuple[str, ...]) -> Line:
    where = " › ".join(printable(p) for p in path)
    if change.op is Op.added:
        return Line("+", f"{where} added: {shown(change.new)}")
    if change.op is Op.removed:
        return Line("-", f"{where} removed: {shown(change.old)}")
    if change.op is Op.moved:
        return Line(">", f"{where} moved")
    return Line("~", f"{where}: {shown(change.old)} → {shown(change.new)}")


def _part(section: Section, change: Change) -> None:
    """A change of a stage or moment (``section``), told by what it touches."""
    path = change.path[2:]
    top = change.path[0]
    if not path:
        if change.op is Op.added:
            section.note = "added"
            section.lines.append(Line("+", f"{'stage' if top == 'stages' else 'moment'} added"))
        elif change.op is Op.removed:
            section.note = "removed"
            section.lines.append(Line("-", f"{'stage' if top == 'stages' else 'moment'} removed"))
        elif change.op is Op.moved:
            section.note = section.note or "moved"
            section.lines.append(
                Line(">", f"moved from position {change.old + 1} to {change.new + 1}")
            )
        return
    field_name = path[0]
    if path == ("name",):
        section.lines.append(Line("~", f"renamed: {shown(change.old)} → {shown(change.new)}"))
    elif path == ("feeling",):
        section.lines.append(Line("~", feeling_change(change.old, change.new)))
    elif path == ("feeling", "label"):
        section.lines.append(Line("~", f"feeling label: {shown(change.old)} → {shown(change.new)}"))
    elif field_name == "pain_points" and len(path) == 2:
        section.lines.append(_pain_point(change))
    elif field_name == "opportunities" and len(path) >= 3 and path[2] == "actions":
        section.lines.append(_action_item(change, path))
    elif len(path) == 2 and field_name in _ITEM_NAMES:
        noun = _ITEM_NAMES[field_name]
        if change.op is Op.moved and isinstance(change.old, list):
            section.lines.append(
                Line(">", f"{noun} moved here from {_where(change.old)}: {shown(path[1])}")
            )
        else:
            section.lines.append(_listed(change, noun))
    elif len(path) == 3 and field_name in _ITEM_NAMES:
        noun = _ITEM_NAMES[field_name]
        section.lines.append(
            Line(
                "~", f"{noun} {shown(path[1])}: {path[2]} {shown(change.old)} → {shown(change.new)}"
            )
        )
    else:
        section.lines.append(_generic(change, path))


def _where(path: list[str]) -> str:
    return f"stage {shown(path[1])}" if len(path) > 1 else "elsewhere"


def _pain_point(change: Change) -> Line:
    if change.op is Op.removed:
        return Line("✓", f"pain point resolved: {shown(change.old)}")
    if change.op is Op.added:
        return Line("+", f"new pain point: {shown(change.new)}")
    if change.op is Op.moved and isinstance(change.old, list):
        return Line(
            ">", f"pain point moved here from {_where(change.old)}: {shown(change.path[-1])}"
        )
    return _listed(change, "pain point")


def _action_item(change: Change, path: tuple[str, ...]) -> Line:
    """An item of an opportunity's action plan: path is (opportunities, OPP, actions, TASK, ...)."""
    opportunity = shown(path[1])
    if len(path) == 3:
        return _generic(change, path)
    task = shown(path[3])
    if len(path) == 4:
        if change.op is Op.added:
            item = change.new if isinstance(change.new, dict) else {}
            owner = f" (owner {shown(item.get('owner'))})" if item.get("owner") else ""
            return Line("+", f"action item added to {opportunity}: {task}{owner}")
        if change.op is Op.removed:
            return Line("-", f"action item removed from the plan of {opportunity}: {task}")
        return _listed(change, "action item")
    what = path[4]
    if what == "owner":
        return Line(
            "~", f"action item {task} handed from {shown(change.old)} to {shown(change.new)}"
        )
    if what == "status":
        return Line("~", f"action item {task}: status {change.old} → {change.new}")
    if what == "due":
        return Line("~", f"action item {task}: due {shown(change.old)} → {shown(change.new)}")
    return Line("~", f"action item {task}: {what} {shown(change.old)} → {shown(change.new)}")


@dataclass(frozen=True)
class Row:
    """One stage (or moment) in the before/after feeling table and curve."""

    key: str
    name: str
    old: int | None
    new: int | None
    present: str
    """``both``, ``old`` (removed) or ``new`` (added)."""


def rows(diff: MapDiff) -> list[Row]:
    """Stages of both versions in one order: the new one, with each removed stage placed right
    after the stage it followed in the old version."""
    old_at = {p.key: p for p in diff.old_curve}
    out = [
        Row(
            p.key,
            p.name,
            old_at[p.key].score if p.key in old_at else None,
            p.score,
            "both" if p.key in old_at else "new",
        )
        for p in diff.new_curve
    ]
    new_keys = {p.key for p in diff.new_curve}
    after = -1  # where the last removed stage went
    for p in diff.old_curve:
        if p.key in new_keys:
            after = next(n for n, row in enumerate(out) if row.key == p.key)
            continue
        after += 1
        out.insert(after, Row(p.key, p.name, p.score, None, "old"))
    return out


def summary(result_maps: list[MapDiff]) -> str:
    """One line for a whole run: how many maps changed and what happened to the customer."""
    if not any(m.changes or m.status is not Status.modified for m in result_maps):
        return "No journey map changed."
    counts = {"added": 0, "removed": 0, "renamed": 0, "modified": 0}
    for m in result_maps:
        counts[m.status.value] += 1
    changed = [m for m in result_maps if m.changes or m.status is not Status.modified]
    parts = [f"{len(changed)} map{'s' if len(changed) != 1 else ''} changed"]
    extra = [f"{n} {word}" for word, n in counts.items() if n and word != "modified"]
    if extra:
        parts[0] += f" ({', '.join(extra)})"
    stats = tally([c for m in result_maps for c in m.changes])
    parts += [text for text in stats if text]
    return "; ".join(parts) + "."


def tally(changes: list[Change]) -> list[str]:
    """What changed for the customer, counted: feelings up and down, pain points..."""
    up = down = resolved = new_pain = stages_added = stages_removed = moved = 0
    for c in changes:
        p = c.path
        if (
            len(p) == 3
            and p[0] in ("stages", "moments")
            and p[2] == "feeling"
            and c.op is Op.changed
        ):
            if isinstance(c.old, int) and isinstance(c.new, int):
                up += c.new > c.old
                down += c.new < c.old
        elif len(p) == 4 and p[0] == "stages" and p[2] == "pain_points":
            resolved += c.op is Op.removed
            new_pain += c.op is Op.added
        elif len(p) == 2 and p[0] == "stages":
            stages_added += c.op is Op.added
            stages_removed += c.op is Op.removed
            moved += c.op is Op.moved
    return [
        _count(stages_added, "stage added", "stages added"),
        _count(stages_removed, "stage removed", "stages removed"),
        _count(moved, "stage moved", "stages moved"),
        _count(up, "feeling better at 1 stage", f"feeling better at {up} stages", bare=True),
        _count(down, "feeling worse at 1 stage", f"feeling worse at {down} stages", bare=True),
        _count(resolved, "pain point resolved", "pain points resolved"),
        _count(new_pain, "new pain point", "new pain points"),
    ]


def _count(n: int, one: str, many: str, bare: bool = False) -> str:
    if not n:
        return ""
    if bare:
        return one if n == 1 else many
    return f"{n} {one if n == 1 else many}"
