"""The names users choose from: kinds of map, paper sizes, label languages, output formats.

One home for these enums, light to import (no pydantic): the models use :class:`Kind` for
``kind:``, the renderer :class:`Paper` and :class:`OutputFormat`, and the command line takes
all of them as its options' choices, so a new kind or paper size is added in one place.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """The four kinds of journey map."""

    current_state = "current-state"
    future_state = "future-state"
    day_in_the_life = "day-in-the-life"
    empathy = "empathy"


STAGED_KINDS = (Kind.current_state, Kind.future_state)
"""Kinds drawn as a grid of stages; each can be shown in the other's template."""


class Paper(StrEnum):
    """Page sizes, landscape; ``poster`` is one page sized to the map (``cjmap.render.layout``)."""

    a4 = "a4"
    a3 = "a3"
    letter = "letter"
    poster = "poster"


class Lang(StrEnum):
    """Languages cjmap writes labels, dates and starter maps in (a map may be in any)."""

    en = "en"
    zh = "zh"
    ru = "ru"
    mk = "mk"


class OutputFormat(StrEnum):
    """What ``cjmap render`` writes."""

    html = "html"
    pdf = "pdf"
