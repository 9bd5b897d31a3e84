"""No stage marked as a moment of truth.

## What it flags

A current-state or future-state map with stages, none of which has `moment_of_truth: true`.

## Why it matters

Not all stages are equal: a few decide whether the customer stays or leaves (the first
search, the checkout, the first use). Marking them tells everyone where to spend effort first,
and the renderers highlight them. A map without one has not made that call.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:                        # CJM112: none is a moment of truth
  - name: Research
  - name: Purchase
  - name: Delivery
```

## Fix

Mark the one to three stages that decide success with `moment_of_truth: true`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import CurrentStateMap, FutureStateMap

CODE = "CJM112"
NAME = "no-moment-of-truth"
SEVERITY = Severity.warning
SUMMARY = "No stage marked as a moment of truth."


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    if not isinstance(doc, CurrentStateMap | FutureStateMap) or not doc.stages:
        return
    if not any(stage.moment_of_truth for stage in doc.stages):
        yield ctx.at(
            ("stages",),
            "no stage is marked as a moment of truth",
            "add `moment_of_truth: true` to the stages that decide success",
            key=True,
        )
