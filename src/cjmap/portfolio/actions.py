"""The action register: every action item of every map, as plain rows, filtered and sorted.

    register = register_paths([Path("maps")], today=dt.date(2026, 11, 25))
    rows = ActionFilter(owner="web", statuses=parse_statuses("todo,doing")).apply(register.rows)

Action items live in the opportunities of the stages of current- and future-state maps (a
day-in-the-life moment's ``opportunity`` is a sentence with no action plan; empathy maps have
none). An item is *overdue* when it is open (``todo`` or ``doing``) and its ``due`` date is
before today, as lint rule CJM113 judges it (without its ``grace_days``).

Rows are sorted overdue first (most days first), then by due date (items without one last),
then owner (case-insensitive; items without one last), file, and the item's place in its map.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from cjmap.diagnostics import Diagnostic
from cjmap.load.loader import LoadedMap
from cjmap.model import CurrentStateMap, FutureStateMap, Status
from cjmap.text import did_you_mean

OPEN = frozenset({Status.todo, Status.doing})


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One action item with where it comes from, judged against one day."""

    file: str
    map_title: str
    stage_id: str
    stage_name: str
    opportunity_id: str | None
    opportunity_text: str
    task: str
    owner: str | None
    status: Status
    due: dt.date | None
    overdue: bool
    days_overdue: int
    """Days past ``due`` for an overdue item, else 0."""

    @property
    def open(self) -> bool:
        return self.status in OPEN


def collect_actions(maps: Iterable[LoadedMap], today: dt.date) -> list[ActionRow]:
    """The rows of every action item of ``maps`` (maps that did not load are left out), sorted."""
    found: list[ActionRow] = []
    for loaded in maps:
        if loaded.ok:
            found += _rows_of(loaded, today)
    return sort_rows(found)


def _rows_of(loaded: LoadedMap, today: dt.date) -> Iterable[ActionRow]:
    doc = loaded.doc
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        return
    for index, stage in enumerate(doc.stages):
        stage_id = stage.id or f"stage-{index + 1}"  # the loader has derived every id
        for opp in stage.opportunities:
            for item in opp.actions:
                late = item.status in OPEN and item.due is not None and item.due < today
                yield ActionRow(
                    file=loaded.file,
                    map_title=doc.title,
                    stage_id=stage_id,
                    stage_name=stage.name,
                    opportunity_id=opp.id,
                    opportunity_text=opp.text,
                    task=item.task,
                    owner=item.owner,
                    status=item.status,
                    due=item.due,
                    overdue=late,
                    days_overdue=(today - item.due).days if late and item.due else 0,
                )


def sort_rows(rows: Iterable[ActionRow]) -> list[ActionRow]:
    """``rows`` in register order; rows of one file keep their order in the map (stable sort)."""
    return sorted(rows, key=_sort_key)


def _sort_key(row: ActionRow) -> tuple[object, ...]:
    return (
        not row.overdue,
        -row.days_overdue,
        row.due is None,
        row.due or dt.date.max,
        row.owner is None,
        folded(row.owner or ""),
        row.file,
    )


def folded(text: str) -> str:
    """``text`` for comparing without case: NFKC-normalised, then Unicode case-folded
    ('Команда' and 'команда', 'Straße' and 'STRASSE', composed and decomposed 'ѓ' match)."""
    return unicodedata.normalize("NFKC", text).casefold()


def parse_statuses(text: str) -> frozenset[Status]:
    """The statuses of a comma-separated list (``todo,doing``); ValueError says what is wrong."""
    known = [s.value for s in Status]
    chosen: set[Status] = set()
    for part in text.split(","):
        word = part.strip().lower()
        if not word:
            continue
        if word not in known:
            raise ValueError(
                f"--status: unknown status {word!r}{did_you_mean(word, known)}; "
                f"choose from {', '.join(known)} (comma-separated, e.g. todo,doing)"
            )
        chosen.add(Status(word))
    if not chosen:
        raise ValueError(f"--status: name at least one of {', '.join(known)}")
    return frozenset(chosen)


@dataclass(frozen=True)
class ActionFilter:
    """Which rows to list; every condition given must hold."""

    owner: str | None = None
    """Part of the owner's name, compared without case (:func:`folded`)."""
    statuses: frozenset[Status] | None = None
    overdue: bool = False
    due_before: dt.date | None = None
    """Only items due strictly before this day (items without a due date are left out)."""

    def matches(self, row: ActionRow) -> bool:
        if self.owner is not None and folded(self.owner) not in folded(row.owner or ""):
            return False
        if self.statuses is not None and row.status not in self.statuses:
            return False
        if self.overdue and not row.overdue:
            return False
        return self.due_before is None or (row.due is not None and row.due < self.due_before)

    def apply(self, rows: Iterable[ActionRow]) -> list[ActionRow]:
        return [row for row in rows if self.matches(row)]


@dataclass
class Register:
    """What reading the maps under some paths gave: the rows, and the maps that failed."""

    today: dt.date
    rows: list[ActionRow] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    """Every diagnostic of the maps left out because they have errors, sorted."""
    sources: dict[str, str | None] = field(default_factory=dict)
    """The text of the files ``problems`` name (for source excerpts)."""
    missing: list[tuple[str, str]] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def failed_files(self) -> list[str]:
        return sorted({d.file for d in self.problems})

    def source_of(self, file: str) -> str | None:
        return self.sources.get(file)


def register_paths(paths: list[Path], *, today: dt.date, jobs: int = 1) -> Register:
    """The action register of the maps under ``paths`` (folders: every ``*.cjm.yaml`` below).

    Maps are loaded as ``cjmap validate --no-lint`` loads them; with ``jobs`` > 1 and many
    files, in that many worker processes (each returns its rows, not its maps).
    """
    from cjmap.load.files import collect_maps, display
    from cjmap.validate import PARALLEL_FROM

    files, missing = collect_maps(paths)
    if jobs > 1 and len(files) >= PARALLEL_FROM:
        from cjmap.parallel import map_in_workers

        parts = map_in_workers(partial(_register_slice, today), files, jobs)
        if parts is not None:
            merged = Register(today=today, missing=[(display(p), why) for p, why in missing])
            for part in parts:
                merged.rows += part.rows
                merged.problems += part.problems
                merged.sources.update(part.sources)
                merged.checked += part.checked
            merged.rows = sort_rows(merged.rows)
            merged.problems = sorted(set(merged.problems), key=Diagnostic.sort_key)
            return merged
    register = _register_slice(today, files)
    register.missing = [(display(p), why) for p, why in missing]
    return register


def _register_slice(today: dt.date, files: Sequence[Path]) -> Register:
    from cjmap.validate import validate_paths

    result = validate_paths(list(files), today=today, lint=False)
    register = Register(today=today, checked=result.checked)
    register.rows = collect_actions(result.maps, today)
    problems: set[Diagnostic] = set()
    for loaded in result.maps:
        if not loaded.ok:
            problems.update(loaded.diagnostics)
    register.problems = sorted(problems, key=Diagnostic.sort_key)
    wanted = {d.file for d in register.problems}
    register.sources = {f: text for f, text in result.sources.items() if f in wanted}
    return register
