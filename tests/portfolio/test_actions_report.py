"""The register's printers: one table of names, one signature; the exact JSON and CSV shapes,
the calendar read back with icalendar, the table's CJK widths, and hostile text kept text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from icalendar import Calendar, Component

from cjmap.model import Status
from cjmap.portfolio.actions import ActionRow, register_paths
from cjmap.portfolio.actions_report import (
    ACTIONS_PRINTER_BY_NAME,
    COLUMNS,
    ActionsStyle,
    actions_printer,
)
from cjmap.portfolio.actions_report.table import cells

TODAY = dt.date(2026, 11, 25)
STYLE = ActionsStyle(today=TODAY)
HOSTILE_TASK = "<script>alert(1)</script> | a\nb"


def _print(name: str, rows: Sequence[ActionRow], style: ActionsStyle = STYLE) -> str:
    out = io.StringIO()
    actions_printer(name)(rows, out, style)
    return out.getvalue()


@pytest.fixture
def rows(maps: Path) -> list[ActionRow]:
    return register_paths([maps], today=TODAY).rows


def _row(**changes: object) -> ActionRow:
    base: dict[str, object] = {
        "file": "maps/a.cjm.yaml",
        "map_title": "A map",
        "stage_id": "research",
        "stage_name": "Research",
        "opportunity_id": None,
        "opportunity_text": "An idea",
        "task": "A task",
        "owner": "Web team",
        "status": Status.todo,
        "due": dt.date(2026, 12, 1),
        "overdue": False,
        "days_overdue": 0,
    }
    return ActionRow(**{**base, **changes})  # type: ignore[arg-type]


def test_the_table_of_printers_names_every_format() -> None:
    assert list(ACTIONS_PRINTER_BY_NAME) == ["table", "csv", "json", "markdown", "ics"]
    for name in ACTIONS_PRINTER_BY_NAME:
        assert callable(actions_printer(name))


def test_json_is_a_list_of_objects_with_exactly_the_columns(rows: list[ActionRow]) -> None:
    data = json.loads(_print("json", rows))
    assert isinstance(data, list) and len(data) == 9
    assert all(list(item) == list(COLUMNS) for item in data)
    guest = data[0]
    assert {k: v for k, v in guest.items() if k != "file"} == {
        "map": "Buying a vacuum online",
        "stage": "research",
        "stage_name": "Research",
        "opportunity": "comparison-chart",
        "opportunity_text": "Comparison chart against competitors",
        "task": "Enable guest checkout",
        "owner": "E-commerce team",
        "status": "doing",
        "due": "2026-09-30",
        "overdue": True,
    }
    assert guest["file"].endswith("en.cjm.yaml")
    survey = next(item for item in data if item["task"] == "Survey buyers")
    assert (survey["opportunity"], survey["owner"], survey["overdue"]) == (None, None, False)
    assert next(item for item in data if item["task"] == "上线智能客服")["due"] is None
    assert "Команда сайта" in _print("json", rows)  # kept as written, not \\u-escaped
    assert _print("json", []) == "[]\n"


def test_csv_has_a_bom_the_columns_and_reads_back(rows: list[ActionRow]) -> None:
    text = _print("csv", rows)
    assert text.startswith("\ufeff")
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    read = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert (
        tuple(read[0])
        == COLUMNS
        == (
            "file",
            "map",
            "stage",
            "stage_name",
            "opportunity",
            "opportunity_text",
            "task",
            "owner",
            "status",
            "due",
            "overdue",
        )
    )
    assert len(read) == 10
    by_task = {line[6]: dict(zip(COLUMNS, line, strict=True)) for line in read[1:]}
    ru = by_task["Переработать форму заявки"]
    assert (ru["owner"], ru["status"], ru["due"], ru["overdue"]) == (
        "Команда сайта",
        "todo",
        "2026-11-24",
        "true",
    )
    assert by_task["整理常见问题及标准答案"]["owner"] == "客服部 · 张伟"
    assert (by_task["Survey buyers"]["owner"], by_task["Survey buyers"]["opportunity"]) == ("", "")
    # Read as Excel does: utf-8-sig drops the BOM.
    excel = list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))
    assert excel[0]["file"].endswith("en.cjm.yaml")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_defuses_formulas_with_a_quote(start: str) -> None:
    formula = f"{start}cmd|' /C calc'!A0"
    text = _print("csv", [_row(task=formula, owner='=HYPERLINK("x")', map_title="@SUM(1)")])
    line = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))[1]
    values = dict(zip(COLUMNS, line, strict=True))
    assert values["task"] == "'" + formula
    assert values["owner"] == '\'=HYPERLINK("x")'
    assert values["map"] == "'@SUM(1)"
    assert values["due"] == "2026-12-01"  # dates are not touched


def test_csv_keeps_hostile_text_as_one_cell() -> None:
    text = _print("csv", [_row(task=HOSTILE_TASK)])
    line = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))[1]
    assert line[COLUMNS.index("task")] == HOSTILE_TASK
    assert len(line) == len(COLUMNS)


def _todos(text: str) -> list[Component]:
    return list(Calendar.from_ical(text).walk("VTODO"))


def test_ics_has_one_todo_per_open_item_with_a_due_date(rows: list[ActionRow]) -> None:
    text = _print("ics", rows)
    assert "\r\n" in text
    todos = _todos(text)
    # 9 items: done, dropped and the one without a due date are left out.
    assert len(todos) == 6
    by_summary = {str(t["SUMMARY"]): t for t in todos}
    guest = by_summary["Enable guest checkout"]
    assert guest.decoded("DUE") == dt.date(2026, 9, 30)
    assert str(guest["STATUS"]) == "IN-PROCESS"
    assert str(by_summary["Build a comparison tool"]["STATUS"]) == "NEEDS-ACTION"
    ru = str(by_summary["Переработать форму заявки"]["DESCRIPTION"])
    assert "Map: Оформление дебетовой карты онлайн" in ru
    assert "Stage: Оформление заявки" in ru
    assert "Owner: Команда сайта" in ru
    assert "整理常见问题及标准答案" in by_summary


def test_ics_uids_are_stable_and_unique(rows: list[ActionRow], maps: Path) -> None:
    first = _print("ics", rows)
    again = _print("ics", register_paths([maps], today=TODAY).rows)
    assert first == again
    uids = [str(t["UID"]) for t in _todos(first)]
    assert uids == [str(t["UID"]) for t in _todos(again)]
    assert len(set(uids)) == len(uids)
    # A later day changes what is overdue, not who an item is.
    later = _print("ics", register_paths([maps], today=TODAY + dt.timedelta(days=40)).rows)
    assert sorted(str(t["UID"]) for t in _todos(later)) == sorted(uids)
    twins = _print("ics", [_row(), _row(opportunity_text="Another idea")])
    assert len({str(t["UID"]) for t in _todos(twins)}) == 2


def test_ics_keeps_hostile_text_as_text() -> None:
    task = "Evil\nDTSTART:19700101\r\nEND:VTODO; x, y \x1b[31m"
    todos = _todos(_print("ics", [_row(task=task)]))
    assert len(todos) == 1
    assert str(todos[0]["SUMMARY"]) == "Evil\nDTSTART:19700101\nEND:VTODO; x, y \\u001b[31m"
    assert "DTSTART" not in todos[0]


def test_markdown_is_one_table_with_escaped_cells(rows: list[ActionRow]) -> None:
    text = _print("markdown", rows)
    lines = text.splitlines()
    assert lines[0] == "| " + " | ".join(COLUMNS) + " |"
    assert lines[1] == "|" + "---|" * len(COLUMNS)
    assert len(lines) == 2 + 9
    assert "| 客服部 · 张伟 |" in text
    hostile = _print("markdown", [_row(task=HOSTILE_TASK, owner="a*b*_c_")]).splitlines()
    assert len(hostile) == 3  # the newline did not start a row
    row = hostile[2]
    assert "\\<script\\>alert(1)\\</script\\> \\| a<br>b" in row
    assert "<script>" not in row
    assert "a\\*b\\*\\_c\\_" in row
    assert row.count(" | ") == len(COLUMNS) - 1  # unescaped separators only between cells


def test_table_groups_by_owner_and_marks_overdue(rows: list[ActionRow]) -> None:
    text = _print("table", rows)
    assert "\x1b" not in text
    lines = text.splitlines()
    assert lines[0] == "E-commerce team (1 item, 1 overdue)"
    assert lines[2].endswith("56 days overdue")
    assert any(line.endswith("1 day overdue") for line in lines)
    assert lines[-1] == "9 action items, 3 overdue (as of 2026-11-25)"
    owners = [line for line in lines if line and not line.startswith(" ")][:-1]
    assert owners[-1] == "(no owner) (1 item)"
    assert "Команда сайта (1 item, 1 overdue)" in owners
    assert _print("table", []) == "no action items (as of 2026-11-25)\n"


def test_table_columns_line_up_in_terminal_cells(rows: list[ActionRow]) -> None:
    lines = _print("table", rows).splitlines()
    header = next(line for line in lines if line.startswith("  DUE"))
    at = {name: cells(header[: header.index(name)]) for name in ("TASK", "STAGE", "MAP")}
    for row in rows:
        line = next(line for line in lines if row.task in line)
        assert cells(line[: line.index(row.task)]) == at["TASK"], line
        # Chinese tasks take two cells a character: the next column still starts in place.
        stage = line.index(row.stage_name, line.index(row.task) + len(row.task))
        assert cells(line[:stage]) == at["STAGE"], line
        shown = line.index(row.map_title[:10], stage + len(row.stage_name))
        assert cells(line[:shown]) == at["MAP"], line


def test_table_clips_long_text_and_escapes_control_characters() -> None:
    long_task = "长" * 40
    text = _print("table", [_row(task=long_task), _row(task="x\x1b[2Jy\nz", owner="\u202eevil")])
    assert "\x1b" not in text
    assert "x\\u001b[2Jy\\u000az" in text
    assert "\\u202eevil" in text
    clipped = next(line for line in text.splitlines() if "长" in line)
    assert "长" * 23 + "…" in clipped and "长" * 24 not in clipped


def test_table_in_colour_paints_overdue_red(rows: list[ActionRow]) -> None:
    text = _print("table", rows, ActionsStyle(color=True, today=TODAY))
    assert "\x1b[1;31m56 days overdue" in text
    hostile = _print("table", [_row(task="[bold]x[/bold]")], ActionsStyle(color=True, today=TODAY))
    assert "[bold]x[/bold]" in hostile  # markup in a map is text
