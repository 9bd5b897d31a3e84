"""A map with nothing in it: no stages, no moments, or an empty empathy map.

## What it flags

- a current-state or future-state map with no `stages`;
- a day-in-the-life map with no `moments`;
- an empathy map whose quadrants are all empty.

## Why it matters

The format allows empty lists so that a map can be started and checked early, but a map
with no content is not ready to share, render or merge.

## Example

```yaml
cjmap: 1
kind: day-in-the-life
title: A Wednesday in Colleen's life
moments: []                    # CJM125
```

## Fix

Fill the map (`cjmap new --template KIND` writes a starter with every part), or keep it on a
branch until it has content.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import CurrentStateMap, DayInTheLifeMap, EmpathyMap, FutureStateMap

CODE = "CJM125"
NAME = "empty-map"
SEVERITY = Severity.error
SUMMARY = "A map with no stages, no moments, or only empty empathy quadrants."


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    if isinstance(doc, CurrentStateMap | FutureStateMap) and not doc.stages:
        yield ctx.at(
            ("stages",), f"this {doc.kind} map has no stages", "add `stages:`, in journey order"
        )
    elif isinstance(doc, DayInTheLifeMap) and not doc.moments:
        yield ctx.at(
            ("moments",), "this day-in-the-life map has no moments", "add `moments:`, in time order"
        )
    elif isinstance(doc, EmpathyMap):
        e = doc.empathy
        if not (e.says or e.thinks or e.does or e.feels or e.pains or e.gains):
            yield ctx.at(
                ("empathy",),
                "every quadrant of this empathy map is empty",
                "fill `says`, `thinks`, `does` and `feels` (and `pains`, `gains`) from the research",
            )
