"""``--format ics``: an iCalendar file (RFC 5545) with one to-do (VTODO) per open action item
that has a due date, to subscribe to in a calendar (Thunderbird, Outlook, Apple Reminders).

- ``UID``: a hash of the file, stage id and task, the same on every run, so a calendar that
  re-reads the file updates an item instead of adding it twice (a second item with the same
  file, stage and task gets ``-2``, ``-3``... in map order);
- ``SUMMARY``: the task; ``DUE``: the due date; ``STATUS``: ``NEEDS-ACTION`` (todo) or
  ``IN-PROCESS`` (doing); ``DESCRIPTION``: map, stage, opportunity, owner and file;
- ``DTSTAMP``: the day the register was judged on (``--today``), so the same maps on the same
  day give the same bytes.

Done and dropped items, and items without a due date, are left out. The ``icalendar`` library
writes the file, escaping commas, semicolons and newlines in text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from typing import TextIO

from cjmap import __version__
from cjmap.model import Status
from cjmap.portfolio.actions import ActionRow
from cjmap.portfolio.actions_report import ActionsStyle
from cjmap.text import printable

STATUS = {Status.todo: "NEEDS-ACTION", Status.doing: "IN-PROCESS"}
_NEWLINES = re.compile(r"\r\n|\r|\n")


def _text(value: str) -> str:
    """Text for a calendar: newlines kept (icalendar escapes them), other control and bidi
    characters shown as ``\\uXXXX`` (RFC 5545 allows no control character in text)."""
    return "\n".join(printable(line) for line in _NEWLINES.split(value))


def uid(row: ActionRow) -> str:
    """The stable part of an item's UID: a hash of its file, stage id and task."""
    digest = hashlib.sha256("\0".join((row.file, row.stage_id, row.task)).encode("utf-8"))
    return digest.hexdigest()[:32]


def description(row: ActionRow) -> str:
    lines = [f"Map: {row.map_title}", f"Stage: {row.stage_name}"]
    lines.append(f"Opportunity: {row.opportunity_text}")
    lines.append(f"Owner: {row.owner or '-'}")
    lines.append(f"File: {row.file}")
    return _text("\n".join(lines))


def write(rows: Sequence[ActionRow], out: TextIO, style: ActionsStyle) -> None:
    from icalendar import Calendar, Todo

    calendar = Calendar()
    calendar.add("prodid", f"-//cjmap//cjmap {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "cjmap actions")
    stamp = dt.datetime.combine(style.today, dt.time(0), tzinfo=dt.UTC)
    seen: dict[str, int] = {}
    for row in rows:
        if row.status not in STATUS or row.due is None:
            continue
        base = uid(row)
        seen[base] = seen.get(base, 0) + 1
        todo = Todo()
        todo.add("uid", f"{base}@cjmap" if seen[base] == 1 else f"{base}-{seen[base]}@cjmap")
        todo.add("dtstamp", stamp)
        todo.add("summary", _text(row.task))
        todo.add("due", row.due)
        todo.add("status", STATUS[row.status])
        todo.add("description", description(row))
        calendar.add_component(todo)
    out.write(calendar.to_ical().decode("utf-8"))
