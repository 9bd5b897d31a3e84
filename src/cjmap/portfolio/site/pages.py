"""Every page of the site, computed from the portfolio and rendered with the site's templates.

Each ``*_page`` function gathers what one template shows (in the site's language: dates per
locale, labels from the catalogs) and returns its HTML; :func:`site_pages` names them all.
Templates hold the layout (``templates/site/``); nothing here writes files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cjmap import __version__
from cjmap.portfolio.actions import ActionRow
from cjmap.portfolio.site.cache import site_templates_digest
from cjmap.portfolio.site.collect import Portfolio
from cjmap.portfolio.site.facts import MapEntry, PersonaEntry
from cjmap.portfolio.site.health import (
    COMPLETENESS,
    MAX_INFOS,
    MAX_WARNINGS,
    PER_INFO,
    PER_WARNING,
    REVIEW,
)
from cjmap.portfolio.site.matrix import QUADRANTS, layout, quadrant
from cjmap.render import i18n
from cjmap.render.views.labels import KIND_LABELS, N_, STATUS_LABELS

LOWEST = 10
"""How many of the lowest moments the overview lists."""

SEVERITY_LABELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}

NAV = (
    ("index.html", N_("Maps")),
    ("overview.html", N_("Overview")),
    ("actions.html", N_("Action items")),
    ("opportunities.html", N_("Opportunities")),
    ("personas.html", N_("Personas")),
)


@dataclass(frozen=True)
class SiteOptions:
    """How a site is built: its language and title, the day it is judged on, and the PDFs."""

    lang: str = "en"
    title: str | None = None
    today: dt.date = dt.date(2000, 1, 1)
    pdf: bool = False
    paper: str = "a4"


@dataclass(frozen=True)
class Context:
    """What every page shares: the language, the way back to the top, the navigation."""

    options: SiteOptions
    root: str
    """The relative path from the page to the site's top folder: ``""`` or ``"../"``."""
    current: str

    @property
    def lang(self) -> str:
        return i18n.label_language(self.options.lang)

    def date(self, value: dt.date | None) -> str:
        return _format_date(value, self.lang) if value is not None else ""


@lru_cache(maxsize=4096)
def _format_date(value: dt.date, lang: str) -> str:
    # A portfolio shows the same few dates hundreds of times; Babel formats each in ~0.1 ms.
    return i18n.format_date(value, lang)


def _render(template: str, ctx: Context, **values: Any) -> str:
    from cjmap.render.html import environment

    env = environment(ctx.lang)
    return env.get_template(f"site/{template}.html.j2").render(
        ctx=ctx,
        nav=NAV,
        version=__version__,
        site_title=ctx.options.title,
        kind_labels=KIND_LABELS,
        severity_labels=SEVERITY_LABELS,
        **values,
    )


def site_pages(portfolio: Portfolio, options: SiteOptions) -> Iterator[tuple[str, str]]:
    """Every page but the maps' renders, as (path in the site, HTML)."""
    yield from portfolio_pages(portfolio, options)
    for entry in portfolio.entries:
        if entry.has_page:
            yield f"maps/{entry.slug}.html", map_page(portfolio, entry, options)
    for persona in portfolio.personas:
        yield f"personas/{persona.slug}.html", persona_page(portfolio, persona, options)


def portfolio_pages(portfolio: Portfolio, options: SiteOptions) -> Iterator[tuple[str, str]]:
    """The pages about many maps (index, overview, actions, opportunities, the personas'
    list); a map's and a persona's own page are written by key (see :func:`map_page_key`)."""
    yield "index.html", index_page(portfolio, options)
    yield "overview.html", overview_page(portfolio, options)
    yield "actions.html", actions_page(portfolio, options)
    yield "opportunities.html", opportunities_page(portfolio, options)
    yield "personas.html", personas_page(portfolio, options)


def _page_key(options: SiteOptions, *inputs: Any) -> str:
    everything = [
        __version__,
        site_templates_digest(),
        [options.lang, options.title, options.today.isoformat(), options.pdf, options.paper],
        *inputs,
    ]
    text = json.dumps(everything, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def map_page_key(
    portfolio: Portfolio, entry: MapEntry, options: SiteOptions, facts: dict[str, Any]
) -> str:
    """A digest of everything a map's page shows: its facts (``facts``, as
    :meth:`MapEntry.to_json` gives them), what linking added, the maps it links to, the
    options, the site's templates and cjmap's version. Equal keys, equal pages."""
    linked = [portfolio.entry(slug) for slug in entry.compared_by]
    compares = portfolio.entry(entry.compares_slug) if entry.compares_slug else None
    return _page_key(
        options,
        entry.slug,
        facts,
        [entry.persona_slug, entry.health, entry.health_parts, entry.review_overdue],
        [entry.pdf, entry.render_problem],
        [compares.slug, compares.title] if compares else None,
        [[f.slug, f.title] for f in linked],
    )


def persona_page_key(portfolio: Portfolio, persona: PersonaEntry, options: SiteOptions) -> str:
    """A digest of everything a persona's page shows (the persona, its maps' names)."""
    maps = [portfolio.entry(slug) for slug in persona.maps]
    return _page_key(
        options,
        persona.slug,
        dataclasses.astuple(persona.persona),
        [[e.slug, e.kind, e.title, e.file] for e in maps],
    )


def _filters(entries: list[MapEntry]) -> dict[str, list[str]]:
    def values(get: Any) -> list[str]:
        return sorted({v for e in entries for v in get(e) if v}, key=str.casefold)

    return {
        "kind": values(lambda e: [e.kind]),
        "lang": values(lambda e: [e.lang]),
        "owner": values(lambda e: [e.owner]),
        "tag": values(lambda e: e.tags),
    }


@dataclass(frozen=True)
class Spark:
    """A map's emotional curve in a few pixels, for the index."""

    points: str
    dots: list[tuple[float, float, str]]
    zero: float
    label: str
    width: int = 72
    height: int = 20


def spark(entry: MapEntry) -> Spark | None:
    scores = [s.score for s in entry.stages]
    known = [(i, v) for i, v in enumerate(scores) if v is not None]
    if len(known) < 2:
        return None
    width, height, pad = Spark.width, Spark.height, 2.5
    step = (width - 2 * pad) / max(1, len(scores) - 1)

    def y(v: int) -> float:
        return round(pad + (3 - v) / 6 * (height - 2 * pad), 2)

    at = [(round(pad + i * step, 2), y(v), v) for i, v in known]
    return Spark(
        points=" ".join(f"{x},{yy}" for x, yy, _v in at),
        dots=[(x, yy, "pos" if v > 0 else "neg" if v < 0 else "neu") for x, yy, v in at],
        zero=y(0),
        label=" ".join(f"{v:+d}" if v else "0" for _i, v in known),
    )


def index_page(portfolio: Portfolio, options: SiteOptions) -> str:
    ctx = Context(options, "", "index.html")
    # Maps that need attention first: with errors, then the least healthy.
    entries = sorted(portfolio.entries, key=lambda e: (e.has_page, e.health, e.title.casefold()))
    sparks = {e.slug: s for e in entries if (s := spark(e)) is not None}
    # A map with errors shows its first error (its findings may start with a warning).
    first_errors = {
        e.slug: next((d for d in e.findings if d.severity == "error"), None)
        for e in entries
        if not e.has_page
    }
    return _render(
        "index",
        ctx,
        entries=entries,
        sparks=sparks,
        first_errors=first_errors,
        filters=_filters(portfolio.entries),
        broken=portfolio.with_errors,
        totals={
            "maps": len(portfolio.entries),
            "errors": len(portfolio.with_errors),
            "open": sum(e.open_actions for e in portfolio.entries if e.has_page),
            "overdue": sum(e.overdue_actions for e in portfolio.entries if e.has_page),
            "reviews": sum(1 for e in portfolio.entries if e.has_page and e.review_overdue),
        },
    )


@dataclass(frozen=True)
class Moment:
    score: int
    stage: str
    label: str | None
    entry: MapEntry


def overview_page(portfolio: Portfolio, options: SiteOptions) -> str:
    ctx = Context(options, "", "overview.html")
    shown = [e for e in portfolio.entries if e.has_page]
    heat = [e for e in shown if e.stages]
    moments = sorted(
        (
            Moment(s.score, s.name, s.label, e)
            for e in shown
            for s in e.stages
            if s.score is not None and s.score < 0
        ),
        key=lambda m: (m.score, m.entry.title.casefold(), m.stage.casefold()),
    )[:LOWEST]
    pains = [(e, p) for e in shown for p in e.pains if not p.addressed]
    overdue = sorted(
        (e for e in shown if e.review_overdue),
        key=lambda e: (e.review_due is not None, e.review_due or dt.date.min),
    )
    formula = {
        "per_warning": PER_WARNING,
        "max_warnings": MAX_WARNINGS,
        "per_info": PER_INFO,
        "max_infos": MAX_INFOS,
        "review": REVIEW,
        "completeness": COMPLETENESS,
    }
    return _render(
        "overview",
        ctx,
        heat=heat,
        widest=max((len(e.stages) for e in heat), default=0),
        moments=moments,
        pains=pains,
        overdue=overdue,
        formula=formula,
    )


def _owners(rows: list[ActionRow]) -> list[tuple[str | None, int, int]]:
    counts: dict[str | None, list[int]] = {}
    for row in rows:
        if row.open:
            pair = counts.setdefault(row.owner, [0, 0])
            pair[0] += 1
            pair[1] += row.overdue
    return sorted(
        ((owner, n, late) for owner, (n, late) in counts.items()),
        key=lambda t: (-t[2], -t[1], t[0] is None, (t[0] or "").casefold()),
    )


def actions_page(portfolio: Portfolio, options: SiteOptions) -> str:
    ctx = Context(options, "", "actions.html")
    rows = portfolio.actions
    # Each row links to its stage in the map's render (anchors stage-1, stage-2...).
    links = {
        (e.file, s.id): f"maps/{e.slug}.map.html#stage-{n}"
        for e in portfolio.entries
        if e.has_page
        for n, s in enumerate(e.stages, 1)
    }
    # Labels every row repeats, translated once (the register of a large portfolio has
    # thousands of rows).
    labels = i18n.translations(ctx.lang)
    return _render(
        "actions",
        ctx,
        status_text={status: labels.gettext(text) for status, text in STATUS_LABELS.items()},
        unassigned=labels.gettext("Unassigned"),
        rows=rows,
        owners=_owners(rows),
        slug_of={e.file: e.slug for e in portfolio.entries},
        links=links,
    )


def opportunities_page(portfolio: Portfolio, options: SiteOptions) -> str:
    ctx = Context(options, "", "opportunities.html")
    found = [(e, o) for e in portfolio.entries if e.has_page for o in e.opportunities]
    scored = [(e, o) for e, o in found if o.scored]
    # Most promising first: quick wins, big bets, fill-ins, time sinks; then impact, effort.
    order = list(QUADRANTS)
    scored.sort(
        key=lambda p: (
            order.index(quadrant(p[1].impact or 0, p[1].effort or 0)),
            -(p[1].impact or 0),
            p[1].effort or 0,
        )
    )
    geometry = layout([(o.impact or 0, o.effort or 0) for _e, o in scored])
    return _render(
        "opportunities",
        ctx,
        scored=list(zip(geometry.points, scored, strict=True)),
        unscored=[(e, o) for e, o in found if not o.scored],
        geometry=geometry,
        quadrants=QUADRANTS,
    )


def personas_page(portfolio: Portfolio, options: SiteOptions) -> str:
    ctx = Context(options, "", "personas.html")
    return _render("personas", ctx, personas=portfolio.personas, portfolio=portfolio)


def persona_page(portfolio: Portfolio, persona: PersonaEntry, options: SiteOptions) -> str:
    ctx = Context(options, "../", f"personas/{persona.slug}.html")
    doc = persona.persona
    return _render(
        "persona",
        ctx,
        persona=persona,
        doc=doc,
        maps=[portfolio.entry(slug) for slug in persona.maps],
    )


def map_page(portfolio: Portfolio, entry: MapEntry, options: SiteOptions) -> str:
    ctx = Context(options, "../", f"maps/{entry.slug}.html")
    return _render(
        "map",
        ctx,
        entry=entry,
        compares=portfolio.entry(entry.compares_slug) if entry.compares_slug else None,
        compared_by=[portfolio.entry(slug) for slug in entry.compared_by],
        rows=entry.actions,
    )
