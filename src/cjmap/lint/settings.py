"""The ``lint`` section of the configuration: which rules run, at what severity, with what options.

.. code-block:: yaml

    lint:
      select: [all]              # rules to run, by code or name (default: all)
      ignore: [CJM112]           # rules not to run
      rules:
        stale-review:            # a rule by code or name
          severity: error        # error | warning | info
          review_every: 60       # the rule's options (see `cjmap rules CODE`)

Every rule reference is checked: an unknown code or name, an unknown option or a value of the
wrong type is a located error, never silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.registry import RULES, Rule, resolve
from cjmap.load.config import DEFAULT, ConfigError, ConfigFile
from cjmap.load.yamlsource import Path_
from cjmap.text import did_you_mean, echo

KEYS = ("select", "ignore", "rules")
SEVERITIES = tuple(s.value for s in Severity)


class UsageError(Exception):
    """A rule named on the command line does not exist."""


@dataclass(frozen=True)
class LintSettings:
    """The rules to run for one project, each with its severity and options."""

    enabled: frozenset[str]
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    source: str = "<defaults>"

    def rules(self) -> list[Rule]:
        return [r for r in RULES if r.code in self.enabled]

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.code, rule.severity)

    def options_of(self, rule: Rule) -> dict[str, Any]:
        given = self.options.get(rule.code, {})
        return {name: given.get(name, option.default) for name, option in rule.options.items()}


def settings_from(
    config: ConfigFile = DEFAULT,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> LintSettings:
    """Check the ``lint`` section of ``config`` and apply ``--select``/``--ignore`` on top.

    Raises ``ConfigError`` (located) for a bad file and ``UsageError`` for a bad command line.
    """
    section = config.data.get("lint") or {}
    problems: list[Diagnostic] = []
    for key in section:
        if key not in KEYS:
            problems.append(
                config.error(
                    ("lint", key),
                    f"unknown key {echo(key)} in `lint`{did_you_mean(str(key), KEYS)}",
                    "known keys: " + ", ".join(KEYS),
                )
            )
    enabled = _selection(
        config, section.get("select"), ("lint", "select"), problems, default_all=True
    )
    ignored = _selection(
        config, section.get("ignore"), ("lint", "ignore"), problems, default_all=False
    )
    severity, options = _rules(config, section.get("rules"), problems)
    if problems:
        raise ConfigError(problems)
    if select is not None:  # the command line's selection replaces the configured one
        enabled = _cli_selection(select, "--select")
        ignored = set()
    if ignore is not None:
        ignored |= _cli_selection(ignore, "--ignore")
    return LintSettings(
        enabled=frozenset(enabled - ignored), severity=severity, options=options, source=config.file
    )


def _selection(
    config: ConfigFile, value: Any, path: Path_, problems: list[Diagnostic], *, default_all: bool
) -> set[str]:
    if value is None:
        return {r.code for r in RULES} if default_all else set()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.append(
            config.error(
                path,
                f"`{path[-1]}` must be a list of rule codes or names",
                "e.g. [CJM101, stale-review]",
            )
        )
        return set()
    codes: set[str] = set()
    for index, item in enumerate(value):
        if isinstance(item, str) and item.strip().lower() == "all":
            codes |= {r.code for r in RULES}
            continue
        rule = resolve(item) if isinstance(item, str) else None
        if rule is None:
            problems.append(_unknown_rule(config, (*path, index), item))
        else:
            codes.add(rule.code)
    return codes


def _cli_selection(values: Iterable[str], flag: str) -> set[str]:
    codes: set[str] = set()
    for value in values:
        for item in value.split(","):
            item = item.strip()
            if not item:
                continue
            if item.lower() == "all":
                codes |= {r.code for r in RULES}
                continue
            rule = resolve(item)
            if rule is None:
                raise UsageError(
                    f"{flag}: unknown rule {echo(item)}{_rule_guess(item)}; `cjmap rules` lists them"
                )
            codes.add(rule.code)
    return codes


def _rules(
    config: ConfigFile, value: Any, problems: list[Diagnostic]
) -> tuple[dict[str, Severity], dict[str, dict[str, Any]]]:
    severity: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    if value is None:
        return severity, options
    if not isinstance(value, dict):
        problems.append(
            config.error(
                ("lint", "rules"), "`rules` must be a mapping of rule code or name to settings"
            )
        )
        return severity, options
    for ref, settings in value.items():
        path: Path_ = ("lint", "rules", ref)
        rule = resolve(ref) if isinstance(ref, str) else None
        if rule is None:
            problems.append(_unknown_rule(config, path, ref))
            continue
        if rule.code in options:
            problems.append(config.error(path, f"{rule.code} ({rule.name}) is configured twice"))
            continue
        if settings is None:
            settings = {}
        if not isinstance(settings, dict):
            problems.append(
                config.error(
                    path, f"settings of {rule.code} must be a mapping", "e.g. {severity: error}"
                )
            )
            continue
        options[rule.code] = {}
        for key, given in settings.items():
            at: Path_ = (*path, key)
            if key == "severity":
                if given not in SEVERITIES:
                    problems.append(
                        config.error(
                            at,
                            f"severity {echo(given)} is not one of {', '.join(SEVERITIES)}",
                            value=True,
                        )
                    )
                else:
                    severity[rule.code] = Severity(given)
                continue
            option = rule.options.get(key)
            if option is None:
                known = ["severity", *rule.options]
                problems.append(
                    config.error(
                        at,
                        f"{rule.code} ({rule.name}) has no option {echo(key)}{did_you_mean(str(key), known)}",
                        "its settings: " + ", ".join(known),
                    )
                )
                continue
            problem = option.problem(given)
            if problem:
                problems.append(
                    config.error(
                        at, f"{rule.code} option `{key}` {problem}", option.help, value=True
                    )
                )
                continue
            options[rule.code][key] = given
    return severity, options


def _unknown_rule(config: ConfigFile, path: Path_, ref: Any) -> Diagnostic:
    return config.error(
        path,
        f"unknown rule {echo(ref)}{_rule_guess(str(ref))}",
        "`cjmap rules` lists every rule code and name",
        value=isinstance(path[-1], int),
    )


def _rule_guess(ref: str) -> str:
    # Codes are often mistyped with a letter for a digit: CJM1O1, CJMl01.
    fixed = ref.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if fixed.startswith("CJ") and resolve("CJM" + fixed[3:]) is not None:
        return f" (did you mean '{'CJM' + fixed[3:]}'?)"
    names = [r.code for r in RULES] + [r.name for r in RULES]
    return did_you_mean(ref, names)
