"""What every page shows: initials, the persona card's lists, the header band's review mark."""

from __future__ import annotations

import dataclasses
import datetime as dt

from cjmap.render.views import build_page
from cjmap.render.views.common import (
    LONG_LIST_LINES,
    Labelled,
    Page,
    PageFields,
    column_lines,
    initials,
    two_columns,
)

from ..conftest import EXAMPLES, ON, load


def test_initials() -> None:
    assert initials("Curious Colleen") == "CC"
    assert initials("Анна Миронова") == "АМ"
    assert initials("王晓雯") == "王"
    assert initials("cher") == "C"
    assert initials("  ") == "?"


def test_column_lines_count_wide_characters_twice() -> None:
    assert column_lines(["short", "x" * 45]) == 1 + 2
    assert column_lines(["中" * 23]) == 2  # 46 columns wide
    icon = None
    short = Labelled("goals", "Goals", icon, ["a goal"] * LONG_LIST_LINES)  # type: ignore[arg-type]
    long = Labelled("goals", "Goals", icon, ["a goal"] * (LONG_LIST_LINES + 1))  # type: ignore[arg-type]
    assert not short.may_break and long.may_break


def _list(key: str, lines: int) -> Labelled:
    return Labelled(key, key, None, ["x"] * lines)  # type: ignore[arg-type]


def test_two_columns_keep_the_order_and_balance_like_css_columns() -> None:
    goals, needs, frustrations, motivations = (_list(k, 3) for k in "gnfm")
    assert two_columns([goals, needs, frustrations, motivations]) == (
        [goals, needs],
        [frustrations, motivations],
    )
    # A long first list stands alone; the rest share the second column.
    long = _list("g", 9)
    assert two_columns([long, needs, frustrations]) == ([long], [needs, frustrations])
    # Equal either way: the first column takes as much as it can.
    assert two_columns([goals, needs]) == ([goals], [needs])
    assert two_columns([goals]) == ([goals], [])
    assert two_columns([]) == ([], [])


def test_a_card_with_a_list_that_may_break_flows_through_columns() -> None:
    loaded = load(EXAMPLES / "colleen/current.cjm.yaml")
    card = build_page(loaded, on=ON).persona
    assert card is not None and not card.flows
    first, second = card.columns
    assert first and second and first + second == card.lists
    long = dataclasses.replace(card, lists=[_list("goals", LONG_LIST_LINES + 1), *card.lists])
    assert long.flows


def test_review_overdue_mark() -> None:
    loaded = load(EXAMPLES / "colleen/current.cjm.yaml")  # reviewed 2026-10-20, every 90 days
    assert build_page(loaded, on=dt.date(2027, 1, 17)).header.overdue is False
    assert build_page(loaded, on=dt.date(2027, 1, 19)).header.overdue is True


def test_persona_card_shows_only_the_lists_it_has() -> None:
    page = build_page(load(EXAMPLES / "colleen/current.cjm.yaml"), on=ON)
    assert page.persona is not None
    assert page.persona.initials == "CC"
    assert page.persona.lists and all(item.items for item in page.persona.lists)


def test_page_fields_are_the_fields_of_every_page() -> None:
    assert set(PageFields.__annotations__) == {f.name for f in dataclasses.fields(Page)}
