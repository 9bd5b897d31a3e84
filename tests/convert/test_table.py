"""CSV as real programs save it: encodings, separators, quoted line breaks; hostile files."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cjmap.convert.importer import ImportOptions, import_file
from cjmap.convert.problems import ConvertProblem
from cjmap.convert.table import column_letter, decode, read_csv, sniff_separator
from cjmap.load.loader import load_map
from cjmap.model import CurrentStateMap

# Stages as columns, as a team writes it in each language (lane names in their own words).
SHEETS = {
    "ru": [
        ["Путь клиента", "Поиск 🔍", "Покупка", "Доставка"],
        ["Действия пользователя", "• Читает отзывы\n• Сравнивает цены", "Оплачивает", "Ждёт"],
        ["Мысли клиента", "Какой выбрать?", "", "Когда привезут?"],
        ["Эмоции", "-1 тревога", "2", "+1"],
        ["Точки контакта", "Яндекс\nСайт магазина", "Корзина", "СМС от курьера"],
        ["Болевые точки", "Слишком много моделей; нет сравнения", "", ""],
    ],
    "zh": [
        ["购买旅程", "研究", "购买 🛒", "配送"],
        ["用户行为", "阅读评论\n比较价格", "在线付款", "等待快递"],
        ["想法", "哪一款最好？", "安全吗？", ""],
        ["情绪", "-1 焦虑", "0", "3 开心"],
        ["触点", "小红书\n官网", "购物车页面", "短信通知"],
        ["痛点", "信息太多", "", ""],
    ],
    "en": [
        ["Buying a vacuum", "Research", "Buy", "Delivery"],
        ["Customer actions", "- Reads reviews\n- Watches videos: 3", "Pays online", "Waits"],
        ["Pains", "Too much content, no comparison", "", "No tracking"],
        ["Feelings", "-2 frustrated 😤", "1", "-1"],
        ["Touchpoints", "Review site (reviews)\nGoogle", "Checkout page", "Email from courier"],
    ],
    "mk": [
        ["Купување", "Истражување", "Купување", "Достава"],
        ["Активности на корисникот", "Чита осврти", "Плаќа", "Чека"],
        ["Болни точки", "Премногу содржина", "", ""],
        ["Чувства", "-1", "2", "1"],
        ["Допирни точки", "Веб-локација", "Продавница", "Е-пошта"],
    ],
}


def _csv(rows: list[list[str]], sep: str, newline: str = "\r\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator=newline).writerows(rows)
    return out.getvalue()


# How real programs save a sheet: (language, encoding written, BOM, separator, encoding named).
SAVED = [
    ("ru", "cp1251", b"", ";", "Windows-1251"),  # Russian Excel: "CSV (разделители - запятые)"
    ("zh", "gb18030", b"", ",", "GB18030"),  # Chinese Excel's CSV
    ("en", "utf-8", b"\xef\xbb\xbf", ",", "UTF-8 with BOM"),  # Excel: "CSV UTF-8"
    ("mk", "utf-8", b"", ",", "UTF-8"),  # Google Sheets: Download > CSV
    ("ru", "utf-8", b"", "\t", "UTF-8"),  # LibreOffice, tab-separated
    ("zh", "utf-16-le", b"\xff\xfe", "\t", "UTF-16"),  # Excel: "Unicode Text"
    ("en", "utf-8", b"", ";", "UTF-8"),  # a European locale's separator
]


@pytest.mark.parametrize(("lang", "encoding", "bom", "sep", "named"), SAVED)
def test_csv_as_programs_save_it_imports_and_validates(
    project: Path,
    errors_of: Callable[[Path], list[str]],
    lang: str,
    encoding: str,
    bom: bytes,
    sep: str,
    named: str,
) -> None:
    rows = SHEETS[lang]
    if encoding == "cp1251":
        rows = [[cell.replace("🔍", "") for cell in row] for row in rows]  # no emoji in cp1251
    path = project / f"journey-{lang}.csv"
    path.write_bytes(bom + _csv(rows, sep).encode(encoding))

    result = import_file(path, ImportOptions())

    sep_name = {",": "comma", ";": "semicolon", "\t": "tab"}[sep]
    assert f"read as {named}, {sep_name}-separated" in result.notes[0]
    out = project / f"{lang}.cjm.yaml"
    out.write_text(result.text, encoding="utf-8")
    assert errors_of(out) == []
    doc = load_map(out).doc
    assert isinstance(doc, CurrentStateMap)
    assert doc.lang == lang
    assert doc.title == rows[0][0]
    assert [s.name for s in doc.stages] == [" ".join(n.split()) for n in rows[0][1:]]
    first = doc.stages[0]
    assert len(first.actions) == len(rows[1][1].split("\n"))  # one item a line, quoted breaks
    assert first.touchpoints and all(t.channel for t in first.touchpoints)


def test_the_russian_and_chinese_legacy_encodings_are_told_apart() -> None:
    # Short texts whose bytes are valid in both encodings: the plausible reading wins.
    for text in ("Этап;Мысли\r\nПоиск;Дорого\r\n", "阶段,想法\r\n研究,太贵了\r\n"):
        for codec in ("cp1251", "gb18030"):
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            assert decode(data, "x.csv")[0] == text


def test_the_separator_is_the_one_that_gives_consistent_columns() -> None:
    assert sniff_separator("a;b,c;d\n1;2,5;3\n") == ";"
    assert sniff_separator('"x, y"\tb\n"1, 2"\t3\n') == "\t"
    assert sniff_separator("a,b\n1,2\n") == ","


def test_formulas_in_a_csv_are_text(project: Path) -> None:
    path = project / "f.csv"
    path.write_text(
        'Stage,Research,Buy,Use\nActions,"=HYPERLINK(""http://x"",""click"")",@SUM(A1),Uses\n'
        "Touchpoints,Site,Shop,App\n",
        encoding="utf-8",
    )
    text = import_file(path, ImportOptions()).text
    assert '=HYPERLINK("http://x","click")' in text and "'@SUM(A1)'" in text


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


# Hostile input: a clear error, quickly, never a traceback.


def _refused(path: Path) -> ConvertProblem:
    started = time.monotonic()
    with pytest.raises(ConvertProblem) as caught:
        read_csv(path, path.name)
    assert time.monotonic() - started < 3
    return caught.value


def test_a_binary_file_is_refused(project: Path) -> None:
    path = project / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "not a text file" in _refused(path).message


def test_a_50_mb_csv_is_refused_before_it_is_read(project: Path) -> None:
    path = project / "huge.csv"
    with path.open("wb") as handle:  # sparse: no 50 MB written to the test disk
        handle.truncate(50 * 1024 * 1024)
    problem = _refused(path)
    assert "50.0 MB" in problem.message and problem.hint


def test_a_csv_of_10000_columns_is_refused(project: Path) -> None:
    path = project / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(10_000)) + "\n", encoding="utf-8")
    assert "10,000 columns" in _refused(path).message


def test_text_in_no_known_encoding_is_refused(project: Path) -> None:
    path = project / "latin.csv"
    path.write_bytes("Ünïcödé ärgér, ëxämplé\n".encode("cp1252") * 3 + b"\x98\x81")
    assert "CSV UTF-8" in (_refused(path).hint or "")
