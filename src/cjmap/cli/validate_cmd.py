"""``cjmap validate``: check and lint maps in CI, in pre-commit hooks and by hand.

The options are declared here, for typer (help, errors, completion and docs/cli.md come from
them); what a run does is ``validate_run.run_validate``, which a plain command line reaches
without typer (``fastpath.py``). No ``from __future__ import annotations`` here: typer reads
the command's annotations twice at every start, and strings would be compiled and evaluated
each time.
"""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli.core import app
from cjmap.cli.options import MapPaths
from cjmap.cli.validate_run import ValidateOptions, run_validate
from cjmap.report import REPORTER_BY_NAME

# The choices of --format, from the printers' table (cjmap.report, which imports no printer).
ReportFormat = StrEnum("ReportFormat", {name: name for name in REPORTER_BY_NAME})  # type: ignore[misc]
TEXT = ReportFormat("text")


def validate_command(run: Callable[[ValidateOptions], int]) -> Callable[..., None]:
    """The typer command of ``cjmap validate``, handing the options it read to ``run``.

    The app registers it with :func:`run_validate`; a test registers it with a recorder, to
    compare what typer reads from a command line with what ``fastpath`` reads.
    """

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
            bool,
            typer.Option("--strict", help="Fail (exit 1) on warnings too, not only on errors."),
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
        raise typer.Exit(
            run(
                ValidateOptions(
                    paths=paths,
                    output_format=output_format.value,
                    strict=strict,
                    today=today,
                    config=config,
                    select=select,
                    ignore=ignore,
                    no_lint=no_lint,
                    output=output,
                    no_source=no_source,
                )
            )
        )

    return validate


validate = app.command()(validate_command(run_validate))
