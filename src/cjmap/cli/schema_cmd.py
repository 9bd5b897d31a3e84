"""``cjmap schema``: the JSON Schema editors use for completion and hover docs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.core import app
from cjmap.cli.output import emit


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
    from cjmap.schema import is_cjmap_schema, schema_json

    text = schema_json(persona=persona)
    overwrite = force
    if output is not None and not force and output.is_file() and not output.is_symlink():
        try:
            overwrite = is_cjmap_schema(output.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            overwrite = False
    emit(text, output, overwrite=overwrite, what="the schema", announce=output is not None)
