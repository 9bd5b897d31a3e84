"""The typer app every command registers on and its root options (exit codes: ``cli.exits``)."""

from __future__ import annotations

import copy
import os
from typing import Annotated

import typer
from typer.main import get_command_name
from typer.models import CommandInfo

from cjmap import __version__
from cjmap.cli.exits import EXIT_INTERNAL, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from cjmap.cli.fastpath import COMPLETE_VAR

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "app", "app_for"]

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


def app_for(args: list[str]) -> typer.Typer:
    """``app`` with only the command that ``args`` name, when they name one exactly.

    typer turns every registered command into a click command (evaluating each function's
    annotations, twice) before it parses one argument: ~20 ms of start-up spent on the commands
    that do not run. A command's parsing, help and errors do not depend on its siblings; the
    root's help, a mistyped command's "did you mean" and shell completion do, and get them all.
    """
    if not args or COMPLETE_VAR in os.environ:
        return app
    chosen = [c for c in app.registered_commands if _command_name(c) == args[0]]
    if len(chosen) != 1:
        return app
    lean = copy.copy(app)
    lean.registered_commands = chosen
    return lean


def _command_name(info: CommandInfo) -> str | None:
    # As typer names a command: as given, else from the function's name.
    if info.name:
        return info.name
    return get_command_name(info.callback.__name__) if info.callback is not None else None
