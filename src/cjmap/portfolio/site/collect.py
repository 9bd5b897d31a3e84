"""The maps under some paths, read and checked once, as the records every page of the site reads.

    portfolio = collect_portfolio([Path("maps")], today=dt.date(2026, 11, 25))

Maps are loaded and linted as ``cjmap validate`` does (the project's configuration applies);
each map gets a *slug*, its name in the site, from its path below the folder all the maps
share (``colleen/current.cjm.yaml`` -> ``colleen-current``), unique even on file systems that
ignore case. Given the facts of a previous build, a map whose files (and the configuration,
the day and cjmap's version) did not change is not loaded again: its facts are reused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from cjmap import __version__
from cjmap.diagnostics import Diagnostic
from cjmap.load.loader import LoadedMap
from cjmap.model import CurrentStateMap, DayInTheLifeMap, FutureStateMap, Status
from cjmap.portfolio.actions import ActionRow, collect_actions, sort_rows
from cjmap.portfolio.site.facts import (
    MapEntry,
    OpportunityFact,
    PainFact,
    PersonaEntry,
    PersonaFact,
    StageFact,
)
from cjmap.portfolio.site.health import STALE_REVIEW, completeness, health
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
    missing: list[tuple[str, str]] = field(default_factory=list)
    sources: dict[str, str | None] = field(default_factory=dict)
    facts_key: str = ""
    """What every map's facts depend on besides its own files (see :func:`facts_key`)."""
    reloaded: list[str] = field(default_factory=list)
    """Files loaded in this build (the others' facts were reused)."""
    _by_slug: dict[str, MapEntry] = field(default_factory=dict, repr=False)

    def entry(self, slug: str) -> MapEntry:
        if len(self._by_slug) != len(self.entries):  # entries are only ever appended
            self._by_slug = {e.slug: e for e in self.entries}
        return self._by_slug[slug]

    def persona(self, slug: str) -> PersonaEntry:
        return next(p for p in self.personas if p.slug == slug)

    @property
    def with_errors(self) -> list[MapEntry]:
        return [e for e in self.entries if not e.has_page]

    @cached_property
    def actions(self) -> list[ActionRow]:
        """Every action item of the maps with a page, in register order (read once the
        portfolio is complete: the register page and the CSV share it)."""
        return sort_rows(r for e in self.entries if e.has_page for r in e.actions)


def collect_portfolio(
    paths: list[Path],
    *,
    today: dt.date,
    config: Path | None = None,
    previous: dict[str, Any] | None = None,
    previous_key: str | None = None,
) -> Portfolio:
    """Load and lint the maps under ``paths``; raises ``ConfigError`` for a bad configuration.

    ``previous`` holds the facts of a previous build by file (:meth:`MapEntry.to_json`), valid
    when ``previous_key`` equals this build's :func:`facts_key`.
    """
    from cjmap.load.files import collect_maps, display
    from cjmap.parallel import default_jobs
    from cjmap.validate import lint_loaded, validate_paths

    files, missing = collect_maps(paths)
    portfolio = Portfolio(today=today, missing=[(display(p), why) for p, why in missing])
    portfolio.facts_key = facts_key(files, today, config)
    reusable = previous if previous is not None and previous_key == portfolio.facts_key else {}
    slugs = unique_slugs(files)
    hashes: dict[str, str | None] = {}
    kept: dict[Path, MapEntry] = {}
    for path in files:
        entry = _reuse(reusable.get(display(path)), path, slugs[path], hashes)
        if entry is not None:
            kept[path] = entry
    to_load = [p for p in files if p not in kept]
    # Loaded here, linted on every core: the forked workers inherit the loaded maps.
    result = validate_paths(to_load, today=today, config=config, lint=False)
    found = result.diagnostics + lint_loaded(
        result.maps, today=today, config=config, jobs=default_jobs()
    )
    portfolio.sources = result.sources
    portfolio.reloaded = [m.file for m in result.maps]
    by_file: dict[str, list[Diagnostic]] = {}
    for d in found:
        by_file.setdefault(d.file, []).append(d)
    loaded = {m.path: m for m in result.maps}
    for path in files:
        if path in kept:
            portfolio.entries.append(kept[path])
        else:
            portfolio.entries.append(_entry(loaded[path], slugs[path], by_file, today, hashes))
    _link(portfolio)
    return portfolio


def facts_key(files: list[Path], today: dt.date, config: Path | None) -> str:
    """A digest of what every map's facts depend on besides the map's own files: cjmap's
    version, the day (overdue items and reviews) and every configuration file that applies."""
    from cjmap.load.config import find_config
    from cjmap.load.files import find_root

    configs: set[Path] = set()
    if config is not None:
        configs.add(config.absolute())
    else:
        for folder in {p.absolute().parent for p in files}:
            found = find_config(find_root(folder / "_"))
            if found is not None:
                configs.add(found.absolute())
    digest = hashlib.sha256(f"{__version__}\0{today.isoformat()}".encode())
    for path in sorted(configs):
        digest.update(f"\0{path}\0{_hash_file(path, {})}".encode())
    return digest.hexdigest()


def _hash_file(path: Path, memo: dict[str, str | None]) -> str | None:
    key = str(path)
    if key not in memo:
        try:
            memo[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            memo[key] = None
    return memo[key]


def _reuse(data: Any, path: Path, slug: str, hashes: dict[str, str | None]) -> MapEntry | None:
    """The previous build's facts of ``path`` if none of its files changed, else None."""
    if not isinstance(data, dict):
        return None
    try:
        entry = MapEntry.from_json(data, path, slug)
    except (KeyError, TypeError, ValueError):
        return None
    if not entry.has_page or not entry.deps or entry.deps[0][0] != str(path.absolute()):
        return None  # maps with errors are always read again, to report their errors
    if any(_hash_file(Path(dep), hashes) != digest for dep, digest in entry.deps):
        return None
    return entry


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


def _entry(
    loaded: LoadedMap,
    slug: str,
    by_file: dict[str, list[Diagnostic]],
    today: dt.date,
    hashes: dict[str, str | None],
) -> MapEntry:
    files = {loaded.file}
    persona_file = loaded.persona_source
    if persona_file is not None and persona_file.file != loaded.file:
        files.add(persona_file.file)
    else:
        persona_file = None
    found = set(loaded.diagnostics)
    for name in files:
        found.update(by_file.get(name, []))
    entry = MapEntry(
        file=loaded.file,
        path=loaded.path,
        slug=slug,
        loaded=loaded,
        findings=sorted(found, key=Diagnostic.sort_key),
    )
    read = [loaded.path, persona_file.path if persona_file is not None else None]
    if loaded.compares is not None:
        read.append(loaded.compares.path)
        source = loaded.compares.persona_source
        if source is not None and source.file != loaded.compares.file:
            read.append(source.path)
    entry.deps = [
        (str(p.absolute()), _hash_file(p.absolute(), hashes) or "") for p in read if p is not None
    ]
    doc = loaded.doc
    entry.loads = loaded.ok
    if doc is None:
        return entry
    entry.title, entry.kind, entry.lang = doc.title, doc.kind, doc.lang
    entry.owner, entry.tags = doc.owner, list(doc.tags)
    entry.reviewed, entry.review_every = doc.reviewed, doc.review_every
    entry.completeness = completeness(doc)
    if loaded.persona is not None:
        p = loaded.persona
        entry.persona = PersonaFact(
            name=p.name,
            profile=p.profile,
            quote=p.quote,
            goals=tuple(p.goals),
            needs=tuple(p.needs),
            frustrations=tuple(p.frustrations),
            motivations=tuple(p.motivations),
            file=persona_file.file if persona_file is not None else None,
            path=str(persona_file.path.absolute()) if persona_file is not None else None,
        )
    if loaded.compares is not None:
        entry.compares = str(loaded.compares.path.absolute())
    entry.actions = collect_actions([loaded], today) if entry.loads else []
    _fill(entry, doc)
    return entry


def _fill(entry: MapEntry, doc: Any) -> None:
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
    addressed = {pid for s in doc.stages for o in s.opportunities for pid in o.addresses}
    for index, stage in enumerate(doc.stages):
        entry.stages.append(
            StageFact(
                stage.name,
                stage.feeling.score if stage.feeling else None,
                stage.feeling.label if stage.feeling else None,
                stage.id or f"stage-{index + 1}",  # the loader has derived every id
            )
        )
        for pain in stage.pain_points:
            entry.pains.append(
                PainFact(
                    pain.id, pain.text, stage.name, pain.id is not None and pain.id in addressed
                )
            )
        for opp in stage.opportunities:
            entry.resolves += opp.resolves
            entry.opportunities.append(
                OpportunityFact(
                    opp.id,
                    opp.text,
                    stage.name,
                    opp.impact,
                    opp.effort,
                    len(opp.actions),
                    sum(1 for a in opp.actions if a.status in (Status.todo, Status.doing)),
                )
            )


def _link(portfolio: Portfolio) -> None:
    """Personas, ``compares`` links, pains resolved by future maps, health."""
    by_path = {str(e.path.absolute()): e for e in portfolio.entries}
    personas: dict[str, PersonaEntry] = {}
    taken: set[str] = set()
    for entry in portfolio.entries:
        scored = health(entry.findings, entry.completeness if entry.kind is not None else None)
        entry.health, entry.health_parts = scored.score, scored.parts
        entry.review_overdue = any(d.code == STALE_REVIEW for d in entry.findings)
        if not entry.has_page:
            continue
        target = by_path.get(entry.compares) if entry.compares else None
        if target is not None:
            entry.compares_slug = target.slug
            target.compared_by.append(entry.slug)
            resolved = set(entry.resolves)
            for pain in target.pains:
                if pain.id is not None and pain.id in resolved:
                    pain.resolved = True
        if entry.persona is None:
            continue
        key = entry.persona.path or f"inline:{entry.slug}"
        found = personas.get(key)
        if found is None:
            stem = output_stem(Path(entry.persona.path)) if entry.persona.path else ""
            base = slug_of(stem or entry.persona.name)
            slug, n = base, 1
            while slug.casefold() in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug.casefold())
            found = PersonaEntry(slug=slug, persona=entry.persona)
            personas[key] = found
            portfolio.personas.append(found)
        found.maps.append(entry.slug)
        entry.persona_slug = found.slug
    portfolio.personas.sort(key=lambda p: (p.name.casefold(), p.slug))
