"""``cjmap render``: maps to self-contained HTML pages or PDFs to share.

Heavy libraries (jinja2, WeasyPrint) are imported inside the command, never at module import.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cjmap.choices import Kind, OutputFormat, Paper
from cjmap.cli.core import EXIT_USAGE, app
from cjmap.cli.options import MapPaths
from cjmap.cli.progress import BatchProgress

if TYPE_CHECKING:
    from cjmap.render.batch import RenderRun


@app.command()
def render(
    paths: MapPaths,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Output file (one map) or folder (several maps, or a folder of maps). "
            "Default: beside each map.",
        ),
    ] = None,
    format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="html or pdf. Default: from -o's suffix, else pdf."),
    ] = None,
    template: Annotated[
        Kind | None,
        typer.Option("--template", "-t", help="Override the template the map's kind picks."),
    ] = None,
    paper: Annotated[
        Paper,
        typer.Option(
            "--paper",
            help="Paper size (landscape). poster: one page sized to the map, "
            "for a wall, a plotter or a single-page share.",
        ),
    ] = Paper.a4,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", min=1, help="Maps rendered in parallel. Default: all cores."),
    ] = None,
    allow_missing_glyphs: Annotated[
        bool,
        typer.Option(
            "--allow-missing-glyphs",
            help="Write the PDF even when no installed font can draw some characters.",
        ),
    ] = False,
    no_source: Annotated[
        bool, typer.Option("--no-source", help="Do not print the source line under each problem.")
    ] = False,
) -> None:
    """Render maps to self-contained HTML or PDF.

    A map with errors is not rendered: its problems are printed as by `cjmap validate`.
    Exit codes: 0 all rendered, 1 problems in maps, 2 usage or I/O error, 3 internal error.
    """
    from cjmap.render.batch import PlanProblem, render_paths

    progress = BatchProgress()
    try:
        run = render_paths(
            paths,
            out=output,
            fmt=format,
            template=template.value if template else None,
            paper=paper.value,
            workers=jobs,
            allow_missing_glyphs=allow_missing_glyphs,
            on_start=progress.start,
            on_done=progress.done,
        )
    except PlanProblem as problem:
        progress.stop()
        print(f"cjmap: {problem}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    progress.stop()
    _report(run, show_source=not no_source)
    raise typer.Exit(run.exit_code)


def _report(run: RenderRun, *, show_source: bool) -> None:
    from cjmap.diagnostics import Severity
    from cjmap.render.batch import JobStatus
    from cjmap.report.text import print_text as printer

    validation = run.validation
    for name, why in validation.missing:
        print(f"cjmap: {name}: {why}", file=sys.stderr)
    errors = [d for d in validation.diagnostics if d.severity == Severity.error]
    if errors:
        printer(
            errors,
            validation.source_of,
            sys.stdout,
            files=validation.files,
            color=sys.stdout.isatty(),
            show_source=show_source,
        )
        for name in run.blocked:
            print(f"cjmap: {name}: not rendered (the map has errors)", file=sys.stderr)
    for outcome in run.batch.outcomes:
        if outcome.status == JobStatus.ok:
            print(f"wrote {outcome.job.target}")
        else:
            print(f"cjmap: {outcome.job.source}: {outcome.message}", file=sys.stderr)
