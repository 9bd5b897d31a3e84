"""The same touchpoint twice in one stage.

## What it flags

A touchpoint whose name repeats an earlier touchpoint's name in the same stage (compared
without regard to case, spacing or Unicode form).

## Why it matters

A repeated touchpoint is a copy-paste slip, or two different things under one name (the
"Website" on desktop and the "Website" on a phone). Either way the map counts a channel twice
and hides the difference that matters.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Research
    touchpoints:
      - name: Product page
        channel: website
      - name: product page          # CJM118
        channel: app
```

## Fix

Remove the copy, or name the two touchpoints so a reader can tell them apart ("Product page
(desktop)", "Product page in the app").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM118"
NAME = "duplicate-touchpoint"
SEVERITY = Severity.warning
SUMMARY = "The same touchpoint twice in one stage."


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def check(ctx: Context) -> Iterator[Diagnostic]:
    positions = ctx.loaded.source.positions
    for s, stage in ctx.stages():
        first: dict[str, int] = {}
        for t, touchpoint in enumerate(stage.touchpoints):
            key = _key(touchpoint.name)
            if key in first:
                line = positions.value(("stages", s, "touchpoints", first[key]))[0]
                yield ctx.at(
                    ("stages", s, "touchpoints", t, "name"),
                    f"touchpoint {echo(touchpoint.name)} is listed twice in stage "
                    f"{echo(stage.name)} (first at line {line})",
                    "remove the copy, or name the two so a reader can tell them apart",
                )
            else:
                first[key] = t
