"""Many maps are checked in worker processes; the outcome is the one a single process gives."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from cjmap.parallel import default_jobs, map_in_workers
from cjmap.validate import PARALLEL_FROM, lint_loaded, validate_paths
from support import EXAMPLES, FIXTURES, run_cli

TODAY = dt.date(2027, 6, 1)  # late enough for stale-review and action-overdue warnings


def many_maps(root: Path) -> Path:
    """More than PARALLEL_FROM maps: the examples (shared personas, compares) and every
    invalid fixture, each copied into several folders."""
    folder = root / "maps"
    copies = 0
    while copies < PARALLEL_FROM + 10:
        shutil.copytree(EXAMPLES, folder / f"examples-{copies}")
        shutil.copytree(FIXTURES / "invalid", folder / f"invalid-{copies}")
        copies = len(list(folder.rglob("*.cjm.yaml")))
    return folder


def test_workers_find_what_one_process_finds(tmp_path: Path) -> None:
    folder = many_maps(tmp_path)
    one = validate_paths([folder], today=TODAY, jobs=1)
    workers = validate_paths([folder], today=TODAY, jobs=2)
    assert one.files == workers.files >= PARALLEL_FROM
    assert one.checked == workers.checked
    assert len(one.diagnostics) > 20  # errors from the fixtures, lint findings from examples
    assert workers.diagnostics == one.diagnostics
    assert {d.severity for d in one.diagnostics} >= {"error", "warning"}
    for d in one.diagnostics:
        assert workers.source_of(d.file) == one.source_of(d.file)
    assert workers.maps == [] and len(one.maps) == one.files  # workers send no loaded maps
    assert workers.failed() == one.failed()


def test_a_short_list_is_checked_in_process(tmp_path: Path) -> None:
    result = validate_paths([EXAMPLES], today=TODAY, jobs=2)
    assert result.files < PARALLEL_FROM
    assert len(result.maps) == result.files  # no workers: the loaded maps are kept


def test_validate_command_output_is_the_same_with_workers(tmp_path: Path) -> None:
    folder = many_maps(tmp_path)
    assert default_jobs() >= 1
    done = run_cli("validate", "--today", "2027-06-01", "--format", "json", str(folder))
    assert done.returncode == 1, done.stderr
    # The command uses every core; the library with jobs=1 is the reference.
    from cjmap.report import json as report_json

    one = validate_paths([folder], today=TODAY, jobs=1)
    expected = report_json.render(one.diagnostics, files=one.checked, today=one.today)
    assert done.stdout == expected


def test_map_in_workers_returns_the_slices_in_order() -> None:
    items = list(range(500, 0, -1))
    parts = map_in_workers(list, items, jobs=2)
    assert parts is not None and len(parts) > 2
    assert parts[0] == [500]  # the parent's own first item, before the workers fork
    assert [x for part in parts for x in part] == items


def test_lint_loaded_in_workers_finds_what_validate_finds(tmp_path: Path) -> None:
    """Maps loaded once, linted in forked workers that inherit them: the same findings as
    cjmap validate's one pass, sorted and without duplicates (a shared persona's findings)."""
    shutil.copytree(EXAMPLES, tmp_path / "maps")
    (tmp_path / ".git").mkdir()
    for n in range(PARALLEL_FROM):
        shutil.copy(
            EXAMPLES / "ru" / "bank-card.cjm.yaml", tmp_path / "maps" / f"copy-{n}.cjm.yaml"
        )
    day = dt.date(2027, 6, 1)  # late enough for stale reviews and overdue items
    whole = validate_paths([tmp_path / "maps"], today=day)
    loaded = validate_paths([tmp_path / "maps"], today=day, lint=False)
    found = lint_loaded(loaded.maps, today=day, jobs=2)
    assert found == sorted(
        set(whole.diagnostics) - set(loaded.diagnostics), key=lambda d: d.sort_key()
    )
    assert any(d.code == "CJM106" for d in found)
