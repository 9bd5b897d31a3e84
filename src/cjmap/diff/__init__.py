"""Journey diff: what changed for the customer between two versions of a map.

    match.py     items of two lists matched by id, natural key, then position; moves by LCS
    compare.py   two loaded maps -> changes (plain data, changes.py)
    git.py       the real git, with argument lists and checked revisions
    trees.py     a map and its persona file as they were at a revision, for the loader
    run.py       the library calls: diff_files, diff_revisions, external_diff
    describe.py  changes told for people (sections, sentences, the feeling table)
    text.py, markdown.py, json.py, html.py: the printers of DIFF_PRINTER_BY_NAME
    comment.py   the Action's pull-request comment (``python -m cjmap.diff.comment``; stdlib only)

As :mod:`cjmap.report` does for findings, a printer is chosen by name from
:data:`DIFF_PRINTER_BY_NAME`, every printer has the one signature of :class:`DiffPrinter`, the
table gives ``--format`` its choices, and a printer's module is imported only when chosen (this
module imports no model: the command line reads the table at every start).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from cjmap.diff.changes import DiffResult


@dataclass(frozen=True)
class DiffStyle:
    """How to print: colour (text, in a terminal); ``summary`` off for git's diff driver,
    which prints one map at a time."""

    color: bool = False
    summary: bool = True


class DiffPrinter(Protocol):
    def __call__(self, result: DiffResult, out: TextIO, style: DiffStyle) -> None: ...


DIFF_PRINTER_BY_NAME: dict[str, str] = {
    "text": "cjmap.diff.text",
    "markdown": "cjmap.diff.markdown",
    "json": "cjmap.diff.json",
    "html": "cjmap.diff.html",
}
"""Output format name -> the module whose ``write`` prints it (in ``--format`` order)."""


def diff_printer(name: str) -> DiffPrinter:
    """The printer of format ``name`` (a key of :data:`DIFF_PRINTER_BY_NAME`)."""
    printer: DiffPrinter = importlib.import_module(DIFF_PRINTER_BY_NAME[name]).write
    return printer
