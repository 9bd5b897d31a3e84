"""The rules reference, generated from the registry: docs/rules.md, ``cjmap rules``, SARIF help.

``python -m cjmap.docgen`` (the one entry point for generated docs) writes docs/rules.md from
:func:`rules_markdown`; a test fails when the committed page differs.
"""

from __future__ import annotations

import json

from cjmap.lint.registry import RULES
from cjmap.lint.rule import SECTIONS, Rule
from cjmap.load.codes import LOADER_CODES

HEADER = """\
# Lint rules

<!-- Generated from the rule modules in src/cjmap/lint/rules/ by `python -m cjmap.docgen`.
     Do not edit by hand: a test fails when this page is stale. -->

`cjmap validate` checks every map in two passes. The **format checks** (CJM0xx) come first:
YAML syntax, the format's keys and types, ids and references. They are always errors and
cannot be disabled. A map that passes them is then **linted**: the rules below look for the
gaps that make a valid map useless.

Each rule has a default severity. `error` fails the run (exit code 1); `warning` fails it
only with `--strict`; `info` never does. Rules, severities and options are set in
`.cjmap.yaml` or `[tool.cjmap]` in `pyproject.toml` (see [configuration.md](configuration.md));
one finding is silenced with a `# cjmap: disable=CODE` comment on its line. `cjmap rules`
lists the rules, `cjmap rules CODE` prints one of them.
"""


def _options_table(rule: Rule) -> str:
    if not rule.options:
        return ""
    rows = ["| Option | Default | Meaning |", "|---|---|---|"]
    for name, option in rule.options.items():
        default = json.dumps(option.default, ensure_ascii=False)
        rows.append(f"| `{name}` | `{default}` | {option.help} |")
    return "\n".join(rows)


def rule_markdown(rule: Rule, *, level: int = 2) -> str:
    """A rule's documentation as Markdown, its sections at heading ``level + 1``."""
    hashes = "#" * (level + 1)
    parts = [f"{rule.summary}", f"Default severity: **{rule.severity.value}**."]
    options = _options_table(rule)
    for title in SECTIONS:
        parts.append(f"{hashes} {title}\n\n{rule.section(title)}")
    if options:
        parts.append(
            f"{hashes} Options\n\nSet under `lint.rules.{rule.name}` in the configuration.\n\n{options}"
        )
    return "\n\n".join(parts)


def rule_text(rule: Rule) -> str:
    """A rule's documentation as plain text, for a terminal and for SARIF's ``help.text``."""
    parts = [f"{rule.code} {rule.name} (default severity: {rule.severity.value})", rule.summary]
    for title in SECTIONS:
        body = rule.section(title).replace("```yaml\n", "").replace("\n```", "").replace("```", "")
        parts.append(
            f"{title}:\n" + "\n".join(f"  {line}" if line else "" for line in body.splitlines())
        )
    if rule.options:
        lines = [f"Options (under lint.rules.{rule.name}):"]
        for name, option in rule.options.items():
            lines.append(
                f"  {name} (default {json.dumps(option.default, ensure_ascii=False)}): {option.help}"
            )
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _anchor(rule: Rule) -> str:
    return f"{rule.code.lower()}-{rule.name}"


def rules_markdown() -> str:
    """The whole of docs/rules.md."""
    out = [HEADER]
    out.append("## Rules\n")
    out.append("| Code | Name | Severity | Flags |")
    out.append("|---|---|---|---|")
    for rule in RULES:
        out.append(
            f"| [{rule.code}](#{_anchor(rule)}) | `{rule.name}` | {rule.severity.value} | {rule.summary} |"
        )
    out.append("\n## Format checks\n")
    out.append("Always on, always errors; a map with any of them is not linted.\n")
    out.append("| Code | Name | Flags |")
    out.append("|---|---|---|")
    for code, (name, summary) in sorted(LOADER_CODES.items()):
        out.append(f"| {code} | `{name}` | {summary} |")
    for rule in RULES:
        out.append(f"\n## {rule.code} {rule.name}\n")
        out.append(rule_markdown(rule, level=2))
    return "\n".join(out).rstrip("\n") + "\n"
