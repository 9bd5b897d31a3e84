"""A `reviewed` date after today.

## What it flags

A map whose `reviewed` date is later than today (the date of the run, or `--today`).

## Why it matters

A review cannot happen in the future. The date is almost always a typo (`2062` for `2026`, a
swapped month and day) and, left alone, it silences the stale-review rule (CJM106) for years.

## Example

```yaml
cjmap: 1
kind: empathy
title: Colleen choosing a vacuum
reviewed: 2062-10-14          # CJM127: a typo for 2026
empathy:
  says: ["I don't have time for this"]
```

## Fix

Write the date the map was actually last reviewed, as `YYYY-MM-DD`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context

CODE = "CJM127"
NAME = "review-date-in-future"
SEVERITY = Severity.warning
SUMMARY = "A `reviewed` date later than today."


def check(ctx: Context) -> Iterator[Diagnostic]:
    reviewed = ctx.doc.reviewed
    if reviewed is not None and reviewed > ctx.today:
        days = (reviewed - ctx.today).days
        yield ctx.at(
            ("reviewed",),
            f"reviewed {reviewed.isoformat()} is {days} day{'s' if days != 1 else ''} in the future",
            "write the date of the last real review (YYYY-MM-DD); is the year or month mistyped?",
        )
