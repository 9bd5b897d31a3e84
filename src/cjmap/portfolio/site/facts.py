"""What the site knows about each map, as plain data: gathered once from the loaded map and its
findings, then read by every page (index, map, persona, actions, opportunities, overview).

Nothing here renders or writes; :mod:`cjmap.portfolio.site.collect` builds these records and
:mod:`cjmap.portfolio.site.pages` turns them into pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.load.loader import LoadedMap


@dataclass(frozen=True, slots=True)
class StageFact:
    """One stage (or day-in-the-life moment) on the heat map."""

    name: str
    score: int | None
    label: str | None


@dataclass(frozen=True, slots=True)
class PainFact:
    id: str | None
    text: str
    stage: str
    addressed: bool


@dataclass(frozen=True, slots=True)
class OpportunityFact:
    id: str | None
    text: str
    stage: str
    impact: int | None
    effort: int | None
    actions: int
    open_actions: int

    @property
    def scored(self) -> bool:
        return self.impact is not None and self.effort is not None


@dataclass
class MapEntry:
    """One map of the portfolio: where it is, what it says, and what the checks found."""

    file: str
    """The path as cjmap reports it (relative to the current folder, forward slashes)."""
    slug: str
    """The map's name in the site: ``maps/<slug>.html``."""
    loaded: LoadedMap
    findings: list[Diagnostic] = field(default_factory=list)
    """Every diagnostic of the map file (load problems and lint findings), sorted."""
    persona_slug: str | None = None
    persona_name: str | None = None
    compares_slug: str | None = None
    compared_by: list[str] = field(default_factory=list)
    """Slugs of the future-state maps whose ``compares`` names this map."""
    stages: list[StageFact] = field(default_factory=list)
    pains: list[PainFact] = field(default_factory=list)
    opportunities: list[OpportunityFact] = field(default_factory=list)
    open_actions: int = 0
    overdue_actions: int = 0
    review_overdue: bool = False
    """Lint rule CJM106 stale-review found the map not reviewed in time (or never)."""
    health: int = 0
    health_parts: dict[str, int] = field(default_factory=dict)
    """Points taken off, by reason (see :mod:`cjmap.portfolio.site.health`)."""
    pdf: bool = False
    render_problem: str | None = None
    """Why rendering the map failed (a limit, a missing font...); None when it rendered."""

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.findings if d.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.error)

    @property
    def warnings(self) -> int:
        return self.count(Severity.warning)

    @property
    def has_page(self) -> bool:
        """Maps with errors are listed with their errors and get no page (as `cjmap render`
        refuses a map `cjmap validate` fails, the site does not show one half-right)."""
        return self.loaded.doc is not None and self.errors == 0

    @property
    def title(self) -> str:
        return self.loaded.doc.title if self.loaded.doc is not None else self.file

    @property
    def kind(self) -> str | None:
        return self.loaded.doc.kind if self.loaded.doc is not None else None

    @property
    def lang(self) -> str | None:
        return self.loaded.doc.lang if self.loaded.doc is not None else None

    @property
    def owner(self) -> str | None:
        return self.loaded.doc.owner if self.loaded.doc is not None else None

    @property
    def tags(self) -> list[str]:
        return list(self.loaded.doc.tags) if self.loaded.doc is not None else []

    @property
    def reviewed(self) -> dt.date | None:
        return self.loaded.doc.reviewed if self.loaded.doc is not None else None

    @property
    def review_due(self) -> dt.date | None:
        doc = self.loaded.doc
        if doc is None or doc.reviewed is None:
            return None
        return doc.reviewed + dt.timedelta(days=doc.review_every)


@dataclass
class PersonaEntry:
    """A persona (a file several maps share, or one written inline in a map) and its maps."""

    slug: str
    name: str
    file: str | None
    """The persona file, or None for a persona written inline in a map."""
    loaded_from: LoadedMap
    """A map that uses the persona (its ``persona`` and ``persona_source``)."""
    maps: list[str] = field(default_factory=list)
    """Slugs of the maps that use it."""
