"""``cjmap validate``: check and lint maps in CI, in pre-commit hooks and by hand.

No ``from __future__ import annotations`` here: typer reads the command's annotations twice
at every start, and strings would be compiled and evaluated each time.
"""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cjmap.cli.core import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, app
from cjmap.cli.options import MapPaths, parse_date
from cjmap.cli.output import bad_configuration, emit, fail
from cjmap.report import REPORTER_BY_NAME

if TYPE_CHECKING:
    from cjmap.validate import ValidationResult


# The choices of --format, from the printers' table (cjmap.report, which imports no printer).
ReportFormat = StrEnum("ReportFormat", {name: name for name in REPORTER_BY_NAME})  # type: ignore[misc]
TEXT = ReportFormat("text")


@app.command()
def validate(
    paths: MapPaths,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output: text (default), json, github (workflow annotations), sarif or markdown "
            "(a table for a GitHub job summary).",
        ),
    ] = TEXT,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only on errors.")
    ] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="YYYY-MM-DD",
            help="The date that 'stale' and 'overdue' are judged against (default: today).",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Use this .cjmap.yaml or pyproject.toml for every map, instead of each "
            "map's project configuration.",
            show_default=False,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="RULES",
            help="Run only these rules (codes or names, comma-separated; repeatable).",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="RULES",
            help="Do not run these rules (codes or names, comma-separated; repeatable).",
            show_default=False,
        ),
    ] = None,
    no_lint: Annotated[
        bool, typer.Option("--no-lint", help="Check the format only; run no lint rule.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE (written whole or not at all) instead of standard output.",
            show_default=False,
        ),
    ] = None,
    no_source: Annotated[
        bool,
        typer.Option(
            "--no-source", help="Text format: do not print the source line under each problem."
        ),
    ] = False,
) -> None:
    """Check maps: YAML syntax, the format, references, ids, then the lint rules.

    Prints one line per problem (file:line:column: severity: message [CODE rule]) and a summary.
    Exit codes: 0 clean (or warnings only), 1 errors found (or warnings, with --strict),
    2 usage error: a path that does not exist, a bad --today, an unknown rule, a bad
    configuration file.
    """
    from cjmap.lint import UsageError
    from cjmap.load.config import ConfigError
    from cjmap.parallel import default_jobs
    from cjmap.validate import validate_paths

    day = parse_date("--today", today)
    try:
        result = validate_paths(
            paths,
            today=day,
            config=config,
            select=select,
            ignore=ignore,
            lint=not no_lint,
            jobs=default_jobs(),  # many maps: checked on every core (cjmap.parallel)
        )
    except ConfigError as exc:
        raise bad_configuration(exc.diagnostics) from None
    except UsageError as exc:
        raise fail(str(exc)) from None
    for name, why in result.missing:
        print(f"cjmap: {name}: {why}", file=sys.stderr)
    if result.missing and not result.checked:
        raise typer.Exit(EXIT_USAGE)
    _emit(result, output_format.value, output, no_source)
    if result.missing:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_PROBLEMS if result.failed(strict=strict) else EXIT_OK)


def _emit(
    result: "ValidationResult", output_format: str, output: Path | None, no_source: bool
) -> None:
    from io import StringIO

    from cjmap.report import Findings, Style, reporter

    findings = Findings(result.diagnostics, result.checked, result.today, result.source_of)
    color = output is None and output_format == "text" and sys.stdout.isatty()
    buffer = StringIO()
    reporter(output_format)(findings, buffer, Style(color=color, show_source=not no_source))
    emit(buffer.getvalue(), output, what="the report")
