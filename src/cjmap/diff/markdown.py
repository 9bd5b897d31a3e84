"""``--format markdown``: a pull-request comment or job summary (GitHub-flavoured Markdown).

A one-line summary; per map a table of the feeling changes per stage, the before/after curve as
a Mermaid ``xychart-beta`` line chart (GitHub draws it), and every change under ``<details>``.
The first line is an HTML comment, ``<!-- cjmap-diff -->``, by which a CI step finds its own
earlier comment to update.

Everything from a map stays text: Markdown's punctuation is backslash-escaped (``<script>`` is
shown, never run; ``|`` does not split a cell; ``@team`` is not a mention link), newlines and
control characters cannot start a new block, and Mermaid labels lose the characters that would
end their quoted string.
"""

from __future__ import annotations

import re
from typing import TextIO

from cjmap.diff import DiffStyle
from cjmap.diff.changes import DiffResult, MapDiff, Status
from cjmap.diff.chart import both, number
from cjmap.diff.describe import Row, rows, sections, signed, summary
from cjmap.text import printable

MARKER = "<!-- cjmap-diff -->"
"""The comment a CI step looks for to update its earlier comment instead of adding one."""

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~!#@$])")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_LABEL = 24
_SIGNS = {"+": "➕", "-": "➖", "~": "✏️", ">": "↕️", "✓": "✅"}
"""Each line's sign as a symbol: a bare ``+`` or ``-`` would start a nested Markdown list."""
BEFORE_COLOUR = "#6E7781"
AFTER_COLOUR = "#0072B2"


def md(text: str) -> str:
    """``text`` as inline Markdown text: punctuation escaped, one line."""
    return " ".join(_SPECIAL.sub(r"\\\1", printable(part)) for part in _NEWLINES.split(text))


def mermaid_text(text: str, limit: int = _LABEL) -> str:
    """A quoted Mermaid string: no character that would end it or the line."""
    clean = " ".join(printable(text).split())
    # Backticks open Mermaid's Markdown strings; quotes would end the label.
    clean = clean.replace('"', "”").replace("`", "ʹ").replace("<", "‹").replace(">", "›")
    if len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return f'"{clean}"'


def chart(diff: MapDiff, table: list[Row]) -> list[str]:
    """The Mermaid block of one map's before/after curve (no lines when no feeling is set)."""
    old, new = both(table)
    if old is None and new is None:
        return []
    labels = []
    for row in table:
        mark = " (new)" if row.present == "new" else " (removed)" if row.present == "old" else ""
        labels.append(mermaid_text(row.name, _LABEL - len(mark))[:-1] + mark + '"')
    palette = ", ".join(
        colour for colour, s in ((BEFORE_COLOUR, old), (AFTER_COLOUR, new)) if s is not None
    )
    what = "moment" if diff.points_are == "moments" else "stage"
    out = [
        "```mermaid",
        "---",
        "config:",
        "  themeVariables:",
        "    xyChart:",
        f'      plotColorPalette: "{palette}"',
        "---",
        "xychart-beta",
        f'    title "Feeling per {what}: before (grey), after (blue)"',
        f"    x-axis [{', '.join(labels)}]",
        '    y-axis "Feeling" -3 --> 3',
    ]
    for s in (old, new):
        if s is not None:
            out.append(f"    line [{', '.join(number(v) for v in s.values)}]")
    out.append("```")
    return out


def _table(table: list[Row], what: str) -> list[str]:
    changed = [r for r in table if r.old != r.new or r.present != "both"]
    if not changed:
        return [f"No {what}'s feeling changed."]
    out = [f"| {what.capitalize()} | Before | After | Change |", "|---|---:|---:|---|"]
    for r in changed:
        if r.present == "new":
            change = f"{what} added"
        elif r.present == "old":
            change = f"{what} removed"
        elif r.old is None or r.new is None:
            change = "feeling set" if r.old is None else "feeling removed"
        else:
            delta = r.new - r.old
            change = f"▲ {signed(delta)}" if delta > 0 else f"▼ {signed(delta)}"
        before = signed(r.old) if r.old is not None else ""
        after = signed(r.new) if r.new is not None else ""
        out.append(f"| {md(r.name)} | {before} | {after} | {change} |")
    return out


def _heading(diff: MapDiff) -> str:
    old, new = md(diff.old or ""), md(diff.new or "")
    where = {
        Status.added: f"{new} (added)",
        Status.removed: f"{old} (removed)",
        Status.renamed: f"{old} → {new} (renamed)",
    }.get(diff.status, new if old == new or not old else f"{old} → {new}")
    title = md(diff.title) if diff.title else where
    return f"### {title}\n\n{where}" if diff.title else f"### {title}"


def _details(diff: MapDiff) -> list[str]:
    found = sections(diff)
    if not found:
        return []
    count = sum(len(s.lines) for s in found)
    out = ["<details>", f"<summary>All {count} change{'s' if count != 1 else ''}</summary>", ""]
    for section in found:
        note = f" ({section.note})" if section.note else ""
        out.append(f"**{md(section.title)}**{note}")
        out.append("")
        out += [f"- {_SIGNS.get(line.sign, '•')} {md(line.text)}" for line in section.lines]
        out.append("")
    out.append("</details>")
    return out


def write(result: DiffResult, out: TextIO, style: DiffStyle) -> None:
    parts = [MARKER, "## Journey diff", "", f"**{md(summary(result.maps))}**", ""]
    if result.invalid:
        names = ", ".join(md(n) for n in result.invalid)
        parts += [
            f"> ⚠ Not compared, because of errors (see the job's log): {names}",
            "",
        ]
    for diff in result.maps:
        what = "moment" if diff.points_are == "moments" else "stage"
        table = rows(diff)
        parts += [_heading(diff), ""]
        if diff.status in (Status.modified, Status.renamed) and not diff.changes:
            parts += ["No change to the journey.", ""]
            continue
        if table:
            if diff.status in (Status.modified, Status.renamed):
                parts += [*_table(table, what), ""]
            drawn = chart(diff, table)
            if drawn:
                parts += [*drawn, ""]
                if any(r.present != "both" for r in table):
                    parts += [
                        f"_Where a {what} exists in one version only, that version's line "
                        "passes between its neighbours._",
                        "",
                    ]
        parts += [*_details(diff), ""]
    out.write("\n".join(parts).rstrip("\n") + "\n")
