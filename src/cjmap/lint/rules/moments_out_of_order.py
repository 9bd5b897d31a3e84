"""Day-in-the-life moments out of time order, or two moments at the same time.

## What it flags

A moment of a day-in-the-life map whose `time` is earlier than the moment before it, or the
same as an earlier moment's.

The day starts at `day_starts` (default `"00:00"`): with `day_starts: "04:00"`, a moment at
`00:30` comes after one at `23:00`, for personas who go to bed after midnight.

## Why it matters

A day in the life is read, and rendered, as a timeline. Moments out of order put the lunch
break before breakfast on the page; two moments at the same time usually mean a typo in one
of them.

## Example

```yaml
cjmap: 1
kind: day-in-the-life
title: A Wednesday in Colleen's life
moments:
  - time: "08:30"
    activity: Cycles to work
  - time: "07:40"               # CJM110: earlier than 08:30
    activity: Sweeps the rug
```

## Fix

Put the moments in time order, and correct the time that was mistyped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context, Option
from cjmap.model import DayInTheLifeMap

CODE = "CJM110"
NAME = "moments-out-of-order"
SEVERITY = Severity.error
SUMMARY = "Day-in-the-life moments not in time order, or two moments at the same time."
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")

OPTIONS = {
    "day_starts": Option(
        "00:00",
        str,
        'The time the day starts, "HH:MM"; earlier times count as after midnight.',
        lambda v: None if isinstance(v, str) and _TIME.match(v) else 'must be a time "HH:MM"',
    )
}


def _minutes(time: str) -> int:
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    if not isinstance(doc, DayInTheLifeMap):
        return
    start = _minutes(ctx.options["day_starts"])
    seen: dict[int, int] = {}
    latest: tuple[int, str] | None = None
    for index, moment in enumerate(doc.moments):
        at = (_minutes(moment.time) - start) % (24 * 60)
        path = ("moments", index, "time")
        if at in seen:
            line = ctx.loaded.source.positions.value(("moments", seen[at], "time"))[0]
            yield ctx.at(
                path,
                f"two moments at {moment.time} (the other is at line {line})",
                "merge the two moments, or correct the time of one of them",
            )
        elif latest is not None and at < latest[0]:
            yield ctx.at(
                path,
                f"the {moment.time} moment comes after the {latest[1]} moment",
                "put the moments in time order"
                + (
                    ""
                    if start
                    else "; for a day that ends after midnight set the `day_starts` option"
                ),
            )
        seen.setdefault(at, index)
        if latest is None or at > latest[0]:
            latest = (at, moment.time)
