"""Reading a sheet of an Excel workbook (.xlsx) as a grid of texts, safely.

A workbook is a zip of XML files, so before openpyxl sees it the zip's directory is checked:
a file that is not a zip (a PDF renamed .xlsx) and a zip that would unpack to more than
``MAX_UNPACKED`` bytes (a zip bomb) are refused in milliseconds. Python's zipfile never
unpacks more than an entry declares, so the declared sizes are a real bound.

Formulas are read as the values Excel cached when it last saved the file (openpyxl computes
nothing); a formula cell with no cached value (a workbook written by a program that does not
calculate) reads as empty. Merged cells give their value to every cell they cover.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from cjmap.convert.problems import ConvertProblem
from cjmap.convert.table import MAX_COLUMNS, MAX_ROWS, Table, check_size, compact, read_limited
from cjmap.text import echo, printable

MAX_UNPACKED = 8 * 1024 * 1024  # openpyxl reads about 3 MB of sheet XML a second
MAX_ENTRIES = 1000
_UNCACHED = re.compile(rb"</f>\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>")
_NOT_XLSX = "save the file as an Excel workbook (.xlsx) or as CSV UTF-8"


def _check_zip(path: Path, source: str) -> int:
    """Refuse what is not a workbook or would unpack too far; count formulas with no value."""
    head = read_limited(path, source)[:8]
    if not head.startswith(b"PK\x03\x04"):
        looks = " (it is a PDF)" if head.startswith(b"%PDF") else ""
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise ConvertProblem(
                source,
                "this is an old-style Excel workbook (.xls), which cjmap does not read",
                "open it in Excel or LibreOffice and save it as .xlsx",
            )
        raise ConvertProblem(source, f"this is not an Excel workbook{looks}", _NOT_XLSX)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ConvertProblem(source, f"this workbook is damaged ({exc})", _NOT_XLSX) from None
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED:
        raise ConvertProblem(
            source,
            f"this workbook would unpack to {unpacked / 1024 / 1024:,.0f} MB in "
            f"{len(entries):,} parts; a journey workbook is far smaller "
            f"(at most {MAX_UNPACKED // 1024 // 1024} MB)",
            "copy the journey's sheet into a new workbook, or save it as CSV",
        )
    if "xl/workbook.xml" not in {entry.filename for entry in entries}:
        raise ConvertProblem(source, "this zip file is not an Excel workbook", _NOT_XLSX)
    uncached = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in entries:
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    uncached += len(_UNCACHED.findall(archive.read(entry)))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ConvertProblem(source, f"this workbook is damaged ({exc})", _NOT_XLSX) from None
    return uncached


def read_xlsx(path: Path, source: str, sheet: str | None = None) -> Table:
    """The first sheet of the workbook (or ``sheet``) as a table."""
    uncached = _check_zip(path, source)
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # openpyxl warns about styles and extensions it drops
            warnings.simplefilter("ignore")
            book = load_workbook(path, data_only=True, read_only=False)
    except Exception as exc:  # openpyxl raises many types (KeyError, TypeError...) on bad parts
        raise ConvertProblem(
            source, f"this workbook cannot be read ({type(exc).__name__}: {exc})", _NOT_XLSX
        ) from None
    try:
        names = book.sheetnames
        if sheet is None:
            chosen = book.worksheets[0]
        elif sheet in names:
            chosen = book[sheet]
        else:
            raise ConvertProblem(
                source,
                f"no sheet named {echo(sheet)}",
                "the sheets are " + ", ".join(echo(n) for n in names),
            )
        if not hasattr(chosen, "merged_cells"):  # a chart sheet
            raise ConvertProblem(
                source, f"sheet {echo(chosen.title)} is a chart, not a table", "use --sheet"
            )
        # The cells that hold a value, not max_row/max_column: a format applied to a far
        # cell (row 1048576) makes those huge in a sheet of twenty values.
        values = {
            (cell.row, cell.column): _text(cell.value)
            for cell in chosen._cells.values()
            if cell.value is not None
        }
        rows = max((r for r, _ in values), default=0)
        columns = max((c for _, c in values), default=0)
        check_size(rows, columns, source)
        grid = [["" for _ in range(columns)] for _ in range(rows)]
        for (r, c), text in values.items():
            grid[r - 1][c - 1] = text
        for merged in chosen.merged_cells.ranges:
            if merged.min_row > rows or merged.min_col > columns:
                continue
            top = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, min(merged.max_row, rows)):
                for c in range(merged.min_col - 1, min(merged.max_col, columns)):
                    grid[r][c] = top
        table = compact(grid, source, sheet=chosen.title if len(names) > 1 else None)
        others = [n for n in names if n != chosen.title]
        more = f" (also in the workbook: {', '.join(echo(n) for n in others)})" if others else ""
        table.notes.append(f"{printable(source)}: read sheet {echo(chosen.title)}{more}")
        if uncached:
            table.notes.append(
                f"{printable(source)}: {uncached} formula cell(s) have no saved value and read "
                "as empty (the file was written by a program that does not calculate); open "
                "and save it in Excel or LibreOffice to keep their values"
            )
        return table
    finally:
        book.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


__all__ = ["MAX_COLUMNS", "MAX_ROWS", "read_xlsx"]
