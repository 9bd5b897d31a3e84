"""``cjmap actions``: the action register of many maps (owners, statuses, due dates)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cjmap.cli.core import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, app
from cjmap.cli.options import MapPaths, parse_date
from cjmap.cli.output import emit, fail
from cjmap.portfolio.actions_report import ACTIONS_PRINTER_BY_NAME

if TYPE_CHECKING:
    from cjmap.portfolio.actions import ActionRow

# The choices of --format, from the printers' table (which imports no printer).
ActionsFormat = StrEnum("ActionsFormat", {name: name for name in ACTIONS_PRINTER_BY_NAME})  # type: ignore[misc]
TABLE = ActionsFormat("table")


@app.command()
def actions(
    paths: MapPaths,
    output_format: Annotated[
        ActionsFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output: table (default, grouped by owner), csv, json, markdown or ics "
            "(to-dos for a calendar).",
        ),
    ] = TABLE,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            metavar="TEXT",
            help="Only items whose owner contains TEXT (any case, any script).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUSES",
            help="Only items with these statuses (comma-separated: todo, doing, done, dropped).",
            show_default=False,
        ),
    ] = None,
    overdue: Annotated[
        bool,
        typer.Option("--overdue", help="Only overdue items (todo or doing, due before today)."),
    ] = False,
    due_before: Annotated[
        str | None,
        typer.Option(
            "--due-before",
            metavar="YYYY-MM-DD",
            help="Only items due before this date.",
            show_default=False,
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="YYYY-MM-DD",
            help="The date 'overdue' is judged against (default: today).",
            show_default=False,
        ),
    ] = None,
    fail_on_overdue: Annotated[
        bool,
        typer.Option("--fail-on-overdue", help="Exit 1 when any item listed is overdue."),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the register to FILE (written whole or not at all) instead of standard output.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """List the action items of maps: task, owner, status, due date, and what is overdue.

    Overdue items come first (most days late first), then by due date, owner, file and stage.
    A map with errors is reported on standard error as `cjmap validate` reports it and left
    out. Exit codes: 0 listed, 1 a map has errors (the others are still listed) or, with
    --fail-on-overdue, an item listed is overdue; 2 usage error: a path that does not exist,
    a bad date or status.
    """
    from cjmap.parallel import default_jobs
    from cjmap.portfolio.actions import ActionFilter, parse_statuses, register_paths

    day = parse_date("--today", today) or dt.date.today()
    try:
        statuses = parse_statuses(status) if status is not None else None
    except ValueError as exc:
        raise fail(str(exc)) from None
    wanted = ActionFilter(owner, statuses, overdue, parse_date("--due-before", due_before))
    register = register_paths(paths, today=day, jobs=default_jobs())
    for name, why in register.missing:
        print(f"cjmap: {name}: {why}", file=sys.stderr)
    if register.missing and not register.checked:
        raise typer.Exit(EXIT_USAGE)
    if register.problems:
        from cjmap.report.text import print_text

        print_text(
            register.problems,
            register.source_of,
            sys.stderr,
            files=len(register.checked),
            color=sys.stderr.isatty(),
            summary_line=False,
        )
        left_out = len(register.failed_files)
        print(
            f"cjmap: {left_out} map{'s' if left_out != 1 else ''} with errors left out of the "
            "register (run `cjmap validate` on them)",
            file=sys.stderr,
        )
    rows = wanted.apply(register.rows)
    _emit(rows, output_format.value, output, day)
    if register.missing:
        raise typer.Exit(EXIT_USAGE)
    failed = register.problems or (fail_on_overdue and any(row.overdue for row in rows))
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)


def _emit(rows: list[ActionRow], output_format: str, output: Path | None, day: dt.date) -> None:
    from io import StringIO

    from cjmap.portfolio.actions_report import ActionsStyle, actions_printer

    color = output is None and output_format == "table" and sys.stdout.isatty()
    buffer = StringIO()
    actions_printer(output_format)(rows, buffer, ActionsStyle(color=color, today=day))
    emit(buffer.getvalue(), output, what="the register")
