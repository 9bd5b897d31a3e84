"""A map's health score, 0 to 100: how far a map is from being one a team can act on.

The score starts at 100 and loses points for three things, each capped so that no one of them
alone can hide the others:

============ ============================================================ =======
part         points taken off                                             at most
============ ============================================================ =======
findings     10 per warning, 2 per info (lint findings after the          40 + 10
             project's configuration; stale-review is counted under
             *review* instead)
review       20 when rule CJM106 stale-review reports the map (never      20
             reviewed, or not within ``review_every`` days)
completeness 30 x the share of empty parts: for stages, feeling, customer 30
             actions, touchpoints and (current state) pain points; for
             moments, feeling and thoughts; for an empathy map, its six
             quadrants; and one more part, the persona
============ ============================================================ =======

A map with errors scores 0: it cannot be rendered, so nobody can read it.

The formula is shown on the site (overview page, from this module's constants) and in
docs/portfolio.md; this module is its single source.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.model import CurrentStateMap, DayInTheLifeMap, EmpathyMap, FutureStateMap
from cjmap.model.journey import AnyMap

STALE_REVIEW = "CJM106"
PER_WARNING = 10
MAX_WARNINGS = 40
PER_INFO = 2
MAX_INFOS = 10
REVIEW = 20
COMPLETENESS = 30


@dataclass(frozen=True)
class Health:
    score: int
    parts: dict[str, int]
    """Points taken off by part: ``warnings``, ``infos``, ``review``, ``completeness``."""


def health(findings: list[Diagnostic], filled: float | None) -> Health:
    """The score of a map and where its points went; ``filled`` is its :func:`completeness`
    (None: the map did not load)."""
    if filled is None or any(d.severity is Severity.error for d in findings):
        return Health(0, {"errors": 100})
    warnings = sum(1 for d in findings if d.severity is Severity.warning and d.code != STALE_REVIEW)
    infos = sum(1 for d in findings if d.severity is Severity.info and d.code != STALE_REVIEW)
    parts = {
        "warnings": min(MAX_WARNINGS, PER_WARNING * warnings),
        "infos": min(MAX_INFOS, PER_INFO * infos),
        "review": REVIEW if any(d.code == STALE_REVIEW for d in findings) else 0,
        "completeness": round(COMPLETENESS * (1 - filled)),
    }
    return Health(max(0, 100 - sum(parts.values())), parts)


def completeness(doc: AnyMap) -> float:
    """The share (0 to 1) of the parts a map of its kind should fill that are filled."""
    filled: list[bool] = [doc.persona is not None]
    if isinstance(doc, CurrentStateMap | FutureStateMap):
        current = isinstance(doc, CurrentStateMap)
        for stage in doc.stages:
            filled += [
                stage.feeling is not None,
                bool(stage.actions),
                bool(stage.touchpoints),
            ]
            if current:
                filled.append(bool(stage.pain_points))
    elif isinstance(doc, DayInTheLifeMap):
        for moment in doc.moments:
            filled += [moment.feeling is not None, bool(moment.thoughts)]
    elif isinstance(doc, EmpathyMap):
        quads = doc.empathy
        filled += [
            bool(quads.says),
            bool(quads.thinks),
            bool(quads.does),
            bool(quads.feels),
            bool(quads.pains),
            bool(quads.gains),
        ]
    return sum(filled) / len(filled)
