"""The maps under some paths, read and checked once, as the records every page of the site reads.

    portfolio = collect_portfolio([Path("maps")], today=dt.date(2026, 11, 25))

Maps are loaded and linted as ``cjmap validate`` does (the project's configuration applies);
each map gets a *slug*, its name in the site, from its path below the folder all the maps
share (``colleen/current.cjm.yaml`` -> ``colleen-current``), unique even on file systems that
ignore case.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cjmap.diagnostics import Diagnostic
from cjmap.model import CurrentStateMap, DayInTheLifeMap, FutureStateMap
from cjmap.portfolio.actions import ActionRow, collect_actions
from cjmap.portfolio.site.facts import (
    MapEntry,
    OpportunityFact,
    PainFact,
    PersonaEntry,
    StageFact,
)
from cjmap.portfolio.site.health import STALE_REVIEW, health
from cjmap.render.batch.plan import output_stem

# Characters a file name may not hold on Windows or means something in a URL; runs of them
# become one hyphen. Letters and digits of every script stay (UTF-8 names work everywhere).
_UNSAFE = re.compile(r"[^\w.-]+")
_RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{i}" for i in range(1, 10)),
        *(f"lpt{i}" for i in range(1, 10)),
    }
)


@dataclass
class Portfolio:
    """Every map under the paths, with what the site needs to show about each."""

    today: dt.date
    entries: list[MapEntry] = field(default_factory=list)
    personas: list[PersonaEntry] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    sources: dict[str, str | None] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def entry(self, slug: str) -> MapEntry:
        return next(e for e in self.entries if e.slug == slug)

    def persona(self, slug: str) -> PersonaEntry:
        return next(p for p in self.personas if p.slug == slug)

    @property
    def with_errors(self) -> list[MapEntry]:
        return [e for e in self.entries if not e.has_page]


def collect_portfolio(
    paths: list[Path], *, today: dt.date, config: Path | None = None
) -> Portfolio:
    """Load and lint the maps under ``paths``; raises ``ConfigError`` for a bad configuration."""
    from cjmap.validate import validate_paths

    result = validate_paths(paths, today=today, config=config, lint=True)
    portfolio = Portfolio(today=today, missing=result.missing, sources=result.sources)
    portfolio.diagnostics = result.diagnostics
    by_file: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_file.setdefault(d.file, []).append(d)
    slugs = unique_slugs([m.path for m in result.maps])
    by_path: dict[Path, MapEntry] = {}
    for loaded in result.maps:
        files = {loaded.file}
        if loaded.persona_source is not None:
            files.add(loaded.persona_source.file)
        found = set(loaded.diagnostics)
        for name in files:
            found.update(by_file.get(name, []))
        entry = MapEntry(
            file=loaded.file,
            slug=slugs[loaded.path],
            loaded=loaded,
            findings=sorted(found, key=Diagnostic.sort_key),
        )
        portfolio.entries.append(entry)
        by_path[loaded.path.absolute()] = entry
    portfolio.actions = collect_actions((e.loaded for e in portfolio.entries if e.has_page), today)
    _link(portfolio, by_path)
    for entry in portfolio.entries:
        _fill(entry, portfolio)
    return portfolio


def slug_of(text: str) -> str:
    """A file name for a page: letters and digits of any script, ``.``, ``_`` and ``-``."""
    slug = _UNSAFE.sub("-", text).strip("-.")
    if not slug or slug.lower() in _RESERVED:
        slug = f"map-{slug}" if slug else "map"
    return slug[:80]


def unique_slugs(paths: Iterable[Path]) -> dict[Path, str]:
    """A slug per map path, from the path below the folder the maps share; where two would be
    the same (ignoring case: macOS and Windows do), later ones get ``-2``, ``-3``..."""
    paths = list(paths)
    if not paths:
        return {}
    folders = [str(p.absolute().parent) for p in paths]
    common = Path(os.path.commonpath(folders))
    taken: set[str] = set()
    slugs: dict[Path, str] = {}
    for path in paths:
        below = path.absolute().parent.relative_to(common).parts
        base = slug_of("-".join([*below, output_stem(path)]))
        slug, n = base, 1
        while slug.casefold() in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug.casefold())
        slugs[path] = slug
    return slugs


def _link(portfolio: Portfolio, by_path: dict[Path, MapEntry]) -> None:
    """Personas and ``compares`` links between the entries."""
    personas: dict[object, PersonaEntry] = {}
    taken: set[str] = set()
    for entry in portfolio.entries:
        loaded = entry.loaded
        doc = loaded.doc
        if doc is not None and loaded.compares is not None and entry.has_page:
            target = by_path.get(loaded.compares.path.absolute())
            if target is not None:
                entry.compares_slug = target.slug
                target.compared_by.append(entry.slug)
        if loaded.persona is None or not entry.has_page:
            continue
        source = loaded.persona_source
        key: object = (
            source.path.absolute()
            if source is not None and source.file != loaded.file
            else entry.slug
        )
        found = personas.get(key)
        if found is None:
            stem = output_stem(source.path) if source is not None and key != entry.slug else ""
            base = slug_of(stem or loaded.persona.name)
            slug, n = base, 1
            while slug.casefold() in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug.casefold())
            found = PersonaEntry(
                slug=slug,
                name=loaded.persona.name,
                file=source.file if source is not None and key != entry.slug else None,
                loaded_from=loaded,
            )
            personas[key] = found
            portfolio.personas.append(found)
        found.maps.append(entry.slug)
        entry.persona_slug = found.slug
        entry.persona_name = found.name
    portfolio.personas.sort(key=lambda p: (p.name.casefold(), p.slug))


def _fill(entry: MapEntry, portfolio: Portfolio) -> None:
    doc = entry.loaded.doc
    scored = health(doc, entry.findings)
    entry.health, entry.health_parts = scored.score, scored.parts
    entry.review_overdue = any(d.code == STALE_REVIEW for d in entry.findings)
    if doc is None or not entry.has_page:
        return
    rows = [r for r in portfolio.actions if r.file == entry.file]
    entry.open_actions = sum(1 for r in rows if r.open)
    entry.overdue_actions = sum(1 for r in rows if r.overdue)
    if isinstance(doc, DayInTheLifeMap):
        entry.stages = [
            StageFact(
                f"{m.time} {m.activity}",
                m.feeling.score if m.feeling else None,
                m.feeling.label if m.feeling else None,
            )
            for m in doc.moments
        ]
        return
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        return
    resolved: set[str] = set()
    for slug in entry.compared_by:
        future = portfolio.entry(slug).loaded.doc
        if isinstance(future, FutureStateMap):
            for stage in future.stages:
                for opp in stage.opportunities:
                    resolved.update(opp.resolves)
    addressed = {pid for s in doc.stages for o in s.opportunities for pid in o.addresses}
    for stage in doc.stages:
        entry.stages.append(
            StageFact(
                stage.name,
                stage.feeling.score if stage.feeling else None,
                stage.feeling.label if stage.feeling else None,
            )
        )
        for pain in stage.pain_points:
            done = pain.id is not None and (pain.id in addressed or pain.id in resolved)
            entry.pains.append(PainFact(pain.id, pain.text, stage.name, done))
        for opp in stage.opportunities:
            entry.opportunities.append(
                OpportunityFact(
                    opp.id,
                    opp.text,
                    stage.name,
                    opp.impact,
                    opp.effort,
                    len(opp.actions),
                    sum(1 for a in opp.actions if a.status in ("todo", "doing")),
                )
            )
