"""``cjmap schema``: the JSON Schema editors use for completion and hover docs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli import EXIT_USAGE, app


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the schema here (e.g. cjmap.schema.json in the project root) "
            "instead of printing it.",
        ),
    ] = None,
    persona: Annotated[
        bool,
        typer.Option("--persona", help="The schema of a persona file instead of a map."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite OUTPUT even if it is not a schema cjmap wrote."),
    ] = False,
) -> None:
    """Print the JSON Schema of the map format (docs/schema.json is a copy of it).

    `cjmap new` points each map's first line at cjmap.schema.json in the project root; write it
    there with `cjmap schema -o cjmap.schema.json`. Rerunning it after an upgrade replaces a
    schema cjmap wrote; any other existing file needs --force.
    """
    from cjmap.output import OutputProblem, write_atomic
    from cjmap.schema import is_cjmap_schema, schema_json

    text = schema_json(persona=persona)
    if output is None:
        sys.stdout.write(text)
        return
    overwrite = force
    if not force and output.is_file() and not output.is_symlink():
        try:
            overwrite = is_cjmap_schema(output.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            overwrite = False
    try:
        write_atomic(output, text.encode("utf-8"), overwrite=overwrite)
    except OutputProblem as problem:
        print(f"cjmap: {problem}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    print(f"cjmap: wrote {output}", file=sys.stderr)
