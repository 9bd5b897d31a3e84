"""An empathy map with an empty quadrant.

## What it flags

An empathy map where one of `says`, `thinks`, `does`, `feels` (or `pains`, `gains`) is empty
or missing. Which quadrants are required is the `quadrants` option (default: all six). An
empathy map with every quadrant empty is left to CJM125 (empty-map).

## Why it matters

The value of an empathy map is the contrast between its quadrants: what people say against
what they do, what they think against what they feel. An empty quadrant usually means that
part of the research was never done, and the map hides it.

## Example

```yaml
cjmap: 1
kind: empathy
title: Colleen choosing a vacuum
empathy:
  says: ["I don't have time for this"]
  thinks: ["Will it break again?"]
  does: [Reads three review sites]
  feels: []                    # CJM108
  pains: [Wasted time]
  gains: [A vacuum that lasts]
```

## Fix

Fill the quadrant from your interview notes or observation. If your team's empathy maps do
not use pains and gains, set the rule's `quadrants` option to `[says, thinks, does, feels]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context, Option
from cjmap.model import EmpathyMap

CODE = "CJM108"
NAME = "empathy-quadrant-empty"
SEVERITY = Severity.error
SUMMARY = "An empathy map with an empty says/thinks/does/feels (or pains/gains) quadrant."
QUADRANTS = ("says", "thinks", "does", "feels", "pains", "gains")


def _quadrants(value: object) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list"
    wrong = [v for v in value if v not in QUADRANTS]
    if wrong:
        return f"has unknown quadrants {wrong}; known: {', '.join(QUADRANTS)}"
    return None


OPTIONS = {
    "quadrants": Option(list(QUADRANTS), list, "The quadrants that must not be empty.", _quadrants)
}

WHAT = {
    "says": "what the persona says",
    "thinks": "what the persona thinks",
    "does": "what the persona does",
    "feels": "what the persona feels",
    "pains": "the persona's pains",
    "gains": "the persona's gains",
}


def check(ctx: Context) -> Iterator[Diagnostic]:
    doc = ctx.doc
    if not isinstance(doc, EmpathyMap):
        return
    filled = [q for q in QUADRANTS if getattr(doc.empathy, q)]
    if not filled:
        return
    for quadrant in QUADRANTS:
        if quadrant in ctx.options["quadrants"] and not getattr(doc.empathy, quadrant):
            written = ctx.has_key(("empathy", quadrant))
            yield ctx.at(
                ("empathy", quadrant) if written else ("empathy",),
                f"the `{quadrant}` quadrant is empty: nothing on {WHAT[quadrant]}",
                f"fill `{quadrant}:` from the research notes",
                key=True,
            )
