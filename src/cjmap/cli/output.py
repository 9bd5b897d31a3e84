"""Where a command's output goes: standard output, or a file written whole or not at all.

One home for "write to -o or stdout, and turn an output problem into exit code 2", which
`new`, `schema` and `validate` each wrote before. Standard output gets UTF-8 bytes whatever the
locale (as pip and ruff do): a Chinese map piped on a system whose console encoding is cp1252
is written, not an UnicodeEncodeError.

Imports no typer (the plain ``cjmap validate`` path uses it too): a usage error is a
``SystemExit`` with code 2, which typer and click let through and ``typer.testing`` records.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.cli.exits import EXIT_USAGE

if TYPE_CHECKING:
    from cjmap.diagnostics import Diagnostic


def utf8_streams() -> None:
    """Standard output and error as every command needs them, whatever the locale.

    Redirected to a file or a pipe (CI logs, ``cjmap new > map.cjm.yaml``), they write UTF-8, as
    pip, ruff and black do: Python on Windows would otherwise use the ANSI code page (cp1252...)
    and end a Chinese map's report in UnicodeEncodeError. A console that cannot show a character
    gets it as a visible escape (``\\u4e2d``), never a crash.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if reconfigure is None or encoding == "utf8":
            continue
        try:
            if stream.isatty():
                reconfigure(errors="backslashreplace")
            else:
                reconfigure(encoding="utf-8", errors="backslashreplace")
        except (OSError, ValueError):  # a closed or detached stream: leave it as it is
            continue


def fail(message: str) -> SystemExit:
    """Say what is wrong on standard error; the caller raises the returned exit (code 2)."""
    print(f"cjmap: {message}", file=sys.stderr)
    return SystemExit(EXIT_USAGE)


def bad_configuration(diagnostics: list[Diagnostic]) -> SystemExit:
    """Print a configuration file's located problems, say the run stopped; exit code 2."""
    from cjmap.report.text import print_text

    print_text(
        diagnostics,
        lambda f: None,
        sys.stderr,
        files=0,
        color=sys.stderr.isatty(),
        show_source=False,
        summary_line=False,
    )
    return fail("the configuration is invalid; fix it and run again")


def emit(
    text: str,
    output: Path | None,
    *,
    overwrite: bool = True,
    what: str = "the output",
    announce: bool = False,
) -> None:
    """``text`` to standard output (``output`` None) or atomically to the file ``output``.

    ``overwrite`` False refuses an existing file; ``announce`` says "wrote FILE" on stderr.
    """
    data = text.encode("utf-8")
    if output is None:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream (an embedding program's); it takes str
            sys.stdout.write(text)
        else:
            buffer.write(data)
            buffer.flush()
        return
    from cjmap.output import OutputProblem, write_atomic

    try:
        write_atomic(output, data, overwrite=overwrite)
    except OutputProblem as problem:
        raise fail(str(problem)) from None
    except OSError as exc:
        raise fail(f"{output}: cannot write {what} ({exc.strerror or exc})") from None
    if announce:
        print(f"cjmap: wrote {output}", file=sys.stderr)
