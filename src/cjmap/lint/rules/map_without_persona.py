"""A map that does not say whose journey it is.

## What it flags

A map without a `persona` (neither inline nor a path to a persona file).

## Why it matters

A journey map follows one kind of customer. Without a persona, every reader fills in their
own, and the stages, feelings and pain points become an average of customers that does not
exist.

## Example

```yaml
cjmap: 1                       # CJM128: no `persona`
kind: empathy
title: Colleen choosing a vacuum
empathy:
  says: ["I don't have time for this"]
```

## Fix

Add `persona:` with the path of a persona file (`persona: personas/colleen.yaml`, shared by
all the maps of that customer), or write the persona inline.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context

CODE = "CJM128"
NAME = "map-without-persona"
SEVERITY = Severity.warning
SUMMARY = "A map with no `persona`."


def check(ctx: Context) -> Iterator[Diagnostic]:
    if ctx.doc.persona is None:
        yield ctx.at(
            (),
            "the map does not say whose journey it is: no `persona`",
            "add `persona: personas/NAME.yaml`, or write the persona inline",
        )
