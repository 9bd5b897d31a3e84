"""A stage with no touchpoints.

## What it flags

A stage of a current-state or future-state map whose `touchpoints` list is empty or missing.

## Why it matters

Touchpoints are where the customer meets the brand: the website, the store, the support
line, the delivery driver. A stage without them says what the customer goes through but not
where, so nobody can tell which team, channel or screen to change. It is one of the most
common gaps in journey maps.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Research
    actions: [Reads reviews]
    touchpoints: []          # CJM101: where does she read them?
```

## Fix

List every place the customer meets the brand in this stage, each with its channel
(`website`, `app`, `email`, `social`, `store`, `phone`, `word-of-mouth`, ...). If the stage
really happens without the brand, say so with a touchpoint on channel `other` and a `note`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM101"
NAME = "stage-without-touchpoints"
SEVERITY = Severity.error
SUMMARY = "A stage with no touchpoints."


def check(ctx: Context) -> Iterator[Diagnostic]:
    for index, stage in ctx.stages():
        if not stage.touchpoints:
            yield ctx.at(
                ("stages", index, "touchpoints"),
                f"stage {echo(stage.name)} has no touchpoints",
                "add the places the customer meets the brand here: `touchpoints: [{name: ..., channel: ...}]`",
            )
