"""The command line: a thin shell over the library (``cjmap.validate``, ``cjmap.render``, ...).

``core.py`` holds the typer app, ``exits.py`` the exit codes; each command lives in its own
module and registers itself on the app; registering a new command is one import line in
``_register_commands`` at the bottom of this file (no command module imports this package, so
there is no import circle). ``output.py`` writes a command's output. Command modules import
heavy libraries inside the command function, so ``cjmap --version`` stays fast.

Importing this package imports no typer: ``main`` first offers the command line to
``fastpath`` (a plain ``cjmap validate PATH...``, the run made most often, read by hand), and
builds the typer app, from the commands registered below, only for anything else. ``app`` is
that app, assembled on first use (``from cjmap.cli import app``).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from cjmap.cli.exits import exit_as_click_would, guarded
from cjmap.cli.output import utf8_streams

if TYPE_CHECKING:
    from cjmap.cli.core import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: never a traceback, whatever the input."""
    utf8_streams()
    # pydantic scans every installed distribution's entry points for its plugins before the
    # first model validates (~6.5 ms of a ~300 ms `cjmap validate`). Plugins instrument an
    # application's own models; cjmap's are internal, so the command does without them. A
    # user who wants them sets the variable to empty.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    guarded(_run)


def _run() -> None:
    from cjmap.cli.fastpath import read_plain_validate

    args = sys.argv[1:]
    plain = read_plain_validate(args, os.environ)
    if plain is not None:
        from cjmap.cli.validate_run import run_validate

        exit_as_click_would(lambda: run_validate(plain))
    _register_commands()
    from cjmap.cli.core import app_for

    app_for(args)(prog_name="cjmap")


def __getattr__(name: str) -> Any:
    # ``app`` on first use: importing typer and every command module is what the plain
    # ``cjmap validate`` path saves.
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _register_commands()
    from cjmap.cli.core import app

    globals()["app"] = app
    return app


def _register_commands() -> None:
    """Import every command module; each registers itself on ``core.app`` (once: modules are
    imported once). One line per command module (isort is off for this block)."""
    # isort: off
    from cjmap.cli import validate_cmd
    from cjmap.cli import new_cmd
    from cjmap.cli import schema_cmd
    from cjmap.cli import rules_cmd
    from cjmap.cli import doctor_cmd
    from cjmap.cli import render_cmd
    from cjmap.cli import watch_cmd
    from cjmap.cli import actions_cmd
    from cjmap.cli import diff_cmd
    from cjmap.cli import site_cmd
    from cjmap.cli import import_cmd
    from cjmap.cli import export_cmd
    # isort: on
