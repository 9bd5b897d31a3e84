"""The command line: a thin shell over the library (``cjmap.validate``, ``cjmap.render``, ...).

Each command lives in its own module below and registers itself on ``app``; registering a new
command is one import line at the bottom of this file. Command modules import heavy libraries
inside the command function, so ``cjmap --version`` and ``cjmap validate`` stay fast.
"""

from __future__ import annotations

import sys
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


def main() -> None:
    """Console-script entry point: never a traceback, whatever the input."""
    try:
        app(prog_name="cjmap")
    except KeyboardInterrupt:
        print("cjmap: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # an internal bug: one line, a way to report it, exit 3
        print(
            f"cjmap: internal error ({type(exc).__name__}); this is a bug in cjmap, please report "
            "it with the command you ran (set CJMAP_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        import os

        if os.environ.get("CJMAP_DEBUG"):
            raise
        sys.exit(EXIT_INTERNAL)


# Command registration: one line per command module (isort is off for this block).
# isort: off
from cjmap.cli import validate_cmd
from cjmap.cli import new_cmd
from cjmap.cli import schema_cmd
from cjmap.cli import rules_cmd
from cjmap.cli import doctor_cmd
from cjmap.cli import render_cmd
from cjmap.cli import watch_cmd
# isort: on
