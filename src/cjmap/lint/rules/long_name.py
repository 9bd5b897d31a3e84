"""A name or title longer than `max_length` characters (default 80).

## What it flags

A map `title`, a persona `name`, or the `name` of a stage, touchpoint or metric that is longer
than `max_length` characters.

## Why it matters

Names are the labels of the map: the column heads of the grid, the chips on a touchpoint, the
title on the cover. A label of three sentences does not fit its column, pushes the grid onto
another page, and buries what the stage is about. On the rendered map, a stage name is cut
after 160 characters in the grid's heading, so that the heading still fits on a page.

## Example

```yaml
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Research, where the customer reads reviews, compares three models and asks friends  # CJM130
```

## Fix

Keep the name to a few words ("Research") and move the rest to the stage's `description`, the
touchpoint's `note` or the persona's `profile`. If your team writes longer labels on purpose,
raise this rule's `max_length` option.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context, Option
from cjmap.text import echo

CODE = "CJM130"
NAME = "long-name"
SEVERITY = Severity.warning
SUMMARY = "A name or title longer than `max_length` characters (default 80)."
OPTIONS = {
    "max_length": Option(
        80,
        int,
        "The longest name or title, in characters.",
        lambda v: (
            None if isinstance(v, int) and 10 <= v <= 10_000 else "must be between 10 and 10000"
        ),
    )
}

HINT = "keep the name to a few words and move the rest into a description"


def check(ctx: Context) -> Iterator[Diagnostic]:
    limit: int = ctx.options["max_length"]

    def too_long(what: str, text: str) -> str | None:
        if len(text) <= limit:
            return None
        return f"{what} {echo(text)} is {len(text)} characters long (at most {limit})"

    if message := too_long("the title", ctx.doc.title):
        yield ctx.at(("title",), message, HINT)
    for s, stage in ctx.stages():
        if message := too_long("stage", stage.name):
            yield ctx.at(("stages", s, "name"), message, HINT)
        for t, touchpoint in enumerate(stage.touchpoints):
            if message := too_long("touchpoint", touchpoint.name):
                yield ctx.at(("stages", s, "touchpoints", t, "name"), message, HINT)
        for m, metric in enumerate(stage.metrics):
            if message := too_long("metric", metric.name):
                yield ctx.at(("stages", s, "metrics", m, "name"), message, HINT)
    persona = ctx.loaded.persona
    if persona is not None and (message := too_long("persona", persona.name)):
        yield ctx.persona_at(("name",), message, HINT)
