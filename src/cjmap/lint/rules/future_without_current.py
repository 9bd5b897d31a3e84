"""A future-state map that does not say which current-state map it improves on.

## What it flags

A future-state map without `compares`.

## Why it matters

A future state is only useful next to the current state: the gap between the two is the
plan. Without `compares`, readers cannot see what changes, and cjmap cannot check that the
future is better than today (CJM114).

## Example

```yaml
cjmap: 1
kind: future-state              # CJM111: no `compares`
title: Buying a vacuum online (2027)
stages:
  - name: Research
```

## Fix

Add `compares:` with the path of the current-state map, relative to this file:
`compares: current.cjm.yaml`. If there is no current-state map yet, that is the map to make
first.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.model import FutureStateMap

CODE = "CJM111"
NAME = "future-without-current"
SEVERITY = Severity.warning
SUMMARY = "A future-state map with no `compares`."


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    if isinstance(doc, FutureStateMap) and not doc.compares:
        yield ctx.at(
            ("kind",),
            "this future-state map does not say which current-state map it improves on",
            "add `compares: current.cjm.yaml` (the path of the current-state map)",
        )
