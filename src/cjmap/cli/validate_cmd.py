"""``cjmap validate``: check maps in CI, in pre-commit hooks and by hand."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, app


@app.command()
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Map files, or folders to search for *.cjm.yaml files.", show_default=False),
    ],
    no_source: Annotated[
        bool, typer.Option("--no-source", help="Do not print the source line under each problem.")
    ] = False,
) -> None:
    """Check maps: YAML syntax, the format, references, ids.

    Prints one line per problem (file:line:column: severity: message) and a summary.
    Exit codes: 0 clean, 1 problems found, 2 a path does not exist.
    """
    from cjmap.report.text import print_text
    from cjmap.validate import validate_paths

    result = validate_paths(paths)
    for name, why in result.missing:
        print(f"cjmap: {name}: {why}", file=sys.stderr)
    if result.missing and not result.maps:
        raise typer.Exit(EXIT_USAGE)
    print_text(
        result.diagnostics,
        result.source_of,
        sys.stdout,
        files=result.files,
        color=sys.stdout.isatty(),
        show_source=not no_source,
    )
    if result.missing:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_PROBLEMS if result.worst() == "error" else EXIT_OK)
