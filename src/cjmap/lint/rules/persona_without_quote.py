"""A persona without a quote in their own words.

## What it flags

A persona with no `quote`.

## Why it matters

A real sentence from a real customer ("I don't have time to read twenty reviews") is what
makes a persona stick in a meeting. It is also a cheap check that the persona comes from
talking to people: if nobody can supply a quote, maybe nobody asked.

## Example

```yaml
cjmap: 1
kind: empathy
title: Colleen choosing a vacuum
persona:                               # CJM121: no quote
  name: Curious Colleen
  goals: [Find a vacuum that lasts]
  needs: [Quick, trustworthy comparisons]
empathy:
  says: ["I don't have time for this"]
```

## Fix

Add `quote:` with something a customer of this type said in an interview, a survey answer
or a support ticket, in their words.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM121"
NAME = "persona-without-quote"
SEVERITY = Severity.info
SUMMARY = "A persona without a quote in their own words."
TARGET = "persona"


def check(ctx: Context) -> Iterator[Diagnostic]:
    persona = ctx.persona
    if not (persona.quote or "").strip():
        yield ctx.persona_at(
            ("quote",),
            f"persona {echo(persona.name)} has no quote",
            "add `quote:` with something a real customer of this type said",
            key=True,
        )
