"""A map without an owner.

## What it flags

A map with no top-level `owner`.

## Why it matters

A map that belongs to everyone is kept up to date by no one. The owner is who the next
reviewer asks, who schedules the review, and who decides when the map is retired.

## Example

```yaml
cjmap: 1                       # CJM122: no `owner`
kind: empathy
title: Colleen choosing a vacuum
empathy:
  says: ["I don't have time for this"]
```

## Fix

Add `owner:` with the team (and ideally the person) who keeps the map up to date, e.g.
`owner: CX team (Dana Whitfield)`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context

CODE = "CJM122"
NAME = "map-without-owner"
SEVERITY = Severity.warning
SUMMARY = "A map with no `owner`."


def check(ctx: Context) -> Iterator[Diagnostic]:
    if not (ctx.doc.owner or "").strip():
        yield ctx.at(
            ("owner",),
            "the map has no owner, so nobody is responsible for keeping it current",
            "add `owner:` with the team or person who keeps it up to date",
        )
