"""``--format csv``: one line per action item under a header of
:data:`~cjmap.portfolio.actions_report.COLUMNS`, for spreadsheets.

UTF-8 with a byte order mark, so Excel opens Chinese and Cyrillic text as such (without it,
Excel reads a CSV in the system's code page). ``overdue`` is ``true`` or ``false``; missing
values are empty cells. Lines end in CRLF (RFC 4180); a cell holding a comma, a quote or a
newline is quoted.

CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a single quote in front (``'=cmd()``), as OWASP advises, so a spreadsheet shows it as
text instead of running it as a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from cjmap.portfolio.actions import ActionRow
from cjmap.portfolio.actions_report import COLUMNS, ActionsStyle, record

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str | bool | None) -> str:
    """A value as a CSV cell: booleans as true/false, None as empty, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write(rows: Sequence[ActionRow], out: TextIO, style: ActionsStyle) -> None:
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        values = record(row)
        writer.writerow([cell(values[column]) for column in COLUMNS])
