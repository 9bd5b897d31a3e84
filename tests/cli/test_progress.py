"""The batch progress bar: drawn on a terminal, absent (and rich not needed) anywhere else."""

from __future__ import annotations

import io
import sys

import pytest

from cjmap.cli.progress import BatchProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_the_bar_count_up(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    bar = BatchProgress()
    bar.start(3)
    for _ in range(3):
        bar.done(None)  # type: ignore[arg-type]
    bar.stop()
    bar.stop()  # twice is harmless (the site stops it on every way out)
    assert "rendering" in screen.getvalue() and "3/3" in screen.getvalue()


@pytest.mark.parametrize(("tty", "total"), [(False, 5), (True, 1)])
def test_no_bar_in_a_log_or_for_one_map(
    monkeypatch: pytest.MonkeyPatch, tty: bool, total: int
) -> None:
    screen = Terminal() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", screen)
    bar = BatchProgress()
    bar.start(total)
    bar.done(None)  # type: ignore[arg-type]
    bar.stop()
    assert screen.getvalue() == ""
