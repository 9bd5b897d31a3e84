"""The rules cjmap knows, in code order. Adding a rule is adding its module to ``MODULES``."""

from __future__ import annotations

from cjmap.lint.rule import Rule
from cjmap.lint.rules import (
    action_overdue,
    action_without_due,
    bad_suppression,
    day_without_opportunity,
    duplicate_touchpoint,
    empathy_quadrant_empty,
    empty_map,
    future_not_better,
    future_without_current,
    hidden_characters,
    language_mismatch,
    long_name,
    map_without_owner,
    map_without_persona,
    metric_without_target,
    moment_of_truth_without_metric,
    moments_out_of_order,
    no_moment_of_truth,
    opportunity_addresses_nothing,
    opportunity_unscored,
    opportunity_without_owner,
    pain_point_without_opportunity,
    persona_without_goals,
    persona_without_quote,
    persona_without_research,
    review_date_in_future,
    stage_without_actions,
    stage_without_feeling,
    stage_without_owner,
    stage_without_touchpoints,
    stale_review,
    too_few_stages,
)

MODULES = (
    bad_suppression,
    stage_without_touchpoints,
    pain_point_without_opportunity,
    opportunity_without_owner,
    persona_without_goals,
    persona_without_research,
    stale_review,
    too_few_stages,
    empathy_quadrant_empty,
    stage_without_feeling,
    moments_out_of_order,
    future_without_current,
    no_moment_of_truth,
    action_overdue,
    future_not_better,
    language_mismatch,
    opportunity_addresses_nothing,
    action_without_due,
    duplicate_touchpoint,
    metric_without_target,
    stage_without_actions,
    persona_without_quote,
    map_without_owner,
    stage_without_owner,
    hidden_characters,
    empty_map,
    moment_of_truth_without_metric,
    review_date_in_future,
    map_without_persona,
    day_without_opportunity,
    long_name,
    opportunity_unscored,
)


def _build() -> tuple[Rule, ...]:
    rules = tuple(Rule.from_module(m) for m in MODULES)
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    if len(set(codes)) != len(codes) or len(set(names)) != len(names):
        raise ValueError("two rules share a code or a name")
    if codes != sorted(codes):
        raise ValueError("MODULES must be in code order")
    return rules


RULES: tuple[Rule, ...] = _build()
BY_CODE = {r.code: r for r in RULES}
BY_NAME = {r.name: r for r in RULES}

SUPPRESSION = bad_suppression.CODE


def resolve(ref: str) -> Rule | None:
    """The rule a config entry, a comment or a command-line flag names: by code or by name."""
    ref = ref.strip()
    return BY_CODE.get(ref.upper()) or BY_NAME.get(ref.lower())


__all__ = ["BY_CODE", "BY_NAME", "MODULES", "RULES", "Rule", "resolve"]
