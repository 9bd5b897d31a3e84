"""cli/values.py: option values read the same way by every command."""

from __future__ import annotations

import datetime as dt

import pytest

from cjmap.cli import options
from cjmap.cli.values import parse_date


def test_a_date_or_none() -> None:
    assert parse_date("--today", "2026-11-25") == dt.date(2026, 11, 25)
    assert parse_date("--today", None) is None
    assert options.parse_date is parse_date  # the commands' import still works


@pytest.mark.parametrize("text", ["25.11.2026", "2026-02-30", "сегодня", ""])
def test_not_a_date_is_exit_2_saying_how_to_write_it(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        parse_date("--due-before", text)
    assert stop.value.code == 2
    assert capsys.readouterr().err == (
        f"cjmap: --due-before {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25\n"
    )
