"""``cjmap new``: start a map from a starter that already passes ``cjmap validate``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import Kind, Lang
from cjmap.cli.core import app
from cjmap.cli.output import emit, fail


@app.command()
def new(
    template: Annotated[
        Kind, typer.Option("--template", "-t", help="The kind of map to start.")
    ] = Kind.current_state,
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Language of the placeholder text and comments.")
    ] = Lang.en,
    persona: Annotated[
        Path | None,
        typer.Option("--persona", "-p", help="Use this persona file instead of an inline persona."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the map here instead of printing it."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
) -> None:
    """Write a starter map with helpful comments; it passes `cjmap validate` as it is.

    Without -o the map is printed. An existing file is never overwritten without --force.
    The first line points editors at the JSON Schema (cjmap.schema.json in the project root,
    written by `cjmap schema -o cjmap.schema.json`) for completion and hover docs.
    """
    from cjmap.load.files import find_root
    from cjmap.starter import SCHEMA_FILE, starter_text

    target = output if output is not None else Path("new.cjm.yaml")
    base = target.absolute().parent
    root = find_root(target)
    schema_ref = Path(os.path.relpath(root / SCHEMA_FILE, base)).as_posix()
    persona_ref = None
    if persona is not None:
        if not persona.is_file():
            raise fail(f"--persona {persona}: no such file")
        persona_ref = Path(os.path.relpath(persona.absolute(), base)).as_posix()
    text = starter_text(template.value, lang.value, persona_ref=persona_ref, schema_ref=schema_ref)
    emit(text, output, overwrite=force, what="the map", announce=True)
