"""``cjmap diff``: what changed for the customer between two versions of maps."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from cjmap.cli.core import EXIT_OK, EXIT_PROBLEMS, app
from cjmap.cli.output import emit, fail
from cjmap.diff import DIFF_PRINTER_BY_NAME

if TYPE_CHECKING:
    from cjmap.diff.run import Run

# The choices of --format, from the printers' table (cjmap.diff, which imports no printer).
DiffFormat = StrEnum("DiffFormat", {name: name for name in DIFF_PRINTER_BY_NAME})  # type: ignore[misc]
TEXT = DiffFormat("text")


@app.command()
def diff(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="OLD NEW: two map files to compare; with --base: the files or folders to look "
            "in (default: the whole repository).",
            show_default=False,
        ),
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            metavar="REV",
            help="Compare the maps as they were at this git revision (branch, tag or commit).",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Option(
            "--head",
            metavar="REV",
            help="...with the maps at this revision (default: the working tree).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output: text (default), markdown (a pull-request comment), json or html "
            "(a standalone page).",
        ),
    ] = TEXT,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit 1 when any map changed (as git diff --exit-code)."),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the diff to FILE (written whole or not at all) instead of standard output.",
            show_default=False,
        ),
    ] = None,
    git_external_diff: Annotated[
        bool,
        typer.Option(
            "--git-external-diff",
            help="Be git's diff driver: take the 7 arguments git passes to "
            "diff.<driver>.command (see docs/diff.md).",
        ),
    ] = False,
) -> None:
    """Show what changed in journey maps: stages added, removed, moved or renamed, feelings,
    pain points resolved, action items handed over or dropped.

    `cjmap diff OLD NEW` compares two files; `cjmap diff --base main [--head REV] [PATH...]`
    every map that differs between two git revisions (renames followed; persona files read
    at the same revision as their map). Exit codes: 0 compared (changed or not; 1 with
    --exit-code when a map changed); 1 a map has errors in either version (reported as
    `cjmap validate` reports them, named REV:path); 2 usage error: not a git repository, an
    unknown or refused revision, a missing file.
    """
    from cjmap.diff.git import GitProblem
    from cjmap.diff.run import diff_files, diff_revisions, external_diff

    names = paths or []
    try:
        if git_external_diff:
            if base is not None or head is not None:
                raise fail("--git-external-diff takes no --base or --head")
            result = external_diff(names)
        elif base is not None:
            result = diff_revisions(base, head, [Path(p) for p in names])
        else:
            if head is not None:
                raise fail("--head needs --base (the revision to compare it with)")
            if len(names) != 2:
                raise fail(
                    "give two map files (cjmap diff OLD NEW), or --base REV to compare "
                    "git revisions"
                )
            old, new = Path(names[0]), Path(names[1])
            for path in (old, new):
                if path.is_dir():
                    raise fail(f"{path}: a folder; name two map files, or use --base REV")
                if not path.exists():
                    raise fail(f"{path}: no such file")
            result = diff_files(old, new)
    except GitProblem as problem:
        raise fail(str(problem)) from None
    if git_external_diff:
        if len(names) == 1:
            emit(
                f"cjmap: {names[0]} is unmerged; resolve the conflict to see its journey diff\n",
                None,
            )
            return
        _external(result)
        return
    _report_problems(result, sys.stderr)
    _emit(result, output_format.value, output)
    if result.problems:
        raise typer.Exit(EXIT_PROBLEMS)
    raise typer.Exit(EXIT_PROBLEMS if exit_code and result.changed else EXIT_OK)


def _report_problems(result: Run, stream: TextIO) -> None:
    if not result.problems:
        return
    from cjmap.report.text import print_text

    print_text(
        result.problems,
        result.source_of,
        stream,
        files=len(result.invalid),
        color=getattr(stream, "isatty", lambda: False)(),
        summary_line=False,
    )
    count = len(result.invalid)
    print(
        f"cjmap: {count} map version{'s' if count != 1 else ''} with errors not compared "
        "(run `cjmap validate` on them)",
        file=stream,
    )


def _emit(result: Run, output_format: str, output: Path | None) -> None:
    from io import StringIO

    from cjmap.diff import DiffStyle, diff_printer

    color = output is None and output_format == "text" and sys.stdout.isatty()
    buffer = StringIO()
    diff_printer(output_format)(result, buffer, DiffStyle(color=color))
    emit(buffer.getvalue(), output, what="the diff")


def _external(result: Run) -> None:
    """As git's diff driver: everything on standard output (git pages it), and exit 0 always,
    since git stops the whole diff when a driver fails."""
    from io import StringIO

    from cjmap.diff import DiffStyle, diff_printer

    buffer = StringIO()
    _report_problems(result, buffer)
    if result.maps:
        diff_printer("text")(result, buffer, DiffStyle(color=False, summary=False))
    emit(buffer.getvalue(), None)
