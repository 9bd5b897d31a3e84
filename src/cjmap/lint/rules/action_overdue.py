"""An action item past its due date and not done.

## What it flags

An action item whose `due` date is before today (the date of the run, or `--today`) and
whose `status` is `todo` or `doing`. With the `grace_days` option, an item is flagged only that
many days after its due date.

## Why it matters

An action plan is a promise. Overdue items that nobody updates are either done (and the map
does not say so) or stuck (and nobody has noticed). Both make the map lie.

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
          - task: Enable guest checkout
            owner: E-commerce team
            status: doing
            due: 2026-09-30     # CJM113 (with --today 2026-11-25): 56 days overdue
```

## Fix

Update the item: `status: done` if it happened, a new `due` date if it slipped (and say why
in the review), or `status: dropped` if it will not happen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context, Option
from cjmap.model import Status
from cjmap.text import echo

CODE = "CJM113"
NAME = "action-overdue"
SEVERITY = Severity.warning
SUMMARY = "An action item past its `due` date and not done."
OPTIONS = {
    "grace_days": Option(
        0,
        int,
        "Days after the due date before an open item is flagged.",
        lambda v: None if isinstance(v, int) and 0 <= v <= 3650 else "must be between 0 and 3650",
    )
}


def check(ctx: Context) -> Iterator[Diagnostic]:
    limit = ctx.today - dt.timedelta(days=ctx.options["grace_days"])
    for s, stage in ctx.stages():
        for o, opp in enumerate(stage.opportunities):
            for a, action in enumerate(opp.actions):
                if action.due is None or action.status not in (Status.todo, Status.doing):
                    continue
                if action.due < limit:
                    days = (ctx.today - action.due).days
                    yield ctx.at(
                        ("stages", s, "opportunities", o, "actions", a, "due"),
                        f"action {echo(action.task, 40)} was due {action.due.isoformat()} "
                        f"({days} day{'s' if days != 1 else ''} ago) and is still {action.status.value}",
                        "set `status: done` if it happened, a new `due` date if it slipped, "
                        "or `status: dropped`",
                    )
