"""A stage without a responsible department.

## What it flags

A stage of a current-state or future-state map with no `owner` (the backstage: the
department responsible for the experience at that stage).

## Why it matters

Journeys cross departments: marketing, the web team, logistics, support. Naming who owns
each stage turns the map into a service blueprint, and tells everyone who to call when a
stage's metrics drop.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Delivery             # CJM123: who owns it?
    touchpoints:
      - name: Courier at the door
        channel: other
```

## Fix

Add `owner:` to the stage with the department responsible for the experience there.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM123"
NAME = "stage-without-owner"
SEVERITY = Severity.info
SUMMARY = "A stage with no responsible department (`owner`)."


def check(ctx: Context) -> Iterator[Diagnostic]:
    for index, stage in ctx.stages():
        if not (stage.owner or "").strip():
            yield ctx.at(
                ("stages", index),
                f"stage {echo(stage.name)} has no owner",
                "add `owner:` with the department responsible for the experience here",
            )
