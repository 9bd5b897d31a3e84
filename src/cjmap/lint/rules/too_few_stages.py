"""A current-state or future-state map with too few stages.

## What it flags

A map with stages, but fewer than `min_stages` of them (default 3). A map with no stages at all
is left to CJM125 (empty-map).

## Why it matters

A journey of one or two steps is not a journey: it skips the moments before and after the
purchase where most customers are won or lost (awareness, research, delivery, first use,
coming back). "Too few steps" is a classic sign of a map drawn from the inside out.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:                        # CJM107: 2 stages, 3 expected
  - name: Purchase
  - name: Delivery
```

## Fix

Map the whole journey: what happens before (how they hear of you, how they compare) and
after (delivery, first use, support, buying again). If a short map is right for your team,
lower this rule's `min_stages` option.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context, Option
from cjmap.model import CurrentStateMap, FutureStateMap

CODE = "CJM107"
NAME = "too-few-stages"
SEVERITY = Severity.error
SUMMARY = "Fewer stages than `min_stages` (default 3)."
OPTIONS = {
    "min_stages": Option(
        3,
        int,
        "The smallest number of stages a map may have.",
        lambda v: None if isinstance(v, int) and 1 <= v <= 100 else "must be between 1 and 100",
    )
}


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    if not isinstance(doc, CurrentStateMap | FutureStateMap) or not doc.stages:
        return
    minimum = ctx.options["min_stages"]
    if len(doc.stages) < minimum:
        count = len(doc.stages)
        yield ctx.at(
            ("stages",),
            f"the map has {count} stage{'s' if count != 1 else ''}; a journey needs at least {minimum}",
            "add the stages before and after (awareness, research, delivery, use, loyalty)",
            key=True,
        )
