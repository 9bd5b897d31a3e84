"""Run the enabled rules over one loaded map and apply the map's suppression comments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cjmap.diagnostics import Diagnostic, has_errors
from cjmap.lint import suppress
from cjmap.lint.registry import SUPPRESSION, Rule, resolve
from cjmap.lint.rule import Context
from cjmap.lint.settings import LintSettings, settings_from
from cjmap.load.loader import LoadedMap


def lint_map(
    loaded: LoadedMap, settings: LintSettings | None = None, today: dt.date | None = None
) -> list[Diagnostic]:
    """The lint findings of one map, suppressions applied, sorted.

    Maps with errors (syntax, schema, references) are not linted: their findings would rest on
    a map that is not what its author meant. A persona file checked on its own gets the persona
    rules only.
    """
    if has_errors(loaded.diagnostics) or (loaded.doc is None and loaded.persona is None):
        return []
    settings = settings if settings is not None else settings_from()
    today = today if today is not None else dt.date.today()
    tables = {
        source.file: suppress.parse(source.text)
        for source in (loaded.source, loaded.persona_source)
        if source is not None
    }
    findings: list[Diagnostic] = []
    suppression_rule: Rule | None = None
    for rule in settings.rules():
        if rule.code == SUPPRESSION:
            suppression_rule = rule
            continue
        if not _applies(rule, loaded):
            continue
        findings += _run(rule, _context(loaded, rule, settings, today))
    kept = _unsuppressed(findings, tables)
    if suppression_rule is not None:
        ctx = _context(loaded, suppression_rule, settings, today)
        ctx.suppressions = tables
        ctx.enabled = settings.enabled
        ctx.resolve = resolve
        kept += _unsuppressed(_run(suppression_rule, ctx), tables)
    return sorted(set(kept), key=Diagnostic.sort_key)


def _applies(rule: Rule, loaded: LoadedMap) -> bool:
    if rule.target == "persona":
        return loaded.persona is not None
    if rule.target == "any":
        return True
    return loaded.doc is not None


def _context(loaded: LoadedMap, rule: Rule, settings: LintSettings, today: dt.date) -> Context:
    return Context(
        loaded=loaded,
        today=today,
        rule=rule,
        severity=settings.severity_of(rule),
        options=settings.options_of(rule),
    )


def _run(rule: Rule, ctx: Context) -> list[Diagnostic]:
    return list(rule.check(ctx))


def _unsuppressed(
    findings: Iterable[Diagnostic], tables: dict[str, suppress.Suppressions]
) -> list[Diagnostic]:
    kept = []
    for d in findings:
        table = tables.get(d.file)
        if table is not None and table.find(d.line, d.code, d.rule) is not None:
            continue
        kept.append(d)
    return kept
