"""``cjmap validate``: check and lint maps in CI, in pre-commit hooks and by hand."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cjmap.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, app


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def _fail(message: str) -> typer.Exit:
    print(f"cjmap: {message}", file=sys.stderr)
    return typer.Exit(EXIT_USAGE)


@app.command()
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Map files, or folders to search for *.cjm.yaml files.", show_default=False
        ),
    ],
    output_format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="Output: text (default), json, github (workflow annotations) or sarif.",
        ),
    ] = Format.text,
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

    day = _parse_day(today)
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
        from cjmap.report.text import print_text

        print_text(
            exc.diagnostics,
            lambda f: None,
            sys.stderr,
            files=0,
            color=sys.stderr.isatty(),
            show_source=False,
            summary_line=False,
        )
        raise _fail("the configuration is invalid; fix it and run again") from None
    except UsageError as exc:
        raise _fail(str(exc)) from None
    for name, why in result.missing:
        print(f"cjmap: {name}: {why}", file=sys.stderr)
    if result.missing and not result.checked:
        raise typer.Exit(EXIT_USAGE)
    _emit(result, output_format, output, no_source)
    if result.missing:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_PROBLEMS if result.failed(strict=strict) else EXIT_OK)


def _parse_day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _fail(
            f"--today {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25"
        ) from None


def _emit(result: object, output_format: Format, output: Path | None, no_source: bool) -> None:
    from cjmap.validate import ValidationResult

    assert isinstance(result, ValidationResult)
    diagnostics, files = result.diagnostics, result.checked
    if output_format is Format.text and output is None:
        from cjmap.report.text import print_text

        print_text(
            diagnostics,
            result.source_of,
            sys.stdout,
            files=result.files,
            color=sys.stdout.isatty(),
            show_source=not no_source,
        )
        return
    if output_format is Format.json:
        from cjmap.report import json as report_json

        text = report_json.render(diagnostics, files=files, today=result.today)
    elif output_format is Format.github:
        from cjmap.report import github

        text = github.render(diagnostics, files=files)
    elif output_format is Format.sarif:
        from cjmap.report import sarif

        text = sarif.render(diagnostics, files=files)
    else:
        import io

        from cjmap.report.text import print_text

        buffer = io.StringIO()
        print_text(
            diagnostics,
            result.source_of,
            buffer,
            files=result.files,
            color=False,
            show_source=not no_source,
        )
        text = buffer.getvalue()
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    from cjmap.output import OutputProblem, write_atomic

    try:
        write_atomic(output, text.encode("utf-8"))
    except OutputProblem as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{output}: cannot write the report ({exc.strerror or exc})") from None
