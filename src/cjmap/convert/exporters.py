"""The export formats, chosen by name from one table (like ``report.REPORTER_BY_NAME``).

Every exporter has the one signature of :class:`Exporter`: a loaded, valid map in, the file's
bytes out. Modules are imported only when their format is chosen (openpyxl, WeasyPrint and the
rasteriser cost start-up that a Mermaid export does not need).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from cjmap.load.loader import LoadedMap


@dataclass(frozen=True)
class ExportOptions:
    dpi: int = 150
    allow_missing_glyphs: bool = False


class Exporter(Protocol):
    def __call__(self, loaded: LoadedMap, options: ExportOptions) -> bytes: ...


EXPORTER_BY_NAME: dict[str, str] = {
    "mermaid": "cjmap.convert.mermaid_out:export",
    "csv": "cjmap.convert.sheet_out:export_csv",
    "xlsx": "cjmap.convert.sheet_out:export_xlsx",
    "png": "cjmap.convert.png_out:export",
}
"""Format name -> ``module:function`` of its exporter (in ``--format`` order)."""

SUFFIX_OF = {"mermaid": ".mmd", "csv": ".csv", "xlsx": ".xlsx", "png": ".png"}
BINARY = frozenset({"xlsx", "png"})


def exporter(name: str) -> Exporter:
    """The exporter of format ``name`` (a key of :data:`EXPORTER_BY_NAME`)."""
    module, function = EXPORTER_BY_NAME[name].split(":")
    found: Exporter = getattr(importlib.import_module(module), function)
    return found


def persona_name(loaded: LoadedMap) -> str | None:
    """The name of the map's persona, inline or from its file, if it has one."""
    if loaded.persona is not None:
        return loaded.persona.name
    return None
