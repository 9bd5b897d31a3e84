"""The two layouts, lanes named by hand, feeling scales, and the errors a sheet can earn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cjmap.convert.cells import Scale
from cjmap.convert.importer import ImportOptions, import_file
from cjmap.convert.problems import ConvertProblem
from cjmap.convert.sheet import COLUMNS, ROWS, SheetOptions, parse_lane_option, read_journey
from cjmap.convert.table import compact
from cjmap.load.loader import load_map
from cjmap.model import CurrentStateMap


def _read(grid: list[list[str]], **options: object) -> object:
    return read_journey(compact(grid, "j.csv"), SheetOptions(**options))  # type: ignore[arg-type]


def test_stages_as_rows_in_macedonian(
    project: Path, errors_of: Callable[[Path], list[str]]
) -> None:
    path = project / "патување.csv"
    path.write_text(
        "Фаза;Дејствија;Чувства;Допирни точки;Болни точки\n"
        "Истражување;Чита осврти;-1 загрижена;Веб-локација;Премногу содржина\n"
        "Купување;Плаќа;2;Продавница;\n"
        "Достава;Чека;1 задоволна;Е-пошта;\n",
        encoding="utf-8",
    )
    result = import_file(path, ImportOptions())
    assert any(ROWS in note for note in result.notes)
    out = project / "m.cjm.yaml"
    out.write_text(result.text, encoding="utf-8")
    assert errors_of(out) == []
    doc = load_map(out).doc
    assert isinstance(doc, CurrentStateMap) and doc.lang == "mk" and doc.title == "патување"
    assert [s.id for s in doc.stages] == ["истражување", "купување", "достава"]
    assert doc.stages[2].feeling is not None and doc.stages[2].feeling.label == "задоволна"
    assert [t.channel.value for s in doc.stages for t in s.touchpoints] == [
        "website",
        "store",
        "email",
    ]


def test_a_header_that_names_no_lane_is_listed_with_the_lanes_known() -> None:
    grid = [["", "A", "B"], ["Actions", "x", "y"], ["Notes", "n", ""], ["Mood", "1", "2"]]
    with pytest.raises(ConvertProblem) as caught:
        _read(grid)
    assert "'Notes' at j.csv:A3" in caught.value.message
    assert caught.value.hint and "pain_points (pain points / 痛点 /" in caught.value.hint
    assert "--lane" in caught.value.hint


@pytest.mark.parametrize("given", ["Notes=pain_points", "3=pain-points", "notes = Pain Points"])
def test_lane_maps_a_header_by_hand(given: str) -> None:
    header, lane = parse_lane_option(given)
    grid = [["", "A", "B"], ["Actions", "x", "y"], ["Notes", "n", ""]]
    journey = _read(grid, lanes={header: lane})
    assert journey.stages[0]["pain_points"] == [{"text": "n"}]  # type: ignore[attr-defined]


def test_lane_skip_leaves_a_row_out_and_a_column_letter_names_a_column() -> None:
    grid = [["Stage", "Actions", "Comments"], ["A", "x", "ignore me"], ["B", "y", ""]]
    journey = _read(grid, lanes={"C": "skip"})
    assert journey.layout == ROWS  # type: ignore[attr-defined]
    assert journey.stages == [{"name": "A", "actions": ["x"]}, {"name": "B", "actions": ["y"]}]  # type: ignore[attr-defined]


def test_a_bad_lane_option_says_what_is_known() -> None:
    with pytest.raises(ValueError, match="the lanes are description, actions"):
        parse_lane_option("Notes=comments")
    with pytest.raises(ValueError, match="HEADER=LANE"):
        parse_lane_option("Notes")


@pytest.mark.parametrize(
    ("scale", "cells", "scores"),
    [
        ("1-5", ["1", "2", "3", "4", "5"], [-3, -2, 0, 2, 3]),
        ("1-10", ["1", "4", "5", "6", "8", "10"], [-3, -1, 0, 0, 2, 3]),
        ("-3..3", ["-3", "−2", "+1", "3"], [-3, -2, 1, 3]),
    ],
)
def test_feeling_scales_are_mapped_and_rounded_as_documented(
    scale: str, cells: list[str], scores: list[int]
) -> None:
    grid = [["", *(f"S{i}" for i in range(len(cells)))], ["Feeling", *cells]]
    journey = _read(grid, scale=Scale.parse(scale))
    assert [s["feeling"] for s in journey.stages] == scores  # type: ignore[attr-defined]


def test_a_feeling_off_the_scale_names_its_cell_and_the_option() -> None:
    with pytest.raises(ConvertProblem) as caught:
        _read([["", "A", "B"], ["Feeling", "1", "5 great"], ["Actions", "x", "y"]])
    assert caught.value.where == "j.csv:C2"
    assert "--scale 1-5" in (caught.value.hint or "")
    with pytest.raises(ConvertProblem) as caught:
        _read([["", "A"], ["Feeling", "happy"], ["Actions", "x"]])
    assert "does not start with a number" in caught.value.message


def test_the_layout_follows_the_header_that_names_lanes() -> None:
    columns = _read([["Journey", "A", "B"], ["Actions", "x", "y"], ["Thoughts", "t", "u"]])
    assert columns.layout == COLUMNS and columns.title == "Journey"  # type: ignore[attr-defined]


def test_a_stage_merged_over_two_columns_is_one_stage() -> None:
    grid = [
        ["", "Search", "Search", "Buy"],
        ["Actions", "a", "b", "c"],
        ["Feeling", "-1", "-1", "2"],
    ]
    journey = _read(grid)
    assert journey.stages == [  # type: ignore[attr-defined]
        {"name": "Search", "actions": ["a", "b"], "feeling": -1},
        {"name": "Buy", "actions": ["c"], "feeling": 2},
    ]


def test_a_stage_without_a_name_is_an_error_at_its_cell() -> None:
    with pytest.raises(ConvertProblem) as caught:
        _read([["", "A", ""], ["Actions", "x", "y"]])
    assert caught.value.where == "j.csv:C1"


def test_a_sheet_that_is_not_a_journey() -> None:
    with pytest.raises(ConvertProblem) as caught:
        _read([["Name", "Price"], ["Tea", "3"], ["Cake", "5"]])
    assert "neither the first column nor the first row names a lane" in caught.value.message
