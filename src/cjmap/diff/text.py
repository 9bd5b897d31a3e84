"""``--format text`` (the default): each map's changes grouped by stage, one sentence a line;
coloured with rich in a terminal, plain when piped (CI logs, ``git diff``'s pager)."""

from __future__ import annotations

from typing import TextIO

from cjmap.diff import DiffStyle
from cjmap.diff.changes import DiffResult, MapDiff, Status
from cjmap.diff.describe import sections, summary
from cjmap.text import printable

_COLOUR = {"+": "green", "-": "red", "✓": "green", "~": "yellow", ">": "cyan"}


def _heading(diff: MapDiff) -> str:
    old, new = printable(diff.old or ""), printable(diff.new or "")
    if diff.status is Status.added:
        return f"{new} (added)"
    if diff.status is Status.removed:
        return f"{old} (removed)"
    if diff.status is Status.renamed:
        return f"{old} → {new} (renamed)"
    return new if old == new or not old else f"{old} → {new}"


def lines(result: DiffResult, with_summary: bool = True) -> list[tuple[str, str]]:
    """(style, text) of every line of the report, style "" for plain."""
    out: list[tuple[str, str]] = []
    for diff in result.maps:
        out.append(("bold", _heading(diff)))
        if diff.title:
            out.append(("dim", f"  {printable(diff.title)}"))
        found = sections(diff)
        if not found and diff.status in (Status.modified, Status.renamed):
            out.append(("dim", "  no change to the journey"))
        for section in found:
            note = f" ({section.note})" if section.note else ""
            out.append(("bold", f"  {section.title}{note}"))
            for line in section.lines:
                out.append((_COLOUR.get(line.sign, ""), f"    {line.sign} {line.text}"))
        out.append(("", ""))
    if with_summary:
        out.append(("bold", summary(result.maps)))
    return out


def write(result: DiffResult, out: TextIO, style: DiffStyle) -> None:
    shown = lines(result, style.summary)
    if not style.color:
        out.write("".join(text + "\n" for _, text in shown))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True, emoji=False)
    for colour, text in shown:
        console.print(Text(text, style=colour or ""))
