"""``cjmap rules``: list the lint rules, or print one rule's documentation."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cjmap.cli.core import EXIT_OK, EXIT_USAGE, app


@app.command()
def rules(
    rule: Annotated[
        str | None,
        typer.Argument(
            help="A rule code or name (CJM102, pain-point-without-opportunity).", show_default=False
        ),
    ] = None,
) -> None:
    """List the lint rules (code, name, default severity, what it flags), or print one rule's
    documentation: what it flags, why it matters, an example, how to fix it, its options.
    """
    from cjmap.lint.registry import RULES, resolve

    out = sys.stdout
    if rule is None:
        width = max(len(r.name) for r in RULES)
        for r in RULES:
            out.write(f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}\n")
        out.write(
            "\n`cjmap rules CODE` prints a rule's documentation; docs/rules.md has them all.\n"
        )
        raise typer.Exit(EXIT_OK)
    found = resolve(rule)
    if found is None:
        from cjmap.load.codes import LOADER_CODES
        from cjmap.text import echo

        if rule.upper() in LOADER_CODES:
            name, summary = LOADER_CODES[rule.upper()]
            out.write(f"{rule.upper()} {name} (format check, always an error)\n\n{summary}\n")
            raise typer.Exit(EXIT_OK)
        import difflib

        names = [r.code for r in RULES] + [r.name for r in RULES]
        close = difflib.get_close_matches(rule, names, n=1, cutoff=0.6)
        guess = f" (did you mean '{close[0]}'?)" if close else ""
        print(f"cjmap: unknown rule {echo(rule)}{guess}; `cjmap rules` lists them", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE)
    from cjmap.lint.docs import rule_text

    out.write(rule_text(found) + "\n")
    raise typer.Exit(EXIT_OK)
