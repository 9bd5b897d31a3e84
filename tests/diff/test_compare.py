"""compare(): the rules a line diff cannot know, on maps written into tmp_path."""

from __future__ import annotations

from pathlib import Path

from cjmap.diff.compare import compare
from cjmap.load.loader import Loader


def _changes(tmp_path: Path, old: str, new: str) -> list[dict[str, object]]:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "old.cjm.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "new.cjm.yaml").write_text(new, encoding="utf-8")
    loader = Loader()
    a, b = loader.load(tmp_path / "old.cjm.yaml"), loader.load(tmp_path / "new.cjm.yaml")
    assert a.ok and b.ok, (a.diagnostics, b.diagnostics)
    return [c.record() for c in compare(a, b)]


HEAD = "cjmap: 1\nkind: current-state\ntitle: T\nstages:\n"


def test_a_pain_point_that_went_to_another_stage_is_one_move(tmp_path: Path) -> None:
    old = HEAD + (
        "  - id: a\n    name: A\n    pain_points: [{id: slow, text: Slow}]\n"
        "  - id: b\n    name: B\n"
    )
    new = HEAD + (
        "  - id: a\n    name: A\n"
        "  - id: b\n    name: B\n    pain_points: [{id: slow, text: Very slow}]\n"
    )
    assert _changes(tmp_path, old, new) == [
        {
            "op": "moved",
            "path": ["stages", "b", "pain_points", "slow"],
            "old": ["stages", "a", "pain_points", "slow"],
            "new": ["stages", "b", "pain_points", "slow"],
        },
        {
            "op": "changed",
            "path": ["stages", "b", "pain_points", "slow", "text"],
            "old": "Slow",
            "new": "Very slow",
        },
    ]


def test_a_feeling_written_as_a_number_or_a_mapping_compares_by_score(tmp_path: Path) -> None:
    old = HEAD + "  - {id: a, name: A, feeling: -1}\n"
    same = HEAD + "  - {id: a, name: A, feeling: {score: -1}}\n"
    assert _changes(tmp_path, old, same) == []
    labelled = HEAD + "  - {id: a, name: A, feeling: {score: -1, label: тревога}}\n"
    assert _changes(tmp_path, old, labelled) == [
        {
            "op": "changed",
            "path": ["stages", "a", "feeling", "label"],
            "old": None,
            "new": "тревога",
        }
    ]


def test_a_reworded_pain_point_without_id_is_a_change_not_a_resolution(tmp_path: Path) -> None:
    old = HEAD + "  - {id: a, name: A, pain_points: [{text: Delivery slots are full}]}\n"
    new = HEAD + "  - {id: a, name: A, pain_points: [{text: Delivery slots are always full}]}\n"
    assert _changes(tmp_path, old, new) == [
        {
            "op": "changed",
            "path": ["stages", "a", "pain_points", "Delivery slots are always full", "text"],
            "old": "Delivery slots are full",
            "new": "Delivery slots are always full",
        }
    ]


def test_moments_are_matched_by_time(tmp_path: Path) -> None:
    day = "cjmap: 1\nkind: day-in-the-life\ntitle: D\nmoments:\n"
    old = day + '  - {time: "07:30", activity: Commute, feeling: 1}\n'
    new = day + (
        '  - {time: "07:00", activity: Coffee}\n'
        '  - {time: "07:30", activity: Commute by train, feeling: 2}\n'
    )
    assert _changes(tmp_path, old, new) == [
        {
            "op": "added",
            "path": ["moments", "07:00"],
            "old": None,
            "new": {"time": "07:00", "activity": "Coffee"},
        },
        {
            "op": "changed",
            "path": ["moments", "07:30", "activity"],
            "old": "Commute",
            "new": "Commute by train",
        },
        {"op": "changed", "path": ["moments", "07:30", "feeling"], "old": 1, "new": 2},
    ]
