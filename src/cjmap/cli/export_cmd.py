"""``cjmap export``: a map out as Mermaid, CSV, XLSX or PNG, for where people read it."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.core import EXIT_PROBLEMS, app
from cjmap.cli.output import emit, fail


class ExportFormat(StrEnum):
    """The names of ``cjmap.convert.exporters.EXPORTER_BY_NAME`` (a test keeps them equal)."""

    mermaid = "mermaid"
    csv = "csv"
    xlsx = "xlsx"
    png = "png"


@app.command("export")
def export_map(
    map_file: Annotated[
        Path, typer.Argument(metavar="MAP", help="The map file to export.", show_default=False)
    ],
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="mermaid (a journey diagram for Markdown), csv or xlsx (the sheet `cjmap "
            "import` reads back), png (the whole map as one image).",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here. Default: print (mermaid, csv); xlsx and png need -o.",
        ),
    ] = None,
    dpi: Annotated[
        int, typer.Option("--dpi", min=30, max=600, help="Resolution of the png.")
    ] = 150,
    allow_missing_glyphs: Annotated[
        bool,
        typer.Option(
            "--allow-missing-glyphs",
            help="png: draw the image even when no installed font has some characters.",
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
) -> None:
    """Export a map: a Mermaid journey, a sheet, or an image.

    Only current-state and future-state maps are exported. A map with errors is not exported:
    its problems are printed as by `cjmap validate`. Exit codes: 0 written, 1 problems in the
    map, 2 usage or I/O error.
    """
    from cjmap.convert.exporters import BINARY, ExportOptions, exporter
    from cjmap.convert.problems import ConvertProblem
    from cjmap.load.loader import load_map
    from cjmap.model import CurrentStateMap, FutureStateMap
    from cjmap.output import OutputProblem, write_atomic
    from cjmap.text import printable

    if not map_file.is_file():
        raise fail(f"{printable(str(map_file))}: no such file")
    if output is None and format.value in BINARY:
        raise fail(f"--format {format.value} writes a binary file: name it with -o")
    if output is not None and output.exists() and not force:
        raise fail(f"{printable(str(output))} exists; add --force to overwrite it")
    loaded = load_map(map_file)
    if not loaded.ok:
        from cjmap.report import Findings, Style, reporter

        errors = [d for d in loaded.diagnostics if d.severity.value == "error"]
        reporter("text")(
            Findings(errors, files=[loaded.file], source_of=lambda f: loaded.source.text),
            sys.stderr,
            Style(),
        )
        raise typer.Exit(EXIT_PROBLEMS)
    if not isinstance(loaded.doc, CurrentStateMap | FutureStateMap):
        kind = loaded.doc.kind if loaded.doc is not None else "?"
        raise fail(
            f"{loaded.file}: a {kind} map has no stages to export; export current-state and "
            "future-state maps (render the others with `cjmap render`)"
        )
    try:
        data = exporter(format.value)(
            loaded, ExportOptions(dpi=dpi, allow_missing_glyphs=allow_missing_glyphs)
        )
    except ConvertProblem as problem:
        raise fail(str(problem)) from None
    if output is None:  # mermaid and csv: text, written as UTF-8 whatever the console
        emit(data.decode("utf-8"), None)
        return
    try:
        write_atomic(output, data, overwrite=force)
    except OutputProblem as problem:
        raise fail(str(problem)) from None
    except OSError as exc:
        raise fail(f"{output}: cannot write the export ({exc.strerror or exc})") from None
    print(f"cjmap: wrote {printable(str(output))}", file=sys.stderr)
