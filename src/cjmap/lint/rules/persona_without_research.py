"""A persona with no research behind it.

## What it flags

A persona whose `sources` list is empty or missing.

## Why it matters

A persona built on guesses is a known failure: the map then describes the customer the team
imagines, not the one who buys. Naming the research (interviews, surveys, analytics, chatbot
logs, support tickets, observation) lets readers judge how far to trust the map, and tells the
next reviewer where to look when facts change.

## Example

```yaml
cjmap: 1
kind: empathy
title: Colleen choosing a vacuum
persona:                               # CJM105: no sources
  name: Curious Colleen
  goals: [Find a vacuum that lasts]
  needs: [Quick, trustworthy comparisons]
empathy:
  says: ["I don't have time for this"]
```

## Fix

Add `sources:`, one item per piece of research, each with a `kind` (`interview`, `survey`,
`analytics`, `chatbot-logs`, `support-tickets`, `observation`, `other`) and a `note` saying
what was done and when ("12 customer interviews, May 2026").
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM105"
NAME = "persona-without-research"
SEVERITY = Severity.warning
SUMMARY = "A persona with no research sources."
TARGET = "persona"


def check(ctx: Context) -> Iterator[Diagnostic]:
    persona = ctx.persona
    if not persona.sources:
        yield ctx.persona_at(
            ("sources",),
            f"persona {echo(persona.name)} has no research sources",
            "add `sources:` with the interviews, surveys or analytics behind it, "
            'e.g. `- {kind: interview, note: "12 customer interviews, May 2026"}`',
            key=True,
        )
