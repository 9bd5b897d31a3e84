"""A metric without a target.

## What it flags

A stage metric with no `target`.

## Why it matters

A number without a target cannot say whether a stage is doing well or badly, and gives the
action plan nothing to aim at. "Cart abandonment 71%" starts a discussion; "71%, target 55%"
ends it with a decision.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Purchase
    metrics:
      - name: Cart abandonment rate      # CJM119: no target
        value: 71%
```

## Fix

Add `target:` with the value the team aims for (a number, or text such as `"55%"`).
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM119"
NAME = "metric-without-target"
SEVERITY = Severity.warning
SUMMARY = "A stage metric without a `target`."


def check(ctx: Context) -> Iterator[Diagnostic]:
    for s, stage in ctx.stages():
        for m, metric in enumerate(stage.metrics):
            if metric.target is None or (
                isinstance(metric.target, str) and not metric.target.strip()
            ):
                yield ctx.at(
                    ("stages", s, "metrics", m),
                    f"metric {echo(metric.name, 40)} has no target",
                    "add `target:` with the value the team aims for",
                )
