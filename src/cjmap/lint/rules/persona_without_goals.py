"""A persona with no goals or no needs.

## What it flags

A persona (inline in a map, or in its own file) whose `goals` or `needs` list is empty or
missing. Each missing list is one finding.

## Why it matters

A journey map is read against what the customer is trying to achieve. Without goals there is
nothing to judge a stage by ("does this help her get there?"), and without needs there is
nothing to design for. "Forgetting the customer's needs" is one of the best-known mistakes in
journey mapping.

## Example

```yaml
cjmap: 1
kind: empathy
title: Colleen choosing a vacuum
persona:
  name: Curious Colleen
  needs: [Quick, trustworthy comparisons]     # CJM104: no goals
empathy:
  says: ["I don't have time for this"]
```

## Fix

Write the persona's goals (what they want to achieve) and needs (what they need along the
way), from research rather than from guesses.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM104"
NAME = "persona-without-goals"
SEVERITY = Severity.error
SUMMARY = "A persona with no goals or no needs."
TARGET = "persona"


def check(ctx: Context) -> Iterator[Diagnostic]:
    persona = ctx.persona
    for field, what in (("goals", "goals (what they want to achieve)"), ("needs", "needs")):
        if not getattr(persona, field):
            yield ctx.persona_at(
                (field,),
                f"persona {echo(persona.name)} has no {what}",
                f"add `{field}:` with at least one item",
                key=True,
            )
