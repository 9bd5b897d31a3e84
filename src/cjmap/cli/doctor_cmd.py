"""``cjmap doctor``: versions and fonts, for when rendered output looks wrong."""

from __future__ import annotations

import sys

import typer

from cjmap.cli.core import EXIT_OK, EXIT_PROBLEMS, app


@app.command()
def doctor() -> None:
    """Show versions (cjmap, Python, WeasyPrint, Pango) and which fonts cover Latin, Cyrillic
    and CJK text, naming the package to install for anything missing.

    Exit codes: 0 everything in place, 1 something is missing (the output says what).
    """
    from cjmap.doctor import diagnose, format_report

    report = diagnose()
    sys.stdout.write(format_report(report))
    raise typer.Exit(EXIT_OK if report.ok else EXIT_PROBLEMS)
