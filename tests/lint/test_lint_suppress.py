"""Suppression comments: where they apply, what they cannot do, and that only real comments
count (``#`` inside a string is text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cjmap.lint import lint_map, settings_from
from cjmap.lint.suppress import parse
from cjmap.load.loader import load_map

TODAY = dt.date(2026, 11, 25)


def test_line_next_line_and_file_forms() -> None:
    table = parse(
        "# cjmap: disable-file=CJM105, persona-without-quote\n"  # 1
        "a: 1  # cjmap: disable=CJM101\n"  # 2
        "# cjmap: disable=CJM109\n"  # 3
        "\n"  # 4
        "# an ordinary comment\n"  # 5
        "b: 2\n"  # 6
        "c: 3 # cjmap: disable=all -- placeholder stage, for now\n"  # 7
        "d: 4 # cjmap: disable=CJM101 CJM102\n"  # 8
    )
    forms = [(d.line, d.applies_to, d.names) for d in table.directives]
    assert forms == [
        (1, None, ["CJM105", "persona-without-quote"]),
        (2, 2, ["CJM101"]),
        (3, 6, ["CJM109"]),
        (7, 7, ["all"]),
        (8, 8, []),
    ]
    assert table.directives[-1].problem == (
        "expected rule codes or names separated by commas; start a remark with --"
    )
    assert table.find(2, "CJM101", "stage-without-touchpoints") is not None
    assert table.find(3, "CJM109", "stage-without-feeling") is None
    assert table.find(6, "CJM109", "stage-without-feeling") is not None
    assert table.find(40, "CJM121", "persona-without-quote") is not None  # by name, whole file
    assert table.find(7, "CJM124", "hidden-characters") is not None  # all
    assert table.find(6, "CJM101", "stage-without-touchpoints") is None


def test_hash_inside_strings_and_block_scalars_is_not_a_comment() -> None:
    table = parse(
        'title: "Step 1 # cjmap: disable=CJM101"\n'
        "note: 'a # cjmap: disable-file=CJM102'\n"
        "scenario: |\n"
        "  # cjmap: disable-file=CJM103\n"
        "plain: value#cjmap:disable=CJM104\n"
    )
    assert table.directives == []


def test_a_text_without_directives_is_not_scanned() -> None:
    assert parse("cjmap: 1\n# just a comment\n").directives == []
    assert parse(None).directives == []


def test_malformed_directive_is_kept_with_its_problem() -> None:
    (directive,) = parse("a: 1  # cjmap: disable CJM101\n").directives
    assert directive.problem is not None and directive.column == 7


def _write(tmp_path: Path, name: str, text: str) -> Path:
    if not (tmp_path / ".git").exists():
        (tmp_path / ".git").mkdir()
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_suppression_in_a_persona_file_applies_to_findings_there(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "personas/anna.yaml",
        "# cjmap: disable-file=CJM121\nname: Анна\ngoals: [a]\nneeds: [b]\n",
    )
    path = _write(
        tmp_path,
        "m.cjm.yaml",
        "cjmap: 1\nkind: empathy\ntitle: Карта\nlang: ru\npersona: personas/anna.yaml\n"
        "empathy:\n  says: [Мне не нужен банк]\n",
    )
    settings = settings_from()
    codes = {(Path(d.file).name, d.code) for d in lint_map(load_map(path), settings, TODAY)}
    assert ("anna.yaml", "CJM105") in codes  # no sources: not suppressed
    assert ("anna.yaml", "CJM121") not in codes  # no quote: suppressed in the persona file
    # A map-level suppression does not reach into the persona file.
    path.write_text(
        path.read_text(encoding="utf-8") + "# cjmap: disable-file=CJM105\n", encoding="utf-8"
    )
    codes = {(Path(d.file).name, d.code) for d in lint_map(load_map(path), settings, TODAY)}
    assert ("anna.yaml", "CJM105") in codes
    assert ("m.cjm.yaml", "CJM100") in codes  # ... and the map's comment is reported as unused


def test_format_errors_cannot_be_suppressed(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "m.cjm.yaml", "cjmap: 1\nkind: empathy\ntitle: X\ntypo: 1  # cjmap: disable=all\n"
    )
    loaded = load_map(path)
    assert [d.code for d in loaded.diagnostics] == ["CJM011"]
    assert lint_map(loaded, settings_from(), TODAY) == []  # maps with errors are not linted
