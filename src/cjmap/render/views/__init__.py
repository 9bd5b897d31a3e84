"""Everything a template shows, computed from a loaded map: the view model, one page per render.

Templates hold layout only; these modules hold the logic: translated labels, formatted dates,
numbering and cross-references, the curve geometry, page splitting, groupings and overdue marks.
Every value a map supplies stays a plain string here; the templates autoescape it.
:func:`build_page` is the one entry point; it picks the builder of the template.

    common.py   what every page has (Page): header band, persona card, feelings
    staged.py   current-state and future-state (StagedPage, FutureStatePage): stages, plan
    grid.py     the staged grid split into pages, each with its slice of the curve
    day.py      day-in-the-life (DayPage): the time axis and the moments' cards
    empathy.py  empathy (EmpathyPage): quadrants, pains and gains
    labels.py   the labels of the format's fixed values (channels, statuses, ...)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

from cjmap.choices import Paper
from cjmap.load.loader import LoadedMap
from cjmap.render.views.common import Page, PageBuilder
from cjmap.render.views.day import DayBuilder, DayPage
from cjmap.render.views.empathy import EmpathyBuilder, EmpathyPage
from cjmap.render.views.staged import FutureStatePage, StagedBuilder, StagedPage
from cjmap.render.wrapping import soften_all


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def build_page(
    loaded: LoadedMap,
    *,
    template: str | None = None,
    paper: Paper | str = Paper.a4,
    on: dt.date | None = None,
) -> Page:
    """The page of ``loaded`` in ``template`` (default: the map's kind), as of ``on`` (today)."""
    if loaded.doc is None:
        raise ValueError("cannot render a map that did not load")
    kind = template or loaded.doc.kind
    builder: type[StagedBuilder | DayBuilder | EmpathyBuilder]
    if kind in ("current-state", "future-state"):
        builder = StagedBuilder
    elif kind == "day-in-the-life":
        builder = DayBuilder
    else:
        builder = EmpathyBuilder
    return builder(_softened(loaded), template=kind, paper=Paper(paper), on=on or today()).build()


def _softened(loaded: LoadedMap) -> LoadedMap:
    """``loaded`` with break opportunities in overlong words (see :mod:`cjmap.render.wrapping`)."""
    doc, persona = soften_all(loaded.doc), soften_all(loaded.persona)
    compares = _softened(loaded.compares) if loaded.compares else None
    if doc is loaded.doc and persona is loaded.persona and compares is loaded.compares:
        return loaded
    return dataclasses.replace(loaded, doc=doc, persona=persona, compares=compares)


__all__ = [
    "DayPage",
    "EmpathyPage",
    "FutureStatePage",
    "Page",
    "PageBuilder",
    "StagedPage",
    "build_page",
    "today",
]
