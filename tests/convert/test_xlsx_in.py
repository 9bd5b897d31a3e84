"""Workbooks as teams keep them: merged cells, gaps, formulas, a second sheet; hostile ones."""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from cjmap.convert.importer import ImportOptions, import_file
from cjmap.convert.problems import ConvertProblem
from cjmap.convert.xlsx_in import read_xlsx
from cjmap.load.loader import load_map
from cjmap.model import CurrentStateMap


def _cache_formulas(path: Path, values: dict[str, str]) -> None:
    """Give formula cells the values Excel would have saved with them (openpyxl saves none)."""
    name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    xml = parts[name].decode("utf-8")
    for ref, value in values.items():
        xml, count = re.subn(
            rf'<c r="{ref}"(?P<attrs>[^>]*)><f>(?P<f>.*?)</f><v ?/>',
            lambda m, v=value, r=ref: f'<c r="{r}"{m["attrs"]} t="str"><f>{m["f"]}</f><v>{v}</v>',
            xml,
        )
        assert count == 1, ref
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for filename, data in parts.items():
            archive.writestr(filename, data)


def _workbook(path: Path) -> None:
    """A Russian journey as a team keeps it: title merged over the table, a gap row and
    column, a lane label merged over two rows, formulas, and a notes sheet after it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Путь"
    sheet["B2"] = "Путь клиента: покупка пылесоса"
    sheet.merge_cells("B2:F2")
    rows = [
        ["Этап", "Поиск 🔍", None, "Покупка", "Доставка"],
        ["Действия пользователя", "Читает отзывы", None, "Оплачивает", "Ждёт курьера"],
        [None, "Смотрит видео", None, None, None],  # the lane's second line
        ["Эмоции", -1, None, "=B5+3", 1],
        ["Точки контакта", "Сайт отзывов\nYouTube", None, "Корзина", '=CONCAT("СМС ","курьера")'],
        ["Боли", "Слишком много информации", None, None, None],
        ["Момент истины", None, None, "да", None],
    ]
    for r, row in enumerate(rows, start=4):  # row 3 is left empty
        for c, value in enumerate(row):
            column = "BCDEF"[c]  # column D stays empty
            if value is not None:
                sheet[f"{column}{r}"] = value
    sheet.merge_cells("B5:B6")
    notes = book.create_sheet("Заметки")
    notes["A1"] = "Этап"
    notes["B1"] = "Не путь"
    book.save(path)
    _cache_formulas(path, {"E7": "2", "F8": "СМС курьера"})


def test_a_workbook_as_a_team_keeps_it(
    project: Path, errors_of: Callable[[Path], list[str]]
) -> None:
    path = project / "путь.xlsx"
    _workbook(path)

    result = import_file(path, ImportOptions())

    out = project / "map.cjm.yaml"
    out.write_text(result.text, encoding="utf-8")
    assert errors_of(out) == []
    doc = load_map(out).doc
    assert isinstance(doc, CurrentStateMap)
    assert doc.title == "Путь клиента: покупка пылесоса" and doc.lang == "ru"
    assert [s.name for s in doc.stages] == ["Поиск 🔍", "Покупка", "Доставка"]
    search, buy, delivery = doc.stages
    assert search.actions == ["Читает отзывы", "Смотрит видео"]
    assert [(t.name, t.channel.value) for t in search.touchpoints] == [
        ("Сайт отзывов", "reviews"),
        ("YouTube", "social"),
    ]
    assert buy.feeling is not None and buy.feeling.score == 2  # a formula's cached value
    assert delivery.touchpoints[0].name == "СМС курьера"
    assert buy.moment_of_truth and not search.moment_of_truth
    assert any("also in the workbook: 'Заметки'" in note for note in result.notes)


def test_another_sheet_is_read_when_named(project: Path) -> None:
    path = project / "book.xlsx"
    _workbook(path)
    with pytest.raises(ConvertProblem) as caught:
        import_file(path, ImportOptions(sheet="Заметки"))
    assert "single row or column" in caught.value.message  # the notes sheet was read
    with pytest.raises(ConvertProblem) as caught:
        import_file(path, ImportOptions(sheet="Nope"))
    assert "'Путь'" in (caught.value.hint or "")


def test_formulas_without_saved_values_are_named_in_a_note(project: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Stage", "A", "B", "C"], ["Feeling", "=1+1", 1, 0], ["Actions", "x", "y", "z"]):
        sheet.append(row)
    path = project / "calc.xlsx"
    book.save(path)
    table = read_xlsx(path, "calc.xlsx")
    assert table.cells[1][1] == ""
    assert any("1 formula cell(s) have no saved value" in note for note in table.notes)


# Hostile workbooks: a clear error within seconds.


def _refused(path: Path) -> ConvertProblem:
    started = time.monotonic()
    with pytest.raises(ConvertProblem) as caught:
        import_file(path, ImportOptions())
    assert time.monotonic() - started < 3
    return caught.value


def test_a_pdf_renamed_xlsx(project: Path) -> None:
    path = project / "journey.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert _refused(path).message == "this is not an Excel workbook (it is a PDF)"


def test_a_zip_bomb_renamed_xlsx(project: Path) -> None:
    path = project / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as entry:
            block = b"\0" * (1 << 20)
            for _ in range(64):
                entry.write(block)
    assert path.stat().st_size < 1_000_000
    problem = _refused(path)
    assert "unpack to 64 MB" in problem.message


def test_an_empty_sheet(project: Path) -> None:
    path = project / "empty.xlsx"
    Workbook().save(path)
    assert _refused(path).message == "the sheet is empty"


def test_a_damaged_zip(project: Path) -> None:
    path = project / "cut.xlsx"
    Workbook().save(path)
    path.write_bytes(path.read_bytes()[:300])
    assert "damaged" in _refused(path).message
