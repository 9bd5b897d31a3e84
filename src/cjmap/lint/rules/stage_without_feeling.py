"""A stage (or a day-in-the-life moment) with no feeling: a hole in the emotional curve.

## What it flags

A stage of a current-state or future-state map, or a moment of a day-in-the-life map,
without a `feeling`.

## Why it matters

The emotional curve, drawn through the feelings of every stage, is the signature graphic of
a journey map: it shows at a glance where the experience dips. A stage without a feeling
breaks the curve, and it is usually the stage the team knows least about.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Research
    feeling: -1
  - name: Purchase             # CJM109: no feeling
  - name: Delivery
    feeling: 1
```

## Fix

Give the stage a `feeling`: a score from -3 (worst) to +3 (best), or `{score: -2, label:
frustrated}`. If nobody knows how customers feel here, that is a research gap worth closing.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import DayInTheLifeMap
from cjmap.text import echo

CODE = "CJM109"
NAME = "stage-without-feeling"
SEVERITY = Severity.warning
SUMMARY = "A stage or moment with no feeling: a hole in the emotional curve."
HINT = "add `feeling:` from -3 (worst) to +3 (best), e.g. `feeling: {score: -1, label: anxious}`"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for index, stage in ctx.stages():
        if stage.feeling is None:
            yield ctx.at(("stages", index), f"stage {echo(stage.name)} has no feeling", HINT)
    doc = ctx.doc
    if isinstance(doc, DayInTheLifeMap):
        for index, moment in enumerate(doc.moments):
            if moment.feeling is None:
                yield ctx.at(("moments", index), f"the {moment.time} moment has no feeling", HINT)
