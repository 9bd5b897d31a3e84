"""An opportunity that no one owns: no action plan, or an action item without an owner.

## What it flags

- an opportunity with no `actions` (no action plan at all);
- an opportunity whose action items are all `dropped`;
- an action item with no `owner`.

## Why it matters

An idea becomes a change only when someone is on the hook for it. Opportunities without an
action plan, or with tasks nobody owns, are the classic way a journey-mapping workshop ends with
a wall of sticky notes and no result.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Research
    opportunities:
      - id: chatbot                    # CJM103: no action plan
        text: A chatbot for quick answers
      - id: comparison
        text: Comparison chart
        actions:
          - task: Build the comparison tool   # CJM103: no owner
```

## Fix

Give each opportunity at least one action item with a `task` and an `owner` (a team or a
person). Mark items that will not happen as `status: dropped`, and add a live one if the
opportunity still stands.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import Status
from cjmap.text import echo

CODE = "CJM103"
NAME = "opportunity-without-owner"
SEVERITY = Severity.warning
SUMMARY = "An opportunity with no action item, or an action item with no owner."


def check(ctx: Context) -> Iterator[Diagnostic]:
    for s, stage in ctx.stages():
        for o, opp in enumerate(stage.opportunities):
            path = ("stages", s, "opportunities", o)
            label = echo(opp.id) if opp.id else echo(opp.text, 40)
            if not opp.actions:
                yield ctx.at(
                    path,
                    f"opportunity {label} has no action plan, so no one owns it",
                    "add `actions:` with a `task` and an `owner` for each step",
                )
                continue
            if all(a.status is Status.dropped for a in opp.actions):
                yield ctx.at(
                    (*path, "actions"),
                    f"every action item of opportunity {label} is dropped",
                    "add a live action item with an owner, or remove the opportunity",
                    key=True,
                )
            for a, action in enumerate(opp.actions):
                if not (action.owner or "").strip():
                    yield ctx.at(
                        (*path, "actions", a),
                        f"action {echo(action.task, 40)} has no owner",
                        "add `owner:` with the team or person who does it",
                    )
