"""A staged map as the stages-as-columns sheet ``cjmap import`` reads back (CSV or XLSX).

The top-left cell holds the title, the first row the stage names, the first column the lanes
in the map's language. List cells hold one bulleted item a line (the bullet keeps an item that
itself starts with "-" or "1." intact through an import); touchpoints are ``name (channel)``,
feelings ``-2 frustrated``, metrics ``name | value | target``. Lanes no stage uses are left out,
except the six every journey has.

Text a spreadsheet would run as a formula (``=...``, ``+...``, ``@...``) is written with a
leading ``'`` in CSV (Excel's own way to say "text"; import drops it) and as a string cell in
XLSX, so an exported map can never run ``=HYPERLINK(...)`` or worse on a reader's machine.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from cjmap.convert.exporters import ExportOptions
from cjmap.convert.lanes import LANE_NAMES, header_for
from cjmap.model import AnyMap, CurrentStateMap, FutureStateMap
from cjmap.model.journey import Stage

if TYPE_CHECKING:
    from cjmap.load.loader import LoadedMap

ALWAYS = ("actions", "thoughts", "feeling", "touchpoints", "pain_points", "opportunities")
BULLET = "• "


def _items(values: list[str]) -> str:
    return "\n".join(BULLET + " ".join(v.split()) for v in values)


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def lane_cell(stage: Stage, lane: str) -> str | int:
    """What a stage's cell in ``lane`` holds (an int for a feeling without a label)."""
    if lane in ("actions", "thoughts"):
        return _items(getattr(stage, lane))
    if lane == "touchpoints":
        return _items([f"{t.name} ({t.channel.value})" for t in stage.touchpoints])
    if lane in ("pain_points", "opportunities"):
        return _items([item.text for item in getattr(stage, lane)])
    if lane == "metrics":
        return _items(
            [
                " | ".join([m.name, _value(m.value), _value(m.target)]).rstrip(" |")
                for m in stage.metrics
            ]
        )
    if lane == "feeling":
        if stage.feeling is None:
            return ""
        if stage.feeling.label:
            return f"{stage.feeling.score} {stage.feeling.label}"
        return stage.feeling.score
    if lane == "moment_of_truth":
        return "yes" if stage.moment_of_truth else ""
    if lane == "owner":
        return stage.owner or ""
    if lane == "description":
        return " ".join((stage.description or "").split())
    raise ValueError(lane)


def grid(doc: AnyMap) -> list[list[str | int]]:
    """The sheet as rows of cells."""
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        raise TypeError(doc.kind)
    used = [
        lane
        for lane in LANE_NAMES
        if lane in ALWAYS or any(lane_cell(stage, lane) not in ("", 0) for stage in doc.stages)
    ]
    rows: list[list[str | int]] = [[doc.title, *(" ".join(s.name.split()) for s in doc.stages)]]
    for lane in used:
        rows.append([header_for(lane, doc.lang), *(lane_cell(s, lane) for s in doc.stages)])
    return rows


def _guard(cell: str | int) -> str:
    text = str(cell)
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and not text[1:2].isdigit()):
        return "'" + text
    return text


def to_csv(doc: AnyMap) -> bytes:
    """UTF-8 with a BOM (so Excel reads it as UTF-8), comma-separated, CRLF as RFC 4180 says."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in grid(doc):
        writer.writerow([_guard(cell) for cell in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def to_xlsx(doc: AnyMap) -> bytes:
    """A workbook with wrapped text, the header row and lane column frozen, readable widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = grid(doc)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Journey"
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="EEF2F7")
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            cell.alignment = wrap
            if r == 1 or c == 1:
                cell.font = bold
                cell.fill = shade
    sheet.freeze_panes = "B2"
    for c in range(1, len(rows[0]) + 1):
        longest = max(
            (max((len(line) for line in str(row[c - 1]).split("\n")), default=0) for row in rows),
            default=10,
        )
        sheet.column_dimensions[get_column_letter(c)].width = min(max(longest + 2, 16), 45)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_csv(loaded: LoadedMap, options: ExportOptions) -> bytes:
    """The exporter of ``--format csv`` (see ``exporters``)."""
    del options
    assert loaded.doc is not None
    return to_csv(loaded.doc)


def export_xlsx(loaded: LoadedMap, options: ExportOptions) -> bytes:
    """The exporter of ``--format xlsx`` (see ``exporters``)."""
    del options
    assert loaded.doc is not None
    return to_xlsx(loaded.doc)
