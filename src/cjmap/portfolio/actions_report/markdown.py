"""``--format markdown``: one GitHub-flavoured Markdown table, for an issue, a wiki page or a
pull-request comment, with the columns of :data:`~cjmap.portfolio.actions_report.COLUMNS`.

Every cell stays text: Markdown's punctuation (``|``, ``*``, ``_``, backticks, brackets, ``<``,
``>``, ``&``...) is backslash-escaped, so ``<script>`` is shown, never run, and ``|`` does not
split a cell; a newline becomes ``<br>``; other control characters are shown as ``\\uXXXX``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from cjmap.portfolio.actions import ActionRow
from cjmap.portfolio.actions_report import COLUMNS, ActionsStyle, record
from cjmap.text import printable

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that mean
# something in a table cell (emphasis, code, links, HTML, entities, strikethrough, the pipe).
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~!#])")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def cell(value: str | bool | None) -> str:
    """A value as a Markdown table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    lines = _NEWLINES.split(value)
    return "<br>".join(_SPECIAL.sub(r"\\\1", printable(line)) for line in lines)


def write(rows: Sequence[ActionRow], out: TextIO, style: ActionsStyle) -> None:
    out.write("| " + " | ".join(COLUMNS) + " |\n")
    out.write("|" + "---|" * len(COLUMNS) + "\n")
    for row in rows:
        values = record(row)
        out.write("| " + " | ".join(cell(values[c]) for c in COLUMNS) + " |\n")
