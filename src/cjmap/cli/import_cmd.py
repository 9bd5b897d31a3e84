"""``cjmap import``: a journey from a spreadsheet (CSV, XLSX) or a Mermaid diagram as a map."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.core import app
from cjmap.cli.output import emit, fail


class ImportKind(StrEnum):
    """The kinds a sheet or a Mermaid journey becomes (both have stages)."""

    current_state = "current-state"
    future_state = "future-state"


@app.command("import")
def import_journey(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A .csv, .xlsx, or Mermaid journey (.mmd, or a Markdown page holding one).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the map here instead of printing it."),
    ] = None,
    kind: Annotated[
        ImportKind, typer.Option("--kind", "-k", help="The kind of map to make.")
    ] = ImportKind.current_state,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", "-l", help="Language of the content (BCP 47). Default: guessed from the text."
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="The workbook's sheet to read. Default: the first."),
    ] = None,
    lane: Annotated[
        list[str] | None,
        typer.Option(
            "--lane",
            help="Name a row or column's lane by hand: 'HEADER=lane', with HEADER its text, "
            "row number or column letter, lane one of description, actions, thoughts, feeling, "
            "touchpoints, pain_points, opportunities, metrics, owner, moment_of_truth, or skip. "
            "Repeatable.",
        ),
    ] = None,
    scale: Annotated[
        str,
        typer.Option(
            "--scale", help="The sheet's feeling scale, e.g. 1-5 or 1-10; mapped onto -3..3."
        ),
    ] = "-3..3",
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
) -> None:
    """Turn a journey from a sheet or a Mermaid diagram into a map that passes `cjmap validate`.

    Sheets: stages as columns (lanes in the first column) or as rows (lanes in the first row),
    found by which header names lanes; lane names are recognised in English, Chinese, Russian
    and Macedonian. CSV in UTF-8, Windows-1251 or GB18030, separated by , ; or tab. Notes on
    what was guessed go to standard error. Without -o the map is printed; an existing file is
    never overwritten without --force. Exit codes: 0 imported, 2 unreadable input or usage error.
    """
    from cjmap.convert.cells import Scale
    from cjmap.convert.importer import ImportOptions, import_file
    from cjmap.convert.problems import ConvertProblem
    from cjmap.convert.sheet import parse_lane_option
    from cjmap.starter import find_schema
    from cjmap.text import echo, printable

    try:
        feeling_scale = Scale.parse(scale)
    except ValueError as exc:
        raise fail(f"--scale: {exc}") from None
    lanes: dict[str, str] = {}
    for given in lane or []:
        try:
            header, name = parse_lane_option(given)
        except ValueError as exc:
            raise fail(f"--lane {exc}") from None
        lanes[header] = name
    if lang is not None and not _valid_lang(lang):
        raise fail(f"--lang {echo(lang)} is not a language tag; write e.g. en, zh, ru, mk")
    if output is not None and output.exists() and not force:
        raise fail(f"{printable(str(output))} exists; add --force to overwrite it")
    # The nearest cjmap.schema.json above the map, as `cjmap new` writes it.
    folder = (output if output is not None else Path("imported.cjm.yaml")).absolute().parent
    schema_ref, _ = find_schema(folder, "en")
    options = ImportOptions(
        kind=kind.value,
        lang=lang,
        sheet=sheet,
        lanes=lanes,
        scale=feeling_scale,
        schema_ref=schema_ref,
    )
    try:
        result = import_file(file, options, source=printable(str(file)))
    except ConvertProblem as problem:
        raise fail(str(problem)) from None
    for note in result.notes:
        print(f"cjmap: {note}", file=sys.stderr)
    emit(result.text, output, overwrite=force, what="the map", announce=True)


def _valid_lang(tag: str) -> bool:
    import re

    return re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", tag) is not None
