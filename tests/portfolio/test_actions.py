"""The action register as a library: rows from loaded maps, overdue judged on one day, the
sort order, the filters, and maps with errors left out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cjmap.load.loader import Loader
from cjmap.model import Status
from cjmap.portfolio.actions import (
    ActionFilter,
    ActionRow,
    collect_actions,
    folded,
    parse_statuses,
    register_paths,
)

TODAY = dt.date(2026, 11, 25)

ORDER = [
    "Enable guest checkout",  # 56 days overdue
    "整理常见问题及标准答案",  # 5 days overdue
    "Переработать форму заявки",  # 1 day overdue
    "Survey buyers",  # due 2026-01-01, done
    "Обновить скрипт контакт-центра",  # due 2026-10-01, dropped
    "Поправка на пренасочувањето кон банката",  # due 2026-12-15
    "Build a comparison tool",  # due 2027-01-31
    "Нов модел на цени на доставата",  # due 2027-06-15
    "上线智能客服",  # no due date: last
]


def _rows(folder: Path, today: dt.date = TODAY) -> list[ActionRow]:
    loader = Loader()
    return collect_actions([loader.load(p) for p in sorted(folder.glob("*.cjm.yaml"))], today)


def test_every_action_item_becomes_a_row_with_where_it_comes_from(maps: Path) -> None:
    rows = _rows(maps)
    by_task = {row.task: row for row in rows}
    guest = by_task["Enable guest checkout"]
    assert guest.file.endswith("en.cjm.yaml")
    assert guest.map_title == "Buying a vacuum online"
    assert (guest.stage_id, guest.stage_name) == ("research", "Research")
    assert (guest.opportunity_id, guest.opportunity_text) == (
        "comparison-chart",
        "Comparison chart against competitors",
    )
    assert (guest.owner, guest.status, guest.due) == (
        "E-commerce team",
        Status.doing,
        dt.date(2026, 9, 30),
    )
    assert (guest.overdue, guest.days_overdue) == (True, 56)
    survey = by_task["Survey buyers"]
    # A stage without an id gets the derived one; an opportunity without one has None.
    assert (survey.stage_id, survey.opportunity_id, survey.owner) == ("purchase", None, None)
    assert by_task["上线智能客服"].due is None
    # The day-in-the-life map's moment opportunity is a sentence, not an action plan.
    assert not any(row.file.endswith("day.cjm.yaml") for row in rows)


def test_overdue_means_open_and_due_before_today(maps: Path) -> None:
    rows = {row.task: row for row in _rows(maps)}
    assert rows["Переработать форму заявки"].days_overdue == 1
    assert not rows["Survey buyers"].overdue  # done, long past due
    assert not rows["Обновить скрипт контакт-центра"].overdue  # dropped
    assert rows["Обновить скрипт контакт-центра"].days_overdue == 0
    on_the_day = {r.task: r for r in _rows(maps, dt.date(2026, 11, 24))}
    assert not on_the_day["Переработать форму заявки"].overdue  # due today is not late


def test_sort_overdue_first_then_due_date_then_no_date(maps: Path) -> None:
    assert [row.task for row in _rows(maps)] == ORDER


def test_same_due_date_sorts_by_owner_then_file_then_stage_order(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.cjm.yaml").write_text(
        "cjmap: 1\nkind: current-state\ntitle: B\nstages:\n"
        "  - name: One\n    opportunities:\n      - text: o\n        actions:\n"
        "          - {task: b-one, owner: ann, due: 2027-01-01}\n"
        "  - name: Two\n    opportunities:\n      - text: o\n        actions:\n"
        "          - {task: b-two, owner: Ann, due: 2027-01-01}\n"
        "          - {task: b-bob, owner: bob, due: 2027-01-01}\n"
        "          - {task: b-none, due: 2027-01-01}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.cjm.yaml").write_text(
        "cjmap: 1\nkind: current-state\ntitle: A\nstages:\n"
        "  - name: Z\n    opportunities:\n      - text: o\n        actions:\n"
        "          - {task: a-z, owner: ANN, due: 2027-01-01}\n",
        encoding="utf-8",
    )
    tasks = [row.task for row in _rows(tmp_path)]
    assert tasks == ["a-z", "b-one", "b-two", "b-bob", "b-none"]


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("команда", {"Переработать форму заявки"}),  # 'Команда сайта'
        ("КОМАНДА САЙТА", {"Переработать форму заявки"}),
        ("тим", {"Поправка на пренасочувањето кон банката"}),  # Macedonian 'Дигитален тим'
        ("张伟", {"整理常见问题及标准答案"}),
        ("web TEAM", {"Build a comparison tool"}),
        ("team", {"Build a comparison tool", "Enable guest checkout"}),
    ],
)
def test_owner_filter_is_part_of_the_name_in_any_case_and_script(
    maps: Path, needle: str, expected: set[str]
) -> None:
    rows = ActionFilter(owner=needle).apply(_rows(maps))
    assert {row.task for row in rows} == expected


def test_owner_filter_matches_composed_and_decomposed_letters() -> None:
    assert folded("Ѓорѓи") == folded("\u0413\u0301орг\u0301и")
    assert folded("STRASSE") == folded("straße")


def test_status_overdue_and_due_before_filters(maps: Path) -> None:
    rows = _rows(maps)
    open_items = ActionFilter(statuses=parse_statuses("todo, doing")).apply(rows)
    assert {r.status for r in open_items} == {Status.todo, Status.doing}
    assert len(open_items) == 7
    overdue = ActionFilter(overdue=True).apply(rows)
    assert [r.task for r in overdue] == ORDER[:3]
    before = ActionFilter(due_before=dt.date(2026, 12, 15)).apply(rows)
    assert [r.task for r in before] == ORDER[:5]  # strictly before; no due date never matches
    both = ActionFilter(owner="team", overdue=True).apply(rows)
    assert [r.task for r in both] == ["Enable guest checkout"]


def test_parse_statuses_names_the_choices() -> None:
    assert parse_statuses("DONE,dropped,") == {Status.done, Status.dropped}
    with pytest.raises(ValueError, match=r"unknown status 'todoo' \(did you mean 'todo'\?\)"):
        parse_statuses("todoo")
    with pytest.raises(ValueError, match="choose from todo, doing, done, dropped"):
        parse_statuses("open")
    with pytest.raises(ValueError, match="name at least one"):
        parse_statuses(" , ")


BROKEN = "cjmap: 1\nkind: current-state\ntitle: Broken\nstages:\n  - name: A\n    touchpionts: []\n"


def test_register_leaves_out_maps_with_errors_and_keeps_their_diagnostics(maps: Path) -> None:
    (maps / "broken.cjm.yaml").write_text(BROKEN, encoding="utf-8")
    register = register_paths([maps], today=TODAY)
    assert [row.task for row in register.rows] == ORDER
    assert len(register.checked) == 6
    assert [f.rsplit("/", 1)[-1] for f in register.failed_files] == ["broken.cjm.yaml"]
    assert any("touchpionts" in d.message for d in register.problems)
    assert "touchpionts" in (register.source_of(register.failed_files[0]) or "")
    missing = register_paths([maps / "nope"], today=TODAY)
    assert missing.missing and not missing.checked and not missing.rows


def test_register_in_worker_processes_is_the_same(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cjmap.validate

    (maps / "broken.cjm.yaml").write_text(BROKEN, encoding="utf-8")
    serial = register_paths([maps], today=TODAY)
    monkeypatch.setattr(cjmap.validate, "PARALLEL_FROM", 2)
    parallel = register_paths([maps], today=TODAY, jobs=2)
    assert parallel.rows == serial.rows
    assert parallel.problems == serial.problems
    assert parallel.checked == serial.checked
    assert parallel.failed_files == serial.failed_files
