"""The command line: a thin shell over the library (``cjmap.validate``, ``cjmap.render``, ...).

``core.py`` holds the typer app and the exit codes; each command lives in its own module and
registers itself on ``app``; registering a new command is one import line at the bottom of
this file (no command module imports this package, so there is no import circle). ``output.py``
writes a command's output. Command modules import heavy libraries inside the command
function, so ``cjmap --version`` and ``cjmap validate`` stay fast.
"""

from __future__ import annotations

import sys

from cjmap.cli.core import EXIT_INTERNAL, app, app_for
from cjmap.cli.output import utf8_streams

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: never a traceback, whatever the input."""
    utf8_streams()
    try:
        app_for(sys.argv[1:])(prog_name="cjmap")
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
from cjmap.cli import actions_cmd
from cjmap.cli import diff_cmd
from cjmap.cli import site_cmd
from cjmap.cli import import_cmd
from cjmap.cli import export_cmd
# isort: on
