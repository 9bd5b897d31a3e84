"""Option values several commands read the same way, parsed without typer.

Apart from ``options.py`` (typer's declarations of shared arguments) because the plain
``cjmap validate`` path reads ``--today`` without importing typer.
"""

from __future__ import annotations

import datetime as dt

from cjmap.cli.output import fail


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
