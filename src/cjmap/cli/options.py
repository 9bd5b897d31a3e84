"""Arguments and option values several commands share: one definition each, one message each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.output import fail

MapPaths = Annotated[
    list[Path],
    typer.Argument(
        help="Map files, or folders to search for *.cjm.yaml files.", show_default=False
    ),
]
"""The maps a command works on (validate, render, actions)."""


def parse_date(option: str, text: str | None) -> dt.date | None:
    """``text`` given to ``option`` as a date, or a usage error (exit 2) saying how to write it."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise fail(
            f"{option} {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25"
        ) from None
