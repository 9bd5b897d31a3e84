"""How a run of ``cjmap`` ends: the exit codes, and the guard that turns Ctrl-C and bugs into them.

Imports no typer: the plain ``cjmap validate`` path (``cli.fastpath``) ends its runs here too,
so both paths exit alike.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

# Exit codes, documented in docs/cli.md and README.md.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


def guarded(run: Callable[[], object]) -> None:
    """Call ``run`` as the console script does: never a traceback, whatever the input.

    ``SystemExit`` (the exit codes above) passes through; Ctrl-C is one line and exit 130; any
    other exception is a bug in cjmap: one line saying so and exit 3, the traceback only with
    ``CJMAP_DEBUG`` set.
    """
    try:
        run()
    except KeyboardInterrupt:
        interrupted()
    except Exception as exc:
        print(
            f"cjmap: internal error ({type(exc).__name__}); this is a bug in cjmap, please report "
            "it with the command you ran (set CJMAP_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        if os.environ.get("CJMAP_DEBUG"):
            raise
        sys.exit(EXIT_INTERNAL)


def interrupted() -> NoReturn:
    """Say a Ctrl-C stopped the run and exit 130 (also while cjmap is still importing)."""
    print("cjmap: interrupted", file=sys.stderr)
    sys.exit(EXIT_INTERRUPTED)


def exit_as_click_would(run: Callable[[], int]) -> NoReturn:
    """Exit with the code ``run`` returns; if it raises, end as typer ends a command it runs.

    typer (its click) ends a command stopped by Ctrl-C with a quiet 130, one whose output pipe
    was closed (``cjmap validate ... | head``) with a quiet 1, its streams then ignoring the
    broken pipe on the last flush, and one that met the end of its input with "Aborted!" and 1.
    Anything else goes on to :func:`guarded`, as it does from typer.
    """
    try:
        code = run()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except EOFError:
        print(file=sys.stderr)
        print("Aborted!", file=sys.stderr)
        sys.exit(1)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = _PipeClosed(sys.stdout)
        sys.stderr = _PipeClosed(sys.stderr)
        sys.exit(1)
    sys.exit(code)


class _PipeClosed:
    """A stream whose flush ignores a closed pipe (as click's ``PacifyFlushWrapper``)."""

    def __init__(self, wrapped: TextIO) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
