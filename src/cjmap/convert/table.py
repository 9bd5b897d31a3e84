"""A sheet as a grid of texts, and reading one from a CSV file as real programs save them.

Excel saves CSV in the system's ANSI code page (Windows-1251 for Russian, GB18030/GBK for
Chinese) with ``;`` where the decimal comma is local, Google Sheets in UTF-8 with ``,``,
"Unicode text" is UTF-16 with tabs. The encoding is found by trying UTF-8 (with or without
BOM), then telling GB18030 from Windows-1251 by which reading gives plausible text; the
separator by which one splits the rows into the most consistent number of columns.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from cjmap.convert.problems import ConvertProblem
from cjmap.lint.rules.hidden_characters import hidden
from cjmap.text import printable

MAX_FILE_BYTES = 8 * 1024 * 1024  # a journey sheet is a few kilobytes; the loader's cap for maps
MAX_ROWS = 2000
MAX_COLUMNS = 500
MAX_CELL_CHARS = 20_000
SEPARATORS = (",", ";", "\t", "|")


@dataclass
class Table:
    """The non-empty rows and columns of a sheet, with where each came from (for messages)."""

    cells: list[list[str]]
    rows: list[int]  # the sheet's 0-based row of each row of ``cells``
    columns: list[int]  # the sheet's 0-based column of each column of ``cells``
    source: str  # the file as shown in messages
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)

    def where(self, row: int, column: int) -> str:
        """``file:C4`` (or ``file:Sheet!C4``) for a cell of ``cells``."""
        sheet = f"{self.sheet}!" if self.sheet else ""
        return f"{self.source}:{sheet}{column_letter(self.columns[column])}{self.rows[row] + 1}"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: a column as spreadsheets name it."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def clean(text: str) -> str:
    """Text without what copy and paste leaves in cells and the linter refuses (CJM124): bidi
    controls, zero-width spaces, BOMs, control characters; a no-break space is a space."""
    text = text.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    found = hidden(text)
    if found:
        drop = set(found)
        text = "".join(ch for ch in text if ch not in drop)
    return text.strip()


def compact(grid: list[list[str]], source: str, sheet: str | None = None) -> Table:
    """The grid without its empty rows and columns (a person leaves gaps; they mean nothing)."""
    grid = [[clean(cell) for cell in row] for row in grid]
    rows = [r for r, row in enumerate(grid) if any(cell.strip() for cell in row)]
    width = max((len(row) for row in grid), default=0)
    columns = [
        c for c in range(width) if any(c < len(grid[r]) and grid[r][c].strip() for r in rows)
    ]
    cells = [[grid[r][c].strip() if c < len(grid[r]) else "" for c in columns] for r in rows]
    return Table(cells=cells, rows=rows, columns=columns, source=source, sheet=sheet)


def check_size(table_rows: int, table_columns: int, source: str) -> None:
    if table_rows > MAX_ROWS or table_columns > MAX_COLUMNS:
        raise ConvertProblem(
            source,
            f"the sheet has {table_rows:,} rows and {table_columns:,} columns; a journey sheet "
            f"has at most {MAX_ROWS:,} rows and {MAX_COLUMNS:,} columns",
            "export only the journey's table (one row or column per stage and per lane)",
        )


def read_limited(path: Path, source: str) -> bytes:
    """The file's bytes, refused before reading when it is larger than a sheet can be."""
    try:
        if not path.is_file():
            raise ConvertProblem(source, "not a regular file", "name a .csv or .xlsx file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ConvertProblem(
                source,
                f"the file is {size / 1024 / 1024:.1f} MB; a journey sheet is at most "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB",
                "export only the sheet that holds the journey",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ConvertProblem(source, f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:  # grew while we looked, or a device that reports no size
        raise ConvertProblem(source, "the file is larger than a journey sheet can be")
    return data


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of a CSV file and the name of the encoding it was in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise ConvertProblem(
            source,
            "this is not a text file (it holds NUL bytes)",
            "save the sheet as CSV (UTF-8) or as an Excel workbook (.xlsx)",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            pass
    guesses: list[tuple[float, str, str]] = []
    for codec, name in (("gb18030", "GB18030"), ("cp1251", "Windows-1251")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        guesses.append((_plausible(text), name, text))
    if not guesses or max(guesses)[0] < 0.5:
        raise ConvertProblem(
            source,
            "the file is not UTF-8, and does not read as Chinese (GB18030) or Russian "
            "(Windows-1251) text either",
            "save it again as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8)",
        )
    _, name, text = max(guesses)
    return text, name


_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёЃѓЅѕЈјЉљЊњЌќЏџІіЇїЄєЎўҐґ]+")
_GOOD_CYRILLIC = re.compile(r"^[А-ЯЁЃЅЈЉЊЌЏІЇЄЎҐ]?[а-яёѓѕјљњќџіїєўґ]+$|^[А-ЯЁЃЅЈЉЊЌЏІЇЄЎҐ]+$")
_GOOD_MARKS = frozenset("“”‘’«»—–…№\u00a0·•")


def _plausible(text: str) -> float:
    """The share of the non-ASCII characters of ``text`` that real text would hold (0..1).

    Russian bytes read as GB18030 come out as rare second-level hanzi; Chinese bytes read as
    Windows-1251 as words that mix cases at random between symbols such as ``§``. Common hanzi
    (GB2312's first level), CJK punctuation, Cyrillic words in one case pattern, typographic
    quotes and dashes, and emoji are what real text holds.
    """
    other = [ch for ch in text if not ch.isascii()]
    if not other:
        return 1.0
    good = sum(len(w) for w in _CYRILLIC_WORD.findall(text) if _GOOD_CYRILLIC.match(w))
    for ch in other:
        if "\u4e00" <= ch <= "\u9fff":
            try:
                lead = ch.encode("gb2312")[0]
            except UnicodeEncodeError:
                continue
            good += 0xB0 <= lead <= 0xD7
        elif (
            "\u3000" <= ch <= "\u303f"
            or "\uff00" <= ch <= "\uffef"
            or ch in _GOOD_MARKS
            or ord(ch) >= 0x1F000
        ):
            good += 1
    return good / len(other)


def sniff_separator(text: str) -> str:
    """The separator that splits the rows into the most consistent number of columns."""
    sample = text[:65536]
    best: tuple[float, int, str] = (-1.0, 0, ",")
    for sep in SEPARATORS:
        if sep not in sample:
            continue
        try:
            rows = [row for row in csv.reader(io.StringIO(sample), delimiter=sep) if any(row)]
        except csv.Error:
            continue
        if len(rows) > 1 and not sample.endswith("\n"):
            rows = rows[:-1]  # the sample may cut the last row
        widths = [len(row) for row in rows]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = widths.count(common) / len(widths)
        if (score, common) > best[:2]:
            best = (score, common, sep)
    return best[2]


def read_csv(path: Path, source: str) -> Table:
    """A CSV file as a table, with a note naming the encoding and the separator found."""
    text, encoding = decode(read_limited(path, source), source)
    sep = sniff_separator(text)
    grid: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=False)
    try:
        for row in reader:
            if len(grid) >= MAX_ROWS or len(row) > MAX_COLUMNS:
                check_size(max(len(grid) + 1, 1), len(row), source)
            grid.append([_unguard(cell) for cell in row])
    except csv.Error as exc:
        raise ConvertProblem(
            f"{source}:{reader.line_num}", f"this CSV cannot be read ({exc})", _RESAVE
        ) from None
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if len(cell) > MAX_CELL_CHARS:
                raise ConvertProblem(
                    f"{source}:{column_letter(c)}{r + 1}",
                    f"a cell of {len(cell):,} characters; a journey cell is a few lines",
                    _RESAVE,
                )
    table = compact(grid, source)
    names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
    table.notes.append(f"{printable(source)}: read as {encoding}, {names[sep]}-separated")
    return table


_RESAVE = "save the sheet again as CSV UTF-8, or import the .xlsx workbook itself"


def _unguard(cell: str) -> str:
    """A cell without the ``'`` that export puts before text a spreadsheet would run as a
    formula (``'=HYPERLINK(...)`` is the text ``=HYPERLINK(...)``)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r":
        return cell[1:]
    return cell
