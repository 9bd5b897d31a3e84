"""A pain point that no opportunity addresses.

## What it flags

A pain point that no opportunity of the map lists in its `addresses`, including a pain point
without an `id` (which no opportunity can refer to).

## Why it matters

A journey map is made to find what hurts and decide what to do about it. A pain point with
no opportunity is a problem the team has seen and left without an answer; reviewers cannot
tell whether it was judged unimportant or simply forgotten.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Purchase
    pain_points:
      - id: late-delivery-fee          # CJM102: nothing addresses it
        text: The delivery charge appears only at the payment step
```

## Fix

Add an opportunity whose `addresses` lists the pain point's id (in any stage of the map), or
give the pain point an `id` so an existing opportunity can refer to it. If the team decided not
to act, say so in an opportunity, or suppress the finding with a comment that says why.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM102"
NAME = "pain-point-without-opportunity"
SEVERITY = Severity.warning
SUMMARY = "A pain point that no opportunity addresses."


def check(ctx: Context) -> Iterator[Diagnostic]:
    addressed = {
        ref for _, stage in ctx.stages() for opp in stage.opportunities for ref in opp.addresses
    }
    for s, stage in ctx.stages():
        for p, pain in enumerate(stage.pain_points):
            path = ("stages", s, "pain_points", p)
            if pain.id is None:
                yield ctx.at(
                    path,
                    f"pain point {echo(pain.text, 40)} has no id, so no opportunity can address it",
                    "give it an `id:` and list that id in an opportunity's `addresses`",
                )
            elif pain.id not in addressed:
                yield ctx.at(
                    path,
                    f"no opportunity addresses pain point {echo(pain.id)}",
                    f"add an opportunity with `addresses: [{pain.id}]`",
                )
