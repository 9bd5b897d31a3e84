"""An opportunity in a current-state map that addresses no pain point.

## What it flags

An opportunity of a current-state map with an empty or missing `addresses`.
Future-state maps are not checked: there, opportunities often add delight rather than
remove a pain.

## Why it matters

In a current-state map, opportunities should answer the problems the map found. An
opportunity tied to no pain point is often a pet project looking for a reason, or the link
to the pain point was forgotten, and then CJM102 reports that pain point as unanswered.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Research
    pain_points:
      - id: too-much-content
        text: Too much content to sift through
    opportunities:
      - text: A chatbot for quick answers   # CJM116: addresses nothing
```

## Fix

List the pain points it removes: `addresses: [too-much-content]`. If it is a new idea that
adds delight, it may belong in the future-state map.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import CurrentStateMap
from cjmap.text import echo

CODE = "CJM116"
NAME = "opportunity-addresses-nothing"
SEVERITY = Severity.info
SUMMARY = "An opportunity in a current-state map that addresses no pain point."


def check(ctx: Context) -> Iterator[Diagnostic]:
    if not isinstance(ctx.doc, CurrentStateMap):
        return
    for s, stage in ctx.stages():
        for o, opp in enumerate(stage.opportunities):
            if not opp.addresses:
                label = echo(opp.id) if opp.id else echo(opp.text, 40)
                yield ctx.at(
                    ("stages", s, "opportunities", o),
                    f"opportunity {label} addresses no pain point",
                    "list the pain point ids it removes in `addresses:`",
                )
