"""A progress bar on standard error for commands that render many maps (render, site).

Shown only for two or more maps and only when standard error is a terminal; rich is imported
only then, so a plain run and a CI log pay nothing for it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjmap.render.batch import JobOutcome


class BatchProgress:
    """A rich progress bar on stderr for batches, when stderr is a terminal."""

    def __init__(self) -> None:
        self._bar: object | None = None
        self._task: object | None = None

    def start(self, total: int) -> None:
        if total < 2 or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        bar = Progress(
            TextColumn("rendering"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        bar.start()
        self._task = bar.add_task("render", total=total)
        self._bar = bar

    def done(self, outcome: JobOutcome) -> None:
        if self._bar is None:  # no bar (one map, or not a terminal): do not import rich
            return
        from rich.progress import Progress

        if isinstance(self._bar, Progress):
            self._bar.advance(self._task)  # type: ignore[arg-type]

    def stop(self) -> None:
        if self._bar is None:
            return
        from rich.progress import Progress

        if isinstance(self._bar, Progress):
            self._bar.stop()
            self._bar = None
