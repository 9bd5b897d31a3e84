"""``--format markdown``: one table row per finding, and no markup from a map gets through."""

from __future__ import annotations

from pathlib import Path

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report import markdown


def test_one_row_per_finding_with_the_help() -> None:
    d = Diagnostic(
        "maps/a.cjm.yaml", 6, 5, Severity.error, "CJM011", "unknown-key", "unknown key", "fix"
    )
    text = markdown.render([d], files=["maps/a.cjm.yaml"], root=Path.cwd())
    assert text.splitlines()[2:7] == [
        "1 file checked: 1 error in 1 file",
        "",
        "| | Where | Rule | Problem |",
        "|---|---|---|---|",
        "| error | `maps/a.cjm.yaml:6:5` | `CJM011 unknown-key` | unknown key<br>help: fix |",
    ]


def test_map_text_cannot_add_markup_cells_or_rows() -> None:
    evil = Diagnostic(
        "maps/x|`y`.cjm.yaml",
        1,
        1,
        Severity.warning,
        "CJM130",
        "long-name",
        "name '<img src=x> [link](http://e) | *b* `c`'\n| error | forged |",
        None,
    )
    (row,) = [
        line
        for line in markdown.render([evil], files=[], root=Path.cwd()).splitlines()
        if line.startswith("| warning")
    ]
    assert row == (
        "| warning | ``maps/x\\|`y`.cjm.yaml:1:1`` | `CJM130 long-name` | name '\\<img src=x\\> "
        "\\[link\\](http://e) \\| \\*b\\* \\`c\\`' \\| error \\| forged \\| |"
    )


def test_a_long_run_is_cut_with_a_note() -> None:
    many = [
        Diagnostic("m.cjm.yaml", n, 1, Severity.info, "CJM131", "opportunity-unscored", "x")
        for n in range(1, markdown.MAX_ROWS + 6)
    ]
    text = markdown.render(many, files=["m.cjm.yaml"], root=Path.cwd())
    assert text.count("\n| info |") == markdown.MAX_ROWS
    assert "… and 5 more: every finding is in the log." in text
