"""What ``cjmap validate`` does once its options are read: check, lint, print, pick the exit code.

The typer command (``validate_cmd.py``) and the plain path that parses a simple command line
by hand (``fastpath.py``) both call :func:`run_validate`, so the two cannot behave
differently. No typer here, and the library is imported only when a run starts.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.cli.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from cjmap.cli.output import bad_configuration, emit, fail
from cjmap.cli.values import parse_date

if TYPE_CHECKING:
    from cjmap.validate import ValidationResult


@dataclass(frozen=True)
class ValidateOptions:
    """The options of one ``cjmap validate`` run, as typer resolves them (plain data).

    ``select`` and ``ignore`` are None when not given, as typer passes them.
    """

    paths: list[Path]
    output_format: str = "text"
    strict: bool = False
    today: str | None = None
    config: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    no_lint: bool = False
    output: Path | None = None
    no_source: bool = False


def run_validate(options: ValidateOptions) -> int:
    """Check and lint the maps, print the report; the exit code (0, 1 or 2).

    A usage error found before anything is printed (a bad ``--today``, an unknown rule, a bad
    configuration, an output that cannot be written) raises ``SystemExit(2)`` after its message.
    """
    from cjmap.lint import UsageError
    from cjmap.load.config import ConfigError
    from cjmap.parallel import default_jobs
    from cjmap.validate import validate_paths

    day = parse_date("--today", options.today)
    try:
        result = validate_paths(
            options.paths,
            today=day,
            config=options.config,
            select=options.select,
            ignore=options.ignore,
            lint=not options.no_lint,
            jobs=default_jobs(),  # many maps: checked on every core (cjmap.parallel)
        )
    except ConfigError as exc:
        raise bad_configuration(exc.diagnostics) from None
    except UsageError as exc:
        raise fail(str(exc)) from None
    for name, why in result.missing:
        print(f"cjmap: {name}: {why}", file=sys.stderr)
    if result.missing and not result.checked:
        return EXIT_USAGE
    _emit(result, options)
    if result.missing:
        return EXIT_USAGE
    return EXIT_PROBLEMS if result.failed(strict=options.strict) else EXIT_OK


def _emit(result: ValidationResult, options: ValidateOptions) -> None:
    from io import StringIO

    from cjmap.report import Findings, Style, reporter

    findings = Findings(result.diagnostics, result.checked, result.today, result.source_of)
    text = options.output is None and options.output_format == "text"
    color = text and sys.stdout.isatty()
    buffer = StringIO()
    style = Style(color=color, show_source=not options.no_source)
    reporter(options.output_format)(findings, buffer, style)
    emit(buffer.getvalue(), options.output, what="the report")
