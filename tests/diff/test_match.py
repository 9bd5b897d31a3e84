"""Matching list items: by key, then by position when they read alike; moves by LCS."""

from __future__ import annotations

from cjmap.diff.match import Matching, match, unique_keys


def _ids(old: list[str], new: list[str]) -> Matching:
    return match(old, new, key=lambda s: s, text=lambda s: s)


def test_a_stage_lifted_to_the_top_is_one_move_not_six() -> None:
    found = _ids(list("abcdef"), list("fabcde"))
    assert found.moved == {(5, 0)}
    assert found.added == [] and found.removed == []


def test_a_stage_sent_to_the_bottom_is_one_move() -> None:
    found = _ids(list("abcd"), list("bcda"))
    assert found.moved == {(0, 3)}


def test_two_swapped_items_report_the_one_that_went_up() -> None:
    assert _ids(["a", "b"], ["b", "a"]).moved == {(1, 0)}


def test_nothing_moved_when_items_are_only_added_or_removed() -> None:
    found = _ids(["a", "b", "c"], ["x", "a", "c", "y"])
    assert found.moved == set()
    assert found.removed == [1]
    assert found.added == [0, 3]


def test_position_pairs_a_reworded_entry_but_not_a_different_one() -> None:
    reworded = _ids(["Which one will last?"], ["Which one lasts longest?"])
    assert reworded.pairs == [(0, 0)] and reworded.added == []
    different = _ids(["The site is slow"], ["No chat on weekends"])
    assert different.pairs == [] and different.removed == [0] and different.added == [0]


def test_repeated_keys_are_numbered() -> None:
    assert unique_keys(["Email", "Email", "Шоп", "Email"]) == ["Email", "Email#2", "Шоп", "Email#3"]
