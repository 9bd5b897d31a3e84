"""The YAML reader: YAML 1.2 core scalars, positions, and refusals that keep maps safe."""

from __future__ import annotations

import math
from typing import Any

import pytest

from cjmap.load.yamlsource import parse, resolve_scalar


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("07:30", "07:30"),  # YAML 1.1 would read 450
        ("no", "no"),  # the Norway problem: YAML 1.2 keeps it text
        ("yes", "yes"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("42", 42),
        ("-3", -3),
        ("+2", 2),
        ("0x1F", 31),
        ("2.5", 2.5),
        ("1e3", 1000.0),
        ("2026-09-01", "2026-09-01"),  # dates stay text; pydantic parses them
        ("2.1%", "2.1%"),
        ("研究", "研究"),
    ],
)
def test_core_schema_scalars(text: str, value: object) -> None:
    assert resolve_scalar(text) == value
    assert type(resolve_scalar(text)) is type(value)


def test_nan_and_inf() -> None:
    assert math.isnan(resolve_scalar(".nan"))
    assert resolve_scalar("-.inf") == -math.inf


def test_quoted_scalars_stay_text() -> None:
    parsed = parse("a: '42'\nb: \"true\"\nc: 42\n", "f")
    assert parsed.data == {"a": "42", "b": "true", "c": 42}


def test_positions_of_keys_and_values_are_one_based_characters() -> None:
    parsed = parse("title: Ünïcødé\nstages:\n  - name: 研究\n    feeling: -1\n", "f")
    pos = parsed.positions
    assert pos.keys[("title",)] == (1, 1)
    assert pos.values[("title",)] == (1, 8)
    assert pos.values[("stages", 0)] == (3, 5)
    assert pos.values[("stages", 0, "name")] == (3, 11)
    assert pos.keys[("stages", 0, "feeling")] == (4, 5)
    assert pos.values[("stages", 0, "feeling")] == (4, 14)
    # A path the document lacks falls back to its nearest ancestor.
    assert pos.value(("stages", 0, "touchpoints", 3)) == (3, 5)


@pytest.mark.parametrize(
    ("text", "line", "col", "code", "message"),
    [
        ("a: &x 1\n", 1, 4, "CJM004", "anchor &x is not supported in maps"),
        ("a: 1\nb: *x\n", 2, 4, "CJM004", "alias *x is not supported in maps"),
        ("a: !!python/object:os.system x\n", 1, 4, "CJM004", "YAML tag"),
        ("a: !custom x\n", 1, 4, "CJM004", "YAML tag"),
        ("a: 1\n---\nb: 2\n", 2, 1, "CJM004", "a second YAML document"),
        ("a: 1\na: 2\n", 2, 1, "CJM003", "duplicate key 'a' (first defined at line 1)"),
        ("? [a, b]\n: 1\n", 1, 3, "CJM004", "a list or mapping cannot be used as a key"),
        ("a: " + "9" * 5000 + "\n", 1, 4, "CJM010", "number with 5000 digits is too long"),
        ("a: b\x07\n", 1, 5, "CJM001", "control characters are not allowed"),
        ("a:\n\t- b\n", 2, 1, "CJM001", "a tab character where YAML expects spaces"),
    ],
)
def test_refusals_are_located(text: str, line: int, col: int, code: str, message: str) -> None:
    parsed = parse(text, "f")
    [d] = parsed.diagnostics
    assert (d.line, d.column, d.code) == (line, col, code), d
    assert message in d.message
    assert d.hint


UNCLOSED_LIST = (
    "cjmap: 1\nkind: current-state\ntitle: Покупка\nlang: ru\nowner: Команда\n"
    "reviewed: 2026-11-01\n# 研究\nstages:\n  - [name: Поиск 🔍,\npersona: p.yaml\n"
)


@pytest.mark.parametrize(
    ("text", "opened", "noticed", "what", "fix"),
    [
        (UNCLOSED_LIST, (9, 5), "line 11, column 1", "'['", "close it with ']'"),
        ("a: {x: 1\nb: 2\n", (1, 4), "line 2, column 2", "'{'", "close it with '}'"),
        ('t: "Карта\nkind: x\n', (1, 4), "line 3, column 1", "double quote", 'closing "'),
        ("t: 'Карта\n\nkind: x\n", (1, 4), "line 4, column 1", "single quote", "closing '"),
    ],
)
def test_an_unclosed_bracket_or_quote_is_reported_where_it_opened(
    text: str, opened: tuple[int, int], noticed: str, what: str, fix: str
) -> None:
    [d] = parse(text, "f").diagnostics
    assert (d.line, d.column, d.code) == (*opened, "CJM001"), d
    assert d.message.startswith(f"the {what}")
    assert "opened here is never closed" in d.message
    assert f"noticed at {noticed}" in d.message
    assert d.hint is not None and fix in d.hint


def test_deep_nesting_is_capped_without_recursion() -> None:
    parsed = parse("[" * 50_000, "f")
    [d] = parsed.diagnostics
    assert d.code == "CJM004" and "nesting deeper than 64" in d.message
    assert not parsed.complete


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        ("# c\n- a\n", (2, 1)),
        ("# c\n\n  text\n", (3, 3)),
        ("# c\n---\n- a\n", (3, 1)),
        ("# c\n--- [a]\n", (2, 5)),
        ("# c\n!!str x\n", (2, 1)),
        ("# c\n\nkey: 1\n", (3, 1)),
        # An empty document's node is placed at its `---`, not past the end of the file.
        ("# c\n\n---\n", (3, 1)),
        ("---", (1, 1)),
    ],
)
def test_position_of_the_top_level_node(text: str, pos: tuple[int, int]) -> None:
    parsed = parse(text, "f")
    assert not parsed.diagnostics
    assert parsed.positions.values[()] == pos
    assert parsed.positions.value(()) == pos


def test_a_file_of_comments_has_no_top_level_node() -> None:
    parsed = parse("# c\n\n", "f")
    assert parsed.data is None
    assert () not in parsed.positions.values
    assert parsed.positions.value(()) == (1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, 'y', {c: ~}]\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 12\nb: !x 1\n",
        "---\n...\n",
        "a: 1\n---\nb: 2\n",
        "{a: 1",
        "a:\tb",
        "x: \u2028y\n",
    ],
)
def test_the_events_are_ruamels_own(text: str) -> None:
    # The builder reads the C parser's events directly; they must be those of YAML().parse.
    from ruamel.yaml import YAML

    from cjmap.load.yamlsource import _events

    def seen(events: Any) -> list[Any]:
        out: list[Any] = []
        try:
            for e in events:
                mark = (e.start_mark.index, e.end_mark.index)
                out.append(
                    (type(e).__name__, getattr(e, "value", None), getattr(e, "tag", None), mark)
                )
        except Exception as exc:
            out.append((type(exc).__name__, str(exc)))
        return out

    assert seen(_events(text)) == seen(YAML(typ="safe", pure=False).parse(text))
