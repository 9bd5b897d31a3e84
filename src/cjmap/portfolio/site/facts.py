"""What the site knows about each map, as plain data: gathered once from the loaded map and its
findings, then read by every page (index, map, persona, actions, opportunities, overview).

The records hold no model objects, so a rebuild can keep them (as JSON, in the site's manifest)
for the maps that did not change instead of loading and linting those again
(:mod:`cjmap.portfolio.site.cache`). Nothing here renders or writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.load.loader import LoadedMap
from cjmap.model import Status
from cjmap.portfolio.actions import ActionRow


@dataclass(frozen=True, slots=True)
class StageFact:
    """One stage (or day-in-the-life moment) on the heat map."""

    name: str
    score: int | None
    label: str | None
    id: str | None = None
    """The stage's id (the render's anchor for it is ``stage-<number>``); None for a moment."""


@dataclass(slots=True)
class PainFact:
    id: str | None
    text: str
    stage: str
    addressed_here: bool
    """An opportunity of the same map addresses it."""
    resolved: bool = False
    """A future-state map that compares with this one resolves it (set when maps are linked)."""

    @property
    def addressed(self) -> bool:
        return self.addressed_here or self.resolved


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


@dataclass(frozen=True, slots=True)
class PersonaFact:
    """A persona as its page shows it."""

    name: str
    profile: str | None = None
    quote: str | None = None
    goals: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    frustrations: tuple[str, ...] = ()
    motivations: tuple[str, ...] = ()
    file: str | None = None
    """The persona file (as cjmap reports paths), None for a persona written inline."""
    path: str | None = None
    """The persona file's absolute path: what makes two maps' personas the same one."""


@dataclass
class MapEntry:
    """One map of the portfolio: where it is, what it says, and what the checks found."""

    file: str
    """The path as cjmap reports it (relative to the current folder, forward slashes)."""
    path: Path
    slug: str
    """The map's name in the site: ``maps/<slug>.html``."""
    loaded: LoadedMap | None = None
    """The loaded map when it was loaded in this build (None: its facts came from the cache)."""
    loads: bool = False
    """The map loaded without errors (it can be rendered)."""
    title: str = ""
    kind: str | None = None
    lang: str | None = None
    owner: str | None = None
    tags: list[str] = field(default_factory=list)
    reviewed: dt.date | None = None
    review_every: int = 90
    completeness: float = 0.0
    """The share of the parts of its kind the map fills (:func:`health.completeness`)."""
    persona: PersonaFact | None = None
    compares: str | None = None
    """The absolute path of the map named by ``compares``."""
    resolves: list[str] = field(default_factory=list)
    """Pain point ids of the compared map that this map's opportunities resolve."""
    findings: list[Diagnostic] = field(default_factory=list)
    """Every diagnostic of the map file and its persona file, sorted."""
    stages: list[StageFact] = field(default_factory=list)
    pains: list[PainFact] = field(default_factory=list)
    opportunities: list[OpportunityFact] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    deps: list[tuple[str, str]] = field(default_factory=list)
    """(absolute path, SHA-256 of its bytes) of every file the map was read from."""
    # Filled when the portfolio is linked:
    persona_slug: str | None = None
    compares_slug: str | None = None
    compared_by: list[str] = field(default_factory=list)
    """Slugs of the future-state maps whose ``compares`` names this map."""
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
        return self.loads and self.errors == 0

    @property
    def persona_name(self) -> str | None:
        return self.persona.name if self.persona is not None else None

    @property
    def open_actions(self) -> int:
        return sum(1 for r in self.actions if r.open)

    @property
    def overdue_actions(self) -> int:
        return sum(1 for r in self.actions if r.overdue)

    @property
    def review_due(self) -> dt.date | None:
        if self.reviewed is None:
            return None
        return self.reviewed + dt.timedelta(days=self.review_every)

    def to_json(self) -> dict[str, Any]:
        """The facts a rebuild may keep (what the pages read, not what linking fills in)."""
        return {
            "file": self.file,
            "loads": self.loads,
            "title": self.title,
            "kind": self.kind,
            "lang": self.lang,
            "owner": self.owner,
            "tags": self.tags,
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "review_every": self.review_every,
            "completeness": self.completeness,
            "persona": _persona_json(self.persona),
            "compares": self.compares,
            "resolves": self.resolves,
            "findings": [_diagnostic_json(d) for d in self.findings],
            "stages": [[s.name, s.score, s.label, s.id] for s in self.stages],
            "pains": [[p.id, p.text, p.stage, p.addressed_here] for p in self.pains],
            "opportunities": [
                [o.id, o.text, o.stage, o.impact, o.effort, o.actions, o.open_actions]
                for o in self.opportunities
            ],
            "actions": [_action_json(r) for r in self.actions],
            "deps": self.deps,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], path: Path, slug: str) -> MapEntry:
        """The entry :meth:`to_json` wrote; raises KeyError, TypeError or ValueError when the
        record is not one (the caller then loads the map instead). Every value is checked for
        its type: a damaged or crafted manifest must not reach the pages as anything else."""
        reviewed = _opt(data["reviewed"], str)
        return cls(
            file=_req(data["file"], str),
            path=path,
            slug=slug,
            loads=_req(data["loads"], bool),
            title=_req(data["title"], str),
            kind=_opt(data["kind"], str),
            lang=_opt(data["lang"], str),
            owner=_opt(data["owner"], str),
            tags=[_req(t, str) for t in data["tags"]],
            reviewed=dt.date.fromisoformat(reviewed) if reviewed else None,
            review_every=_req(data["review_every"], int),
            completeness=float(_req(data["completeness"], float)),
            persona=_persona_from(data["persona"]),
            compares=_opt(data["compares"], str),
            resolves=[_req(r, str) for r in data["resolves"]],
            findings=[_diagnostic_from(d) for d in data["findings"]],
            stages=[
                StageFact(_req(n, str), _opt(sc, int), _opt(lb, str), _opt(i, str))
                for n, sc, lb, i in data["stages"]
            ],
            pains=[
                PainFact(_opt(i, str), _req(t, str), _req(st, str), _req(a, bool))
                for i, t, st, a in data["pains"]
            ],
            opportunities=[
                OpportunityFact(
                    _opt(i, str),
                    _req(t, str),
                    _req(st, str),
                    _opt(im, int),
                    _opt(ef, int),
                    _req(n, int),
                    _req(o, int),
                )
                for i, t, st, im, ef, n, o in data["opportunities"]
            ],
            actions=[_action_from(r) for r in data["actions"]],
            deps=[(_req(p, str), _req(h, str)) for p, h in data["deps"]],
        )


def _req(value: Any, kind: type) -> Any:
    # The exact type (json.loads makes only these; a bool is not an int here); an int where a
    # float is wanted is fine (JSON may write 1.0 as 1).
    if type(value) is kind or (kind is float and type(value) is int):
        return value
    raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")


def _opt(value: Any, kind: type) -> Any:
    return None if value is None else _req(value, kind)


def _persona_json(persona: PersonaFact | None) -> dict[str, Any] | None:
    if persona is None:
        return None
    return {
        "name": persona.name,
        "profile": persona.profile,
        "quote": persona.quote,
        "goals": list(persona.goals),
        "needs": list(persona.needs),
        "frustrations": list(persona.frustrations),
        "motivations": list(persona.motivations),
        "file": persona.file,
        "path": persona.path,
    }


def _persona_from(data: dict[str, Any] | None) -> PersonaFact | None:
    if data is None:
        return None
    return PersonaFact(
        name=_req(data["name"], str),
        profile=_opt(data["profile"], str),
        quote=_opt(data["quote"], str),
        goals=tuple(_req(x, str) for x in data["goals"]),
        needs=tuple(_req(x, str) for x in data["needs"]),
        frustrations=tuple(_req(x, str) for x in data["frustrations"]),
        motivations=tuple(_req(x, str) for x in data["motivations"]),
        file=_opt(data["file"], str),
        path=_opt(data["path"], str),
    )


def _diagnostic_json(d: Diagnostic) -> list[Any]:
    return [d.file, d.line, d.column, d.severity.value, d.code, d.rule, d.message, d.hint]


def _diagnostic_from(data: list[Any]) -> Diagnostic:
    file, line, column, severity, code, rule, message, hint = data
    return Diagnostic(
        _req(file, str),
        _req(line, int),
        _req(column, int),
        Severity(severity),
        _req(code, str),
        _req(rule, str),
        _req(message, str),
        _opt(hint, str),
    )


def _action_json(r: ActionRow) -> list[Any]:
    due = r.due.isoformat() if r.due else None
    return [
        r.file,
        r.map_title,
        r.stage_id,
        r.stage_name,
        r.opportunity_id,
        r.opportunity_text,
        r.task,
        r.owner,
        r.status.value,
        due,
        r.overdue,
        r.days_overdue,
    ]


def _action_from(data: list[Any]) -> ActionRow:
    file, title, stage_id, stage, opp_id, opp_text, task, owner, status, due, late, days = data
    return ActionRow(
        file=_req(file, str),
        map_title=_req(title, str),
        stage_id=_req(stage_id, str),
        stage_name=_req(stage, str),
        opportunity_id=_opt(opp_id, str),
        opportunity_text=_req(opp_text, str),
        task=_req(task, str),
        owner=_opt(owner, str),
        status=Status(status),
        due=dt.date.fromisoformat(_req(due, str)) if due is not None else None,
        overdue=_req(late, bool),
        days_overdue=_req(days, int),
    )


@dataclass
class PersonaEntry:
    """A persona (a file several maps share, or one written inline in a map) and its maps."""

    slug: str
    persona: PersonaFact
    maps: list[str] = field(default_factory=list)
    """Slugs of the maps that use it."""

    @property
    def name(self) -> str:
        return self.persona.name

    @property
    def file(self) -> str | None:
        return self.persona.file
