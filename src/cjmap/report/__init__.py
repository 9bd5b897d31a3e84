"""Printers: each turns the findings of a run into one output format.

A finding is plain data (:class:`cjmap.diagnostics.Diagnostic`); a printer is chosen by name
from :data:`REPORTER_BY_NAME` (as check-jsonschema's ``REPORTER_BY_NAME``), and every printer
has the one signature of :class:`Printer`: it writes :class:`Findings` to a text stream in a
:class:`Style`. The table also gives ``--format`` its choices. Printer modules are imported
only when chosen (SARIF's rule table costs start-up that a text run does not need).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from cjmap.diagnostics import Diagnostic


def _no_source(file: str) -> str | None:
    return None


@dataclass(frozen=True)
class Findings:
    """What a run found, as every printer gets it."""

    diagnostics: list[Diagnostic]
    files: list[str] = field(default_factory=list)
    """The files checked (maps; persona and compared files are not counted)."""
    today: dt.date | None = None
    """The date 'stale' and 'overdue' were judged against (the JSON report states it)."""
    source_of: Callable[[str], str | None] = _no_source
    """A checked file's text, for source excerpts."""


@dataclass(frozen=True)
class Style:
    """How the text printer presents findings (the machine formats ignore it)."""

    color: bool = False
    """Colour, which callers ask for only when the output goes to a terminal."""
    show_source: bool = True
    summary_line: bool = True
    width: int | None = None
    """Columns to fit lines into; None: the terminal's when in colour, else no wrapping."""


class Printer(Protocol):
    def __call__(self, findings: Findings, out: TextIO, style: Style) -> None: ...


REPORTER_BY_NAME: dict[str, str] = {
    "text": "cjmap.report.text",
    "json": "cjmap.report.json",
    "github": "cjmap.report.github",
    "sarif": "cjmap.report.sarif",
    "markdown": "cjmap.report.markdown",
}
"""Output format name -> the module whose ``write`` prints it (in ``--format`` order)."""


def reporter(name: str) -> Printer:
    """The printer of format ``name`` (a key of :data:`REPORTER_BY_NAME`)."""
    printer: Printer = importlib.import_module(REPORTER_BY_NAME[name]).write
    return printer
