"""``cjmap new``: start a map from a starter that already passes ``cjmap validate``."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import Kind, Lang
from cjmap.cli.core import app
from cjmap.cli.options import parse_date
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
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="YYYY-MM-DD",
            help="The map's review date (default: today); its actions are due 91 days later.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a starter map with helpful comments; it passes `cjmap validate` as it is.

    Without -o the map is printed. An existing file is never overwritten without --force.
    The first line points editors at the nearest cjmap.schema.json above the map (written by
    `cjmap schema -o cjmap.schema.json` in the project root) for completion and hover docs;
    a comment says how to write it when there is none.
    """
    from cjmap.starter import find_schema, starter_text

    day = parse_date("--today", today)
    target = output if output is not None else _stdout_file()
    base = (target if target is not None else Path("new.cjm.yaml")).absolute().parent
    schema_ref, note = find_schema(base, lang.value, folder_known=target is not None)
    persona_ref = None
    if persona is not None:
        if not persona.is_file():
            raise fail(f"--persona {persona}: no such file")
        persona_ref = Path(os.path.relpath(persona.absolute(), base)).as_posix()
    text = starter_text(
        template.value,
        lang.value,
        persona_ref=persona_ref,
        schema_ref=schema_ref,
        today=day,
        schema_note=note,
    )
    emit(text, output, overwrite=force, what="the map", announce=True)


def _stdout_file() -> Path | None:
    """The file standard output is redirected to (``cjmap new > maps/x.cjm.yaml``), where the
    system says (Linux's /proc, /dev/fd where it holds links); None for a terminal, a pipe,
    or a system that does not say (the map then gets a comment about its schema path)."""
    try:
        fd = sys.stdout.fileno()
        info = os.fstat(fd)
    except (AttributeError, OSError, ValueError):  # a replaced stream (tests, embedding)
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    for link in (f"/proc/self/fd/{fd}", f"/dev/fd/{fd}"):
        try:
            path = Path(os.readlink(link))
            found = path.stat()
        except OSError:
            continue
        if path.is_absolute() and (found.st_dev, found.st_ino) == (info.st_dev, info.st_ino):
            return path
    return None
