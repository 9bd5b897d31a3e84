"""A `# cjmap:` comment that names no known rule, cannot be read, or suppresses nothing.

## What it flags

- a `# cjmap:` comment that is not `disable=...` or `disable-file=...`;
- a rule code or name in it that does not exist (a typo such as `CJM1O1`);
- a rule of the format checks (CJM0xx), which cannot be disabled;
- a suppression that no longer suppresses anything (the finding was fixed, or moved to
  another line), when the rule it names is enabled.

## Why it matters

A suppression is a decision written next to the text it concerns. A misspelt one silently
fails to suppress, and a stale one hides the next real finding on that line. Keeping them
exact keeps them honest.

## Example

```yaml
cjmap: 1
kind: empathy
title: Colleen choosing a vacuum   # cjmap: disable=CJM999
empathy:
  says: ["I don't have time for this"]
```

## Fix

Correct the code or name (`cjmap rules` lists them), or delete the comment if it is no
longer needed.
"""

from __future__ import annotations

from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.load.codes import LOADER_CODES
from cjmap.text import echo

CODE = "CJM100"
NAME = "bad-suppression"
SEVERITY = Severity.warning
SUMMARY = "A `# cjmap:` comment that is malformed, names an unknown rule, or suppresses nothing."


def check(ctx: Context) -> Iterator[Diagnostic]:
    resolve = ctx.resolve
    for file, table in ctx.suppressions.items():
        for directive in table.directives:
            where = (directive.line, directive.column)
            if directive.problem:
                yield _at(
                    ctx,
                    file,
                    where,
                    f"cannot read this cjmap comment: {directive.problem}",
                    "write `# cjmap: disable=CODE` or `# cjmap: disable-file=CODE`",
                )
                continue
            unknown = []
            for name in directive.names:
                if name.lower() == "all":
                    continue
                if name.upper() in LOADER_CODES:
                    yield _at(
                        ctx,
                        file,
                        where,
                        f"{name.upper()} is a format check and cannot be disabled",
                        "fix the map instead",
                    )
                    continue
                if resolve(name) is None:
                    unknown.append(name)
            for name in unknown:
                yield _at(
                    ctx,
                    file,
                    where,
                    f"unknown rule {echo(name)} in a cjmap comment",
                    "`cjmap rules` lists every rule code and name",
                )
            if unknown or directive.used:
                continue
            named = [resolve(n) for n in directive.names if n.lower() != "all"]
            if any(rule is not None and rule.code in ctx.enabled for rule in named) or (
                any(n.lower() == "all" for n in directive.names)
            ):
                scope = (
                    "this file" if directive.applies_to is None else f"line {directive.applies_to}"
                )
                yield _at(
                    ctx,
                    file,
                    where,
                    f"this comment suppresses nothing on {scope}",
                    "delete it, or move it to the line of the finding",
                )


def _at(ctx: Context, file: str, where: tuple[int, int], message: str, hint: str) -> Diagnostic:
    return Diagnostic(file, where[0], where[1], ctx.severity, CODE, NAME, message, hint)
