"""A journey table (see ``table``) as the stages of a map, in either layout teams use.

- **stages as columns**: the first row names the stages, the first column the lanes;
- **stages as rows**: the first column names the stages, the first row the lanes.

The layout is the one whose header (first column, or first row) names more lanes. A row of
one text above the table (often merged across it) is the map's title, as is the top-left cell
when it names no lane. Two neighbouring stages with one name (a merged header cell) are one
stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cjmap.convert import cells, channels, lanes
from cjmap.convert.problems import ConvertProblem
from cjmap.convert.table import Table, column_letter
from cjmap.text import echo

COLUMNS = "stages as columns"
ROWS = "stages as rows"

LIST_LANES = ("actions", "thoughts", "touchpoints", "pain_points", "opportunities", "metrics")


@dataclass
class SheetOptions:
    """How to read a sheet: lanes named by hand and the feeling scale."""

    lanes: dict[str, str] = field(default_factory=dict)  # header text, row number or letter -> lane
    scale: cells.Scale = cells.DEFAULT_SCALE


@dataclass
class SheetJourney:
    """What a sheet held: a title if it had one, the stages, the layout found."""

    title: str | None
    stages: list[dict[str, Any]]
    layout: str


def parse_lane_option(text: str) -> tuple[str, str]:
    """``'Notes=skip'`` or ``'4=pain_points'`` as (header, lane); ValueError explains a bad one."""
    header, sep, lane = text.rpartition("=")
    lane = lane.strip().casefold().replace("-", "_").replace(" ", "_")
    if not sep or not header.strip():
        raise ValueError(f"{text!r}: write HEADER=LANE, e.g. 'Notes=skip' or '4=pain_points'")
    if lane not in (*lanes.LANE_NAMES, lanes.SKIP):
        known = ", ".join((*lanes.LANE_NAMES, lanes.SKIP))
        raise ValueError(f"{text!r}: {lane!r} is not a lane; the lanes are {known}")
    return header.strip(), lane


def read_journey(table: Table, options: SheetOptions) -> SheetJourney:
    """The stages of the sheet, or a ConvertProblem that says which header is not understood."""
    if not table.cells:
        raise ConvertProblem(
            table.source,
            "the sheet is empty",
            "put the stage names in the first row and the lanes (actions, feeling, "
            "touchpoints...) in the first column",
        )
    title = _title_row(table)
    if len(table.cells) < 2 or max(len(row) for row in table.cells) < 2:
        raise ConvertProblem(
            table.source,
            "the sheet has a single row or column; a journey needs stage names and lanes",
            "put the stage names in the first row and the lanes in the first column",
        )
    by_column = [
        _lane_of(table, r, 0, options, row_header=True) for r in range(1, len(table.cells))
    ]
    by_row = [
        _lane_of(table, 0, c, options, row_header=False) for c in range(1, len(table.cells[0]))
    ]
    found_columns = sum(1 for lane in by_column if lane not in (None, lanes.STAGE))
    found_rows = sum(1 for lane in by_row if lane not in (None, lanes.STAGE))
    if found_columns == 0 and found_rows == 0:
        raise ConvertProblem(
            table.source,
            "neither the first column nor the first row names a lane of a journey",
            f"the lanes cjmap knows: {lanes.known_names()}; name a row by hand with "
            "--lane 'HEADER=lane'",
        )
    layout = COLUMNS if found_columns >= found_rows else ROWS
    grid_lanes = by_column if layout == COLUMNS else by_row
    headers = [row[0] for row in table.cells[1:]] if layout == COLUMNS else table.cells[0][1:]
    # A lane's header is often written once above two lines of cells (or merged, in CSV lost).
    for index in range(1, len(grid_lanes)):
        if grid_lanes[index] is None and not headers[index]:
            grid_lanes[index] = grid_lanes[index - 1]
    corner = table.cells[0][0]
    if title is None and corner and lanes.match_lane(corner) is None:
        title = corner
    return SheetJourney(title, _stages(table, layout, grid_lanes, options), layout)


def _title_row(table: Table) -> str | None:
    """Drop a first row that is a title above the table (in its first cell only, or merged
    across the table) and return the title."""
    first = table.cells[0]
    alone = bool(first[0]) and not any(first[1:])
    merged = len(first) > 1 and len(set(first)) == 1
    if len(table.cells) > 2 and (alone or merged) and lanes.match_lane(first[0]) is None:
        del table.cells[0]
        del table.rows[0]
        return " ".join(first[0].split())
    return None


def _lane_of(
    table: Table, r: int, c: int, options: SheetOptions, *, row_header: bool
) -> str | None:
    header = table.cells[r][c]
    keys = [lanes.normalise(header)]
    keys.append(str(table.rows[r] + 1) if row_header else column_letter(table.columns[c]))
    for given, lane in options.lanes.items():
        if (lanes.normalise(given) == keys[0] and keys[0]) or given.strip().upper() == keys[1]:
            return lane
    if not header:
        return lanes.SKIP if _empty_line(table, r, c, row_header) else None
    return lanes.match_lane(header)


def _empty_line(table: Table, r: int, c: int, row_header: bool) -> bool:
    if row_header:
        return not any(table.cells[r][1:])
    return not any(row[c] for row in table.cells[1:])


def _stages(
    table: Table, layout: str, grid_lanes: list[str | None], options: SheetOptions
) -> list[dict[str, Any]]:
    def cell(lane_index: int, stage_index: int) -> tuple[str, str]:
        """The text and place of the cell of lane ``lane_index`` (0-based, after the header)."""
        r, c = (
            (lane_index + 1, stage_index + 1)
            if layout == COLUMNS
            else (stage_index + 1, lane_index + 1)
        )
        row = table.cells[r]
        return (row[c] if c < len(row) else ""), table.where(r, c)

    unknown = []
    for index, lane in enumerate(grid_lanes):
        if lane is None:
            r, c = (index + 1, 0) if layout == COLUMNS else (0, index + 1)
            unknown.append(f"{echo(table.cells[r][c])} at {table.where(r, c)}")
    if unknown:
        raise ConvertProblem(
            table.source,
            f"{'row' if layout == COLUMNS else 'column'} header{'s' if len(unknown) > 1 else ''} "
            f"that name no lane: {', '.join(unknown)}",
            f"the lanes cjmap knows: {lanes.known_names()}. Map a header by hand with "
            f"--lane 'HEADER=lane' (or =skip to leave it out)",
        )
    names = (
        [table.cells[0][c] for c in range(1, len(table.cells[0]))]
        if layout == COLUMNS
        else [table.cells[r][0] for r in range(1, len(table.cells))]
    )
    stages: list[dict[str, Any]] = []
    previous = None
    for s, raw in enumerate(names):
        name = " ".join(raw.split())
        contents = [cell(i, s) for i in range(len(grid_lanes))]
        if not name:
            if not any(text for text, _ in contents):
                continue
            r, c = (0, s + 1) if layout == COLUMNS else (s + 1, 0)
            raise ConvertProblem(
                table.where(r, c),
                "this stage has content but no name",
                "write the stage's name in its header cell",
            )
        stage = previous if previous is not None and previous["name"] == name else None
        if stage is None:
            stage = {"name": name}
            stages.append(stage)
        for lane, (text, where) in zip(grid_lanes, contents, strict=True):
            if lane not in (lanes.SKIP, lanes.STAGE) and lane is not None and text:
                _add(stage, lane, text, where, options)
        previous = stage
    if not stages:
        raise ConvertProblem(
            table.source, "the sheet names no stages", "name the stages in the header"
        )
    return stages


def _add(stage: dict[str, Any], lane: str, text: str, where: str, options: SheetOptions) -> None:
    if lane in LIST_LANES:
        items = cells.items(text)
        if lane == "touchpoints":
            values: list[Any] = [channels.touchpoint(i) for i in items]
        elif lane in ("pain_points", "opportunities"):
            values = [{"text": i} for i in items]
        elif lane == "metrics":
            values = [cells.metric(i) for i in items]
        else:
            values = items
        existing = stage.setdefault(lane, [])
        existing.extend(v for v in values if v not in existing)
    elif lane == "feeling":
        value = cells.feeling(text, options.scale, where)
        if value is not None and "feeling" not in stage:
            stage["feeling"] = value
    elif lane == "moment_of_truth":
        if cells.yes(text):
            stage["moment_of_truth"] = True
    elif lane == "owner":
        owner = ", ".join(cells.items(text))
        if owner:
            stage.setdefault("owner", owner)
    elif lane == "description":
        stage.setdefault("description", text.strip())
