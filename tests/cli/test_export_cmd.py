"""`cjmap export`: every format, -o, maps that cannot be exported."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cjmap.cli import app
from cjmap.cli.export_cmd import ExportFormat
from cjmap.convert.exporters import EXPORTER_BY_NAME

MAP = """\
cjmap: 1
kind: current-state
title: Покупка
lang: ru
stages:
  - name: Поиск
    actions: [Читает отзывы]
    feeling: -1
    touchpoints: [{name: Сайт, channel: website}]
  - name: =Оплата
    actions: ["=HYPERLINK(\\"http://evil\\")"]
    touchpoints: [{name: Корзина, channel: website}]
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "m.cjm.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, ["export", *args])


def test_the_formats_are_the_exporter_table() -> None:
    assert [f.value for f in ExportFormat] == list(EXPORTER_BY_NAME)


def test_mermaid_and_csv_print(folder: Path) -> None:
    done = _run("m.cjm.yaml", "--format", "mermaid")
    assert done.exit_code == 0, done.output
    assert done.stdout.splitlines()[:4] == [
        "journey",
        "    title Покупка",
        "    section Поиск",
        "      Читает отзывы: 2",
    ]
    done = _run("m.cjm.yaml", "-f", "csv")
    assert done.exit_code == 0
    data = done.stdout_bytes.decode("utf-8")
    assert data.startswith("\ufeffПокупка,Поиск,'=Оплата\r\nДействия,• Читает отзывы,")
    # A stage name that a spreadsheet would run as a formula is marked as text with "'".


def test_xlsx_needs_output_and_is_written(folder: Path) -> None:
    done = _run("m.cjm.yaml", "-f", "xlsx")
    assert done.exit_code == 2 and "name it with -o" in done.stderr
    done = _run("m.cjm.yaml", "-f", "xlsx", "-o", "m.xlsx")
    assert done.exit_code == 0, done.output
    from openpyxl import load_workbook

    sheet = load_workbook(folder / "m.xlsx").active
    assert sheet is not None
    assert sheet["B2"].value == "• Читает отзывы"
    assert sheet["C2"].data_type == "s" and sheet["C2"].value.startswith("• =HYPERLINK")
    assert sheet["B4"].value == -1  # a feeling without a label is a number
    assert sheet.freeze_panes == "B2"
    assert sheet["B2"].alignment.wrap_text
    assert 16 <= sheet.column_dimensions["B"].width <= 45
    done = _run("m.cjm.yaml", "-f", "xlsx", "-o", "m.xlsx")
    assert done.exit_code == 2 and "--force" in done.stderr


def test_a_map_with_errors_is_not_exported(folder: Path) -> None:
    (folder / "bad.cjm.yaml").write_text(MAP.replace("actions:", "actoins:", 1), encoding="utf-8")
    done = _run("bad.cjm.yaml", "-f", "mermaid")
    assert done.exit_code == 1
    assert "actoins" in done.stderr and done.stdout == ""


def test_a_map_without_stages_says_so(folder: Path) -> None:
    (folder / "e.cjm.yaml").write_text(
        "cjmap: 1\nkind: empathy\ntitle: E\nempathy: {says: [hi]}\n", encoding="utf-8"
    )
    done = _run("e.cjm.yaml", "-f", "csv")
    assert done.exit_code == 2 and "a empathy map has no stages to export" in done.stderr
