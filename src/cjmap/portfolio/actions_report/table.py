"""``--format table`` (the default): the register for people, grouped by owner.

Owners come in register order (the owner of the most overdue item first), items without an
owner last; each group lists due date, status, task, stage and map, and how many days an
overdue item is late. On a terminal that note is red (rich is imported only then); piped or
written with ``-o``, the same text without colour. Columns are measured in terminal cells (a
Chinese character takes two) and long texts are clipped with ``…``: the machine formats keep
them whole. Control and bidi characters are shown as ``\\uXXXX``, so a map cannot rewrite the
terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from cjmap.portfolio.actions import ActionRow, folded
from cjmap.portfolio.actions_report import ActionsStyle
from cjmap.text import cells, printable

HEADERS = ("due", "status", "task", "stage", "map")
MAX_WIDTH = {"task": 48, "stage": 20, "map": 30}
NO_OWNER = "(no owner)"
INDENT = "  "
GAP = "  "


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in ``…`` when cut."""
    if cells(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        size = cells(ch)
        if used + size > width - 1:
            break
        out.append(ch)
        used += size
    return "".join(out) + "…"


def pad(text: str, width: int) -> str:
    return text + " " * (width - cells(text))


def late(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''} overdue"


def _fields(row: ActionRow) -> dict[str, str]:
    shown = {
        "due": row.due.isoformat() if row.due is not None else "-",
        "status": row.status.value,
        "task": row.task,
        "stage": row.stage_name,
        "map": row.map_title,
    }
    return {
        name: clip(printable(value), MAX_WIDTH.get(name, 10_000)) for name, value in shown.items()
    }


def _groups(rows: Sequence[ActionRow]) -> list[tuple[str, list[ActionRow]]]:
    """Rows by owner (compared without case), in order of each owner's first row."""
    groups: dict[str | None, tuple[str, list[ActionRow]]] = {}
    for row in rows:
        key = folded(row.owner) if row.owner is not None else None
        if key not in groups:
            groups[key] = (printable(row.owner) if row.owner is not None else NO_OWNER, [])
        groups[key][1].append(row)
    return [group for key, group in groups.items() if key is not None] + (
        [groups[None]] if None in groups else []
    )


def lines(rows: Sequence[ActionRow], style: ActionsStyle) -> list[tuple[str, str, str]]:
    """The table as (text, note, kind) lines: ``note`` is an overdue note after the text;
    ``kind`` is ``owner``, ``header``, ``row``, ``blank`` or ``total`` (for colour)."""
    fields = {id(row): _fields(row) for row in rows}
    widths = {h: max([cells(h)] + [cells(f[h]) for f in fields.values()]) for h in HEADERS}
    out: list[tuple[str, str, str]] = []
    for owner, members in _groups(rows):
        overdue = sum(row.overdue for row in members)
        count = f"{len(members)} item{'s' if len(members) != 1 else ''}"
        out.append((f"{owner} ({count}{f', {overdue} overdue' if overdue else ''})", "", "owner"))
        head = GAP.join(pad(h.upper(), widths[h]) for h in HEADERS)
        out.append((INDENT + head.rstrip(), "", "header"))
        for row in members:
            text = GAP.join(pad(fields[id(row)][h], widths[h]) for h in HEADERS)
            note = late(row.days_overdue) if row.overdue else ""
            out.append((INDENT + (text + GAP if note else text.rstrip()), note, "row"))
        out.append(("", "", "blank"))
    overdue = sum(row.overdue for row in rows)
    noun = "action item" if len(rows) == 1 else "action items"
    total = f"{len(rows)} {noun}, {overdue} overdue (as of {style.today.isoformat()})"
    out.append(
        (total if rows else f"no action items (as of {style.today.isoformat()})", "", "total")
    )
    return out


def write(rows: Sequence[ActionRow], out: TextIO, style: ActionsStyle) -> None:
    shown = lines(rows, style)
    if not style.color:
        out.write("".join(text + note + "\n" for text, note, _ in shown))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=out, force_terminal=True, highlight=False, soft_wrap=True, emoji=False, markup=False
    )
    look = {"owner": "bold", "header": "dim", "total": "bold", "row": "", "blank": ""}
    for text, note, kind in shown:
        line = Text(text, style=look[kind])
        if note:
            line.append(note, style="bold red")
        console.print(line)
