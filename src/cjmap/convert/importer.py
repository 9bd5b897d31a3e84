"""``cjmap import`` as a library call: a sheet or a Mermaid journey in, a map's YAML out.

    result = import_file(Path("journey.xlsx"), ImportOptions(lang="ru"))
    result.text      # the map, ready to write; passes `cjmap validate`
    result.notes     # what was guessed (encoding, layout, lang), for the person to check

The kind of file is told by its name (``.csv``, ``.tsv``, ``.txt``, ``.xlsx``/``.xlsm``,
``.mmd``/``.mermaid``/``.md``) and, for other names, by its first bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cjmap.convert.build import Draft, draft
from cjmap.convert.cells import DEFAULT_SCALE, Scale
from cjmap.convert.problems import ConvertProblem
from cjmap.convert.sheet import SheetOptions, read_journey
from cjmap.text import echo

SHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".tab")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
MERMAID_SUFFIXES = (".mmd", ".mermaid", ".md", ".markdown")
IMPORT_KINDS = ("current-state", "future-state")


@dataclass
class ImportOptions:
    kind: str = "current-state"
    lang: str | None = None
    sheet: str | None = None
    lanes: dict[str, str] = field(default_factory=dict)
    scale: Scale = DEFAULT_SCALE
    schema_ref: str = "cjmap.schema.json"


@dataclass
class ImportResult:
    text: str
    draft: Draft
    notes: list[str]


def _format(path: Path, source: str) -> str:
    suffix = path.suffix.lower()
    if suffix in SHEET_SUFFIXES:
        return "csv"
    if suffix in WORKBOOK_SUFFIXES:
        return "xlsx"
    if suffix in MERMAID_SUFFIXES:
        return "mermaid"
    if suffix == ".xls":
        raise ConvertProblem(
            source,
            "old-style Excel workbooks (.xls) are not read",
            "save it as .xlsx (Excel or LibreOffice: File > Save As)",
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise ConvertProblem(source, f"cannot read the file ({exc.strerror or exc})") from None
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if b"journey" in head.lower():
        return "mermaid"
    return "csv"


def import_file(path: Path, options: ImportOptions, *, source: str | None = None) -> ImportResult:
    """Read ``path`` and return the map it holds as YAML; raises ConvertProblem."""
    shown = source or str(path)
    if options.kind not in IMPORT_KINDS:
        raise ConvertProblem(
            shown,
            f"cannot import a {options.kind} map",
            "sheets and Mermaid journeys become current-state or future-state maps",
        )
    if not path.is_file():
        raise ConvertProblem(shown, "no such file", "name a .csv, .xlsx or .mmd file")
    fmt = _format(path, shown)
    notes: list[str] = []
    if fmt == "mermaid":
        from cjmap.convert.mermaid_in import read_mermaid
        from cjmap.convert.table import read_limited

        data = read_limited(path, shown)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConvertProblem(
                shown, f"a Mermaid file must be UTF-8 ({exc.reason} at byte {exc.start})"
            ) from None
        journey = read_mermaid(text, shown, markdown=path.suffix.lower() in (".md", ".markdown"))
        persona = journey.actors[0] if len(journey.actors) == 1 else None
        result = draft(
            title=journey.title or path.stem,
            stages=journey.stages,
            kind=options.kind,
            lang=options.lang,
            origin=f"{path.name} (Mermaid journey)",
            persona=persona,
        )
        if len(journey.actors) > 1:
            result.comments.append(f"Mermaid actors: {', '.join(journey.actors)}")
        if journey.description:
            result.data["scenario"] = journey.description
    else:
        if fmt == "xlsx":
            from cjmap.convert.xlsx_in import read_xlsx

            table = read_xlsx(path, shown, options.sheet)
        else:
            from cjmap.convert.table import read_csv

            if options.sheet is not None:
                raise ConvertProblem(shown, "--sheet is for .xlsx workbooks; a CSV has one sheet")
            table = read_csv(path, shown)
        notes += table.notes
        journey_sheet = read_journey(table, SheetOptions(lanes=options.lanes, scale=options.scale))
        notes.append(f"{shown}: {journey_sheet.layout}, {len(journey_sheet.stages)} stages")
        sheet_part = f", sheet {echo(table.sheet)}" if table.sheet else ""
        result = draft(
            title=journey_sheet.title or path.stem,
            stages=journey_sheet.stages,
            kind=options.kind,
            lang=options.lang,
            origin=f"{path.name}{sheet_part} ({journey_sheet.layout})",
        )
    from cjmap.convert.yaml_out import to_yaml

    notes += result.notes
    return ImportResult(text=to_yaml(result, options.schema_ref), draft=result, notes=notes)
