"""An opportunity without an `impact` or an `effort` score.

## What it flags

An opportunity, in a current-state or a future-state map, that has no `impact`, no `effort`,
or neither; the finding says which is missing. Both kinds of map are checked: opportunities
are found in the current-state map and planned in the future-state map, and the
prioritisation matrix compares them all, whichever map they come from.

## Why it matters

`impact` (the value for the customer and the business, 1 to 5) and `effort` (the work it
takes, 1 to 5) place an opportunity on the prioritisation matrix: quick wins first, big bets
planned, the rest parked. An opportunity without both scores is left off the matrix, so it is
neither chosen nor dropped but forgotten. The rule is only informational: scoring comes after
the research, and a map in progress may leave it for later.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Research
    pain_points:
      - id: too-much-content
        text: Too much content to sift through
    opportunities:
      - id: comparison-chart             # CJM131: no effort
        text: Comparison chart against competitors
        addresses: [too-much-content]
        impact: 4
      - id: chatbot                      # CJM131: no impact and no effort
        text: A chatbot for quick answers
        addresses: [too-much-content]
```

## Fix

Score each opportunity with the team: `impact:` from 1 (little) to 5 (a lot) and `effort:`
from 1 (a day or two) to 5 (months). A rough score is enough to sort ideas; refine it when
the estimate is known. If your team prioritises elsewhere, turn the rule off with
`ignore: [opportunity-unscored]` in the configuration's `lint` section.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.text import echo

CODE = "CJM131"
NAME = "opportunity-unscored"
SEVERITY = Severity.info
SUMMARY = "An opportunity without an `impact` or an `effort` score (1 to 5)."

IMPACT = "`impact:` from 1 (little) to 5 (a lot)"
EFFORT = "`effort:` from 1 (a day or two) to 5 (months)"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for s, stage in ctx.stages():
        for o, opp in enumerate(stage.opportunities):
            no_impact, no_effort = opp.impact is None, opp.effort is None
            if not (no_impact or no_effort):
                continue
            label = echo(opp.id) if opp.id else echo(opp.text, 40)
            if no_impact and no_effort:
                missing, hint = "no impact and no effort", f"add {IMPACT} and {EFFORT}"
            elif no_impact:
                missing, hint = "no impact", f"add {IMPACT}"
            else:
                missing, hint = "no effort", f"add {EFFORT}"
            yield ctx.at(
                ("stages", s, "opportunities", o),
                f"opportunity {label} has {missing}, so the prioritisation matrix leaves it out",
                hint,
            )
