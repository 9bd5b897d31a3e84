"""A plain ``cjmap validate ...`` read by hand, so that the run made most often skips typer.

Importing typer (its click, and the pydantic adapters it reads every parameter through) and
building the command cost ~40-60 ms of a ~300 ms ``cjmap validate`` of one map. The typer app
stays the definition of the command line: help, errors, completion and docs/cli.md all come
from it. This reader accepts only a command line whose meaning is certain (``validate``, then
paths and ``validate``'s options in the forms below) and returns None for anything else, which
goes to typer unchanged. ``tests/cli/test_fastpath.py`` checks, over many command lines, that
what it accepts is exactly what typer reads.

Understood: paths (any token not starting with ``-``); ``--strict``, ``--no-lint``,
``--no-source``; ``--format``/``-f`` with one of ``REPORTER_BY_NAME``; ``--today``,
``--config``, ``--select`` and ``--ignore`` (these two repeatable), ``--output``/``-o``, each
with its value as the next token or, for the long names, after ``=``. A repeated option takes
its last value, as click does. Anything else falls through: no path, ``--help``, ``--``, ``-``,
an unknown option, a missing or empty value or one starting with ``-``, an option before
``validate``, a token that is not valid Unicode, shell completion, and on Windows a character
click would expand there (``~``, ``$``, ``%``, wildcards).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from cjmap.cli.validate_run import ValidateOptions
from cjmap.report import REPORTER_BY_NAME

COMMAND = "validate"
COMPLETE_VAR = "_CJMAP_COMPLETE"  # click's shell completion: _{PROG}_COMPLETE

_FLAGS = {"--strict": "strict", "--no-lint": "no_lint", "--no-source": "no_source"}
_VALUED = {
    "--format": "output_format",
    "-f": "output_format",
    "--today": "today",
    "--config": "config",
    "--select": "select",
    "--ignore": "ignore",
    "--output": "output",
    "-o": "output",
}
_REPEATABLE = frozenset({"select", "ignore"})
# click expands ~user, $VAR, %VAR% and wildcards in every argument on Windows (_expand_args).
_EXPANDED_ON_WINDOWS = frozenset("~$%*?[")


def read_plain_validate(
    args: Sequence[str], environ: Mapping[str, str], *, windows: bool = os.name == "nt"
) -> ValidateOptions | None:
    """The options of ``cjmap validate`` in ``args`` (``sys.argv[1:]``), or None: let typer read
    them."""
    if COMPLETE_VAR in environ or len(args) < 2 or args[0] != COMMAND:
        return None
    if windows and any(_EXPANDED_ON_WINDOWS.intersection(arg) for arg in args):
        return None
    paths: list[Path] = []
    flags: set[str] = set()
    values: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    tokens = iter(args[1:])
    for token in tokens:
        if not _plain(token):
            return None
        if not token.startswith("-"):
            paths.append(Path(token))
            continue
        if token in _FLAGS:
            flags.add(_FLAGS[token])
            continue
        name, equals, value = token.partition("=") if token.startswith("--") else (token, "", "")
        field = _VALUED.get(name)
        if field is None:
            return None
        if not equals:
            value = next(tokens, "")
        if not _plain(value) or value.startswith("-"):
            return None
        if field in _REPEATABLE:
            lists.setdefault(field, []).append(value)
        else:
            values[field] = value
    output_format = values.get("output_format", "text")
    if not paths or output_format not in REPORTER_BY_NAME:
        return None
    return ValidateOptions(
        paths=paths,
        output_format=output_format,
        strict="strict" in flags,
        today=values.get("today"),
        config=_path(values.get("config")),
        select=lists.get("select"),
        ignore=lists.get("ignore"),
        no_lint="no_lint" in flags,
        output=_path(values.get("output")),
        no_source="no_source" in flags,
    )


def _path(value: str | None) -> Path | None:
    return None if value is None else Path(value)


def _plain(token: str) -> bool:
    # Not empty, and no lone surrogate (bytes of a file name that are not UTF-8): typer's
    # reading of those is not worth matching.
    if not token:
        return False
    try:
        token.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
