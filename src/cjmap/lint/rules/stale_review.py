"""A map that has not been reviewed within its review period, or has no review date.

## What it flags

- a map without `reviewed` (nobody has said when it was last checked);
- a map whose `reviewed` date is more than `review_every` days before today (default 90).

"Today" is the date of the run, or the date given with `--today YYYY-MM-DD`.

## Why it matters

Journeys change: a new checkout, a new carrier, a new competitor. Teams are told to revisit a
map every few months and replace the assumptions that proved wrong. A map nobody has reviewed in
months quietly turns from a tool into a poster.

## Example

```yaml
cjmap: 1
kind: empathy
title: Colleen choosing a vacuum
reviewed: 2025-01-10          # CJM106 (with --today 2026-11-25): 684 days ago
review_every: 90
empathy:
  says: ["I don't have time for this"]
```

## Fix

Review the map with the people who own its stages, update what changed, and set `reviewed:`
to the date of that review. If the map is meant to be looked at less often, raise its
`review_every`, or set this rule's `review_every` option for the whole project.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context, Option

CODE = "CJM106"
NAME = "stale-review"
SEVERITY = Severity.warning
SUMMARY = "A map not reviewed within `review_every` days, or never reviewed."


def _positive(value: object) -> str | None:
    return None if isinstance(value, int) and 1 <= value <= 3650 else "must be between 1 and 3650"


OPTIONS = {
    "review_every": Option(
        None,
        (int, type(None)),
        "Days between reviews for maps that do not set `review_every` (default: the format's 90).",
        lambda v: None if v is None else _positive(v),
    ),
    "require_reviewed": Option(True, bool, "Flag maps that have no `reviewed` date at all."),
}


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    if doc.reviewed is None:
        if ctx.options["require_reviewed"]:
            yield ctx.at(
                (),
                "the map has no `reviewed` date, so nobody can tell whether it is current",
                f"add `reviewed: {ctx.today.isoformat()}` after reviewing it",
            )
        return
    every = doc.review_every
    if "review_every" not in doc.model_fields_set and ctx.options["review_every"] is not None:
        every = ctx.options["review_every"]
    due = doc.reviewed + dt.timedelta(days=every)
    if due < ctx.today:
        age = (ctx.today - doc.reviewed).days
        yield ctx.at(
            ("reviewed",),
            f"last reviewed {doc.reviewed.isoformat()}, {age} days ago; reviews are due every "
            f"{every} days (overdue since {due.isoformat()})",
            "review the map with its stage owners, then update `reviewed:`",
        )
