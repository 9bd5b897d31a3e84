"""``cjmap doctor``: versions and fonts, for when rendered output looks wrong."""

from __future__ import annotations

import sys

import typer

from cjmap.cli.core import EXIT_OK, EXIT_PROBLEMS, app


@app.command()
def doctor() -> None:
    """Show versions (cjmap, Python, WeasyPrint, Pango) and which fonts cover Latin, Cyrillic,
    CJK and emoji, naming what to install on this platform for anything missing.

    Fonts are checked with fontconfig's fc-list; where it is missing or finds nothing (Windows,
    some macOS set-ups) by drawing a sample of each script with WeasyPrint. The output says which.

    Exit codes: 0 everything in place, 1 something is missing (the output says what).
    """
    from cjmap.doctor import diagnose, format_report

    report = diagnose()
    sys.stdout.write(format_report(report))
    raise typer.Exit(EXIT_OK if report.ok else EXIT_PROBLEMS)
