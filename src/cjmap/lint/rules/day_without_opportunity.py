"""A day in the life that finds no opportunity for the brand.

## What it flags

A day-in-the-life map with moments, none of which has an `opportunity`.

## Why it matters

A day-in-the-life map is made to find where the brand could meet the persona (the lunch-break
scroll, the evening commute) or stop interrupting them. A day with no opportunity is a diary,
not a map.

## Example

```yaml
cjmap: 1
kind: day-in-the-life
title: A Wednesday in Colleen's life
moments:                       # CJM129: no opportunity anywhere
  - time: "07:00"
    activity: Wakes up, skims email
  - time: "12:45"
    activity: Lunch at her desk, scrolling Instagram
```

## Fix

For the moments where the brand could help (or should stay away), write the idea in
`opportunity:`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import DayInTheLifeMap

CODE = "CJM129"
NAME = "day-without-opportunity"
SEVERITY = Severity.warning
SUMMARY = "A day-in-the-life map where no moment has an opportunity."


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    if not isinstance(doc, DayInTheLifeMap) or not doc.moments:
        return
    if not any((m.opportunity or "").strip() for m in doc.moments):
        yield ctx.at(
            ("moments",),
            "no moment of the day has an opportunity for the brand",
            "write `opportunity:` on the moments where the brand could help",
            key=True,
        )
