"""An open action item without a due date.

## What it flags

An action item with `status` `todo` or `doing` and no `due` date.

## Why it matters

"Someday" is not a plan. Without a due date, nobody can tell whether an item is late, the
stale-action check (CJM113) cannot work, and the action plan cannot be read as a roadmap.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Purchase
    opportunities:
      - text: Guest checkout
        actions:
          - task: Enable guest checkout     # CJM117: no due date
            owner: E-commerce team
```

## Fix

Add `due: YYYY-MM-DD`, agreed with the owner.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import Status
from cjmap.text import echo

CODE = "CJM117"
NAME = "action-without-due"
SEVERITY = Severity.warning
SUMMARY = "An open action item without a `due` date."


def check(ctx: Context) -> Iterator[Diagnostic]:
    for s, stage in ctx.stages():
        for o, opp in enumerate(stage.opportunities):
            for a, action in enumerate(opp.actions):
                if action.due is None and action.status in (Status.todo, Status.doing):
                    yield ctx.at(
                        ("stages", s, "opportunities", o, "actions", a),
                        f"action {echo(action.task, 40)} has no due date",
                        "add `due: YYYY-MM-DD`, agreed with its owner",
                    )
