"""A stage that does not say what the customer does.

## What it flags

A stage of a current-state or future-state map with no `actions`.

## Why it matters

Actions are the backbone of a stage: what the customer actually does (searches, compares,
calls, waits). Without them, thoughts, feelings and pain points float free, and it is easy to
describe the business's process instead of the customer's journey.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Research             # CJM120: no actions
    feeling: -1
```

## Fix

Add `actions:` with what the customer does at this stage, in their terms ("Reads two review
sites"), not the company's ("Content marketing").
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM120"
NAME = "stage-without-actions"
SEVERITY = Severity.warning
SUMMARY = "A stage with no customer actions."


def check(ctx: Context) -> Iterator[Diagnostic]:
    for index, stage in ctx.stages():
        if not stage.actions:
            yield ctx.at(
                ("stages", index, "actions"),
                f"stage {echo(stage.name)} does not say what the customer does",
                "add `actions:` with what the customer does at this stage",
            )
