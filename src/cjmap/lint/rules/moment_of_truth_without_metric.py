"""A moment of truth that nothing measures.

## What it flags

A stage marked `moment_of_truth: true` with no `metrics`.

## Why it matters

Moments of truth are the stages that decide success. If the team cannot say how such a stage
is doing today, it cannot tell whether the fixes in its action plan work.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Purchase
    moment_of_truth: true      # CJM126: no metrics
```

## Fix

Add `metrics:` with how the stage is measured (completion or conversion rate, drop-off,
satisfaction), each with its current `value` and a `target`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM126"
NAME = "moment-of-truth-without-metric"
SEVERITY = Severity.warning
SUMMARY = "A moment-of-truth stage with no metrics."


def check(ctx: Context) -> Iterator[Diagnostic]:
    for index, stage in ctx.stages():
        if stage.moment_of_truth and not stage.metrics:
            yield ctx.at(
                ("stages", index, "moment_of_truth"),
                f"stage {echo(stage.name)} is a moment of truth but nothing measures it",
                "add `metrics:` with a current `value` and a `target`",
            )
