"""A future-state stage that feels worse than the same stage today.

## What it flags

A stage of a future-state map whose `feeling` score is lower than the feeling of the stage
with the same `id` in the current-state map it `compares` to. Stages are matched by id
(explicit, or derived from the name); stages without a match, or without a feeling on either
side, are not compared.

## Why it matters

The future state is the journey the business is building towards. If a stage is planned to
feel worse than it does today, either the plan makes the experience worse (a cost cut, a new
hurdle) and the team should say so, or a score was mistyped.

## Example

```yaml
# current.cjm.yaml has stage `purchase` with feeling: 1
cjmap: 1
kind: future-state
title: Buying a vacuum online (2027)
compares: current.cjm.yaml
stages:
  - id: purchase
    name: Purchase
    feeling: -1                # CJM114: lower than today's 1
```

## Fix

Check the score. If the stage really will feel worse, make the reason visible: a pain point
in the future-state stage and an opportunity that addresses it, or suppress the finding with a
comment that says why.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import CurrentStateMap, FutureStateMap
from cjmap.text import echo

CODE = "CJM114"
NAME = "future-not-better"
SEVERITY = Severity.warning
SUMMARY = "A future-state stage whose feeling is lower than the same stage in the current state."


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    current = ctx.loaded.compares.doc if ctx.loaded.compares is not None else None
    if not isinstance(doc, FutureStateMap) or not isinstance(current, CurrentStateMap):
        return
    today = {stage.id: stage for stage in current.stages if stage.feeling is not None}
    for index, stage in enumerate(doc.stages):
        before = today.get(stage.id)
        if stage.feeling is None or before is None or before.feeling is None:
            continue
        if stage.feeling.score < before.feeling.score:
            line = ctx.loaded.compares.source.positions.value(  # type: ignore[union-attr]
                ("stages", current.stages.index(before), "feeling")
            )[0]
            yield ctx.at(
                ("stages", index, "feeling"),
                f"stage {echo(stage.name)} feels worse in the future ({stage.feeling.score:+d}) "
                f"than today ({before.feeling.score:+d}, {ctx.loaded.compares.file}:{line})",  # type: ignore[union-attr]
                "check the score; if the stage really gets worse, add the pain point and the "
                "opportunity that explains it",
            )
