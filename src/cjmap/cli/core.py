"""The typer app every command registers on, its root options, and the exit codes."""

from __future__ import annotations

from typing import Annotated

import typer

from cjmap import __version__

# Exit codes, documented in docs/cli.md and README.md.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

app = typer.Typer(
    name="cjmap",
    help="Customer journey maps as code: validate, lint and render YAML journey maps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,
)


def _version(value: bool) -> None:
    if value:
        print(f"cjmap {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Customer journey maps as code.

    Exit codes: 0 clean, 1 problems found in the maps, 2 usage or I/O error, 3 internal error.
    """
