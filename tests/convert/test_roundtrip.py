"""export -> import gives back the same map, for csv and xlsx, in en, zh, ru and mk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cjmap.convert.exporters import ExportOptions, exporter
from cjmap.convert.importer import ImportOptions, import_file
from cjmap.load.loader import load_map
from cjmap.model import CurrentStateMap


def _stages(doc: Any) -> list[dict[str, Any]]:
    """What a sheet carries of each stage (ids are derived again; persona and plans are not)."""
    assert isinstance(doc, CurrentStateMap)
    return [
        stage.model_dump(
            mode="json",
            exclude={"id", "icon"},
            exclude_defaults=True,
        )
        for stage in doc.stages
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["en", "zh", "ru", "mk"])
def test_export_then_import_gives_the_same_map(
    project: Path,
    write_map: Callable[[Path, str], Path],
    errors_of: Callable[[Path], list[str]],
    lang: str,
    fmt: str,
) -> None:
    original = load_map(write_map(project, lang))
    assert original.ok and original.doc is not None
    sheet = project / f"journey.{fmt}"
    sheet.write_bytes(exporter(fmt)(original, ExportOptions()))

    result = import_file(sheet, ImportOptions())
    back_path = project / "back.cjm.yaml"
    back_path.write_text(result.text, encoding="utf-8")

    assert errors_of(back_path) == []
    back = load_map(back_path)
    assert back.doc is not None
    assert back.doc.title == original.doc.title
    assert back.doc.lang == lang  # guessed from the text, Macedonian told from Russian
    assert _stages(back.doc) == _stages(original.doc)
    assert any("stages as columns" in note for note in result.notes)
