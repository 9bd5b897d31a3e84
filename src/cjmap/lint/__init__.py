"""The linter: rules that catch the gaps that make a schema-valid map useless.

Library use::

    from cjmap.lint import lint_map, settings_from
    findings = lint_map(load_map(path), settings_from(), today=date(2026, 11, 25))

Rules live one per module in ``cjmap.lint.rules`` and are listed in ``cjmap.lint.registry``.
"""

from cjmap.lint.engine import lint_map
from cjmap.lint.registry import RULES, resolve
from cjmap.lint.settings import LintSettings, UsageError, settings_from

__all__ = ["RULES", "LintSettings", "UsageError", "lint_map", "resolve", "settings_from"]
