"""The Mermaid export, checked by Mermaid's own parser: it parses, and means what we meant."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cjmap.convert.exporters import ExportOptions, exporter
from cjmap.convert.importer import ImportOptions, import_file
from cjmap.convert.mermaid_out import score
from cjmap.load.loader import load_map
from support import mermaid_parse

# Text that breaks Mermaid's journey grammar unless rewritten, in four languages with emoji.
TRICKY = """\
cjmap: 1
kind: current-state
title: "Journey #1; путь: 旅程 🧭"
lang: en
persona: {name: "Colleen, the curious: 32", goals: [g], needs: [n]}
stages:
  - name: "Research: step #1; start"
    feeling: -3
    actions:
      - "Reads reviews: 3 of them # quickly; then stops"
      - "Line one\\nline two"
      - "title of the book she wants"
      - "section by section"
      - "%% not a comment"
    touchpoints: [{name: Site, channel: website}]
  - name: 研究：比较 🛒
    feeling: {score: 1, label: 开心}
    actions: ["阅读评论；做笔记 #重要"]
    touchpoints: [{name: 网站, channel: website}]
  - name: "Доставка: курьер"
    actions: ["Ждёт курьера; звонит: 2 раза 📞", "Чека доставувач — ѓ, ќ, ѕ"]
    touchpoints: [{name: Звонок, channel: phone}]
  - name: No actions here
    feeling: 3
    touchpoints: [{name: Site, channel: website}]
"""


def test_the_export_parses_and_means_what_the_map_says(
    project: Path, errors_of: Callable[[Path], list[str]]
) -> None:
    path = project / "tricky.cjm.yaml"
    path.write_text(TRICKY, encoding="utf-8")
    loaded = load_map(path)
    assert loaded.ok, loaded.diagnostics
    text = exporter("mermaid")(loaded, ExportOptions()).decode("utf-8")

    parsed = mermaid_parse(text)

    assert parsed["ok"] is True, parsed
    assert parsed["type"] == "journey"
    assert parsed["title"] == "Journey ＃1； путь: 旅程 🧭"
    assert parsed["sections"] == [
        "Research∶ step ＃1； start",
        "研究：比较 🛒",
        "Доставка∶ курьер",
        "No actions here",
    ]
    tasks = parsed["tasks"]
    assert isinstance(tasks, list)
    assert [(t["section"], t["task"].lstrip("\u2060"), t["score"]) for t in tasks] == [
        ("Research∶ step ＃1； start", "Reads reviews∶ 3 of them ＃ quickly； then stops", 1),
        ("Research∶ step ＃1； start", "Line one / line two", 1),
        ("Research∶ step ＃1； start", "title of the book she wants", 1),
        ("Research∶ step ＃1； start", "section by section", 1),
        ("Research∶ step ＃1； start", "％％ not a comment", 1),
        ("研究：比较 🛒", "阅读评论；做笔记 ＃重要", 4),
        ("Доставка∶ курьер", "Ждёт курьера； звонит∶ 2 раза 📞", 3),
        ("Доставка∶ курьер", "Чека доставувач — ѓ, ќ, ѕ", 3),
        ("No actions here", "No actions here", 5),
    ]
    assert parsed["actors"] == ["Colleen‚ the curious∶ 32"]

    # And the export imports back: same stages, actions and (on Mermaid's scale) feelings.
    mmd = project / "tricky.mmd"
    mmd.write_text(text, encoding="utf-8")
    back = project / "back.cjm.yaml"
    back.write_text(import_file(mmd, ImportOptions()).text, encoding="utf-8")
    assert errors_of(back) == []
    doc = load_map(back).doc
    assert doc is not None and len(doc.stages) == 4  # type: ignore[union-attr]
    assert doc.stages[0].actions[2] == "title of the book she wants"  # type: ignore[union-attr]


def test_feelings_on_mermaid_scale() -> None:
    assert [score(f) for f in (-3, -2, -1, 0, 1, 2, 3, None)] == [1, 2, 2, 3, 4, 4, 5, 3]
