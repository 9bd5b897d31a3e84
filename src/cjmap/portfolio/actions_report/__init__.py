"""Printers of the action register (``cjmap actions --format``).

As :mod:`cjmap.report` does for findings: a printer is chosen by name from
:data:`ACTIONS_PRINTER_BY_NAME`, every printer has the one signature of :class:`ActionsPrinter`
(rows, a text stream, an :class:`ActionsStyle`), the table gives ``--format`` its choices, and a
printer's module is imported only when it is chosen.

Every printer shows the input as text, whatever it holds: ``<script>``, ``|``, newlines and
``=cmd()`` are escaped or quoted as the format needs (see each module).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    # Type-only: the table of printers is read at every start-up (it gives --format its
    # choices), and the rows' module loads the models.
    from cjmap.portfolio.actions import ActionRow


@dataclass(frozen=True)
class ActionsStyle:
    """How to print: colour (the table, on a terminal) and the day overdue was judged on."""

    color: bool = False
    today: dt.date = field(default_factory=dt.date.today)


class ActionsPrinter(Protocol):
    def __call__(self, rows: Sequence[ActionRow], out: TextIO, style: ActionsStyle) -> None: ...


ACTIONS_PRINTER_BY_NAME: dict[str, str] = {
    "table": "cjmap.portfolio.actions_report.table",
    "csv": "cjmap.portfolio.actions_report.csv",
    "json": "cjmap.portfolio.actions_report.json",
    "markdown": "cjmap.portfolio.actions_report.markdown",
    "ics": "cjmap.portfolio.actions_report.ics",
}
"""Output format name -> the module whose ``write`` prints it (in ``--format`` order)."""

COLUMNS = (
    "file",
    "map",
    "stage",
    "stage_name",
    "opportunity",
    "opportunity_text",
    "task",
    "owner",
    "status",
    "due",
    "overdue",
)
"""The columns of the CSV and Markdown tables and the keys of a JSON row, in order."""


def record(row: ActionRow) -> dict[str, str | bool | None]:
    """A row as the machine formats show it: :data:`COLUMNS` as keys, dates in ISO form."""
    return {
        "file": row.file,
        "map": row.map_title,
        "stage": row.stage_id,
        "stage_name": row.stage_name,
        "opportunity": row.opportunity_id,
        "opportunity_text": row.opportunity_text,
        "task": row.task,
        "owner": row.owner,
        "status": row.status.value,
        "due": row.due.isoformat() if row.due is not None else None,
        "overdue": row.overdue,
    }


def actions_printer(name: str) -> ActionsPrinter:
    """The printer of format ``name`` (a key of :data:`ACTIONS_PRINTER_BY_NAME`)."""
    printer: ActionsPrinter = importlib.import_module(ACTIONS_PRINTER_BY_NAME[name]).write
    return printer
