"""What every page shows, whatever its template: the header band, the persona card, feelings.

:class:`Page` is the base of each template's page; :class:`PageBuilder` is the base of each
template's builder and computes the shared parts (translated labels, formatted dates, the
overdue mark of the review, the persona's lists and research sources).
"""

from __future__ import annotations

import datetime as dt
import gettext
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

from cjmap import __version__
from cjmap.choices import Paper
from cjmap.load.loader import LoadedMap
from cjmap.model import AnyMap, Feeling, Persona
from cjmap.render import i18n
from cjmap.render.curve import signed, valence
from cjmap.render.icons import Icon, part_icon, source_icon
from cjmap.render.layout import GEOMETRY, PageGeometry, poster_geometry
from cjmap.render.views.labels import KIND_LABELS, SOURCE_LABELS, VALENCE_LABELS
from cjmap.text import cells


@dataclass
class Labelled:
    """A list of short texts under a translated heading with an icon."""

    key: str
    label: str
    icon: Icon
    items: list[str]

    @property
    def may_break(self) -> bool:
        """Whether the list may break across columns and pages (see :func:`column_lines`).

        A list kept whole (the usual look) that does not fit under the header band is pushed
        whole to the next page, which left page 1 of a long persona card blank.
        """
        return column_lines(self.items) > LONG_LIST_LINES


LONG_LIST_LINES = 12
"""A persona list longer than this (in lines of its column) may break between its items."""
_COLUMN_WIDTH = 45  # Latin letters in a line of the persona card's half-width column


def column_lines(items: list[str]) -> int:
    """About how many lines ``items`` take in a persona card's column (wide characters: two)."""
    return sum(1 + cells(text) // _COLUMN_WIDTH for text in items)


@dataclass
class SourceChip:
    label: str
    icon: Icon
    note: str | None


def list_height(item: Labelled) -> float:
    """About how many lines ``item`` takes in its column: its heading, its items, its margin."""
    return 1.6 + column_lines(item.items)


def two_columns(lists: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """``lists`` in order, split into two columns as CSS column balancing would split them.

    The card lays them out as a two-column grid, not with ``column-count``: WeasyPrint
    balances columns by laying their content out again and again (~20% of the PDF's CPU for
    the 12-stage bench map). Each list stays whole in its column (a card with a long list flows through CSS
    columns instead: :attr:`PersonaCard.flows`); the first column takes as much as it can
    without being taller than the balance needs.
    """
    heights = [list_height(item) for item in lists]
    total = sum(heights)
    best, best_tallest = 0, total
    for k in range(len(lists) + 1):
        first = sum(heights[:k])
        tallest = max(first, total - first)
        if tallest <= best_tallest:
            best, best_tallest = k, tallest
    return lists[:best], lists[best:]


@dataclass
class PersonaCard:
    name: str
    initials: str
    profile: str | None
    lists: list[Labelled]
    quote: str | None
    sources: list[SourceChip]

    @property
    def flows(self) -> bool:
        """Whether the lists flow through CSS columns: only when one is long enough to break.

        A list split at page breaks must continue in the next column, as columns do; a grid
        would run it down one column over several pages beside an empty one.
        """
        return any(item.may_break for item in self.lists)

    @property
    def columns(self) -> tuple[list[Labelled], list[Labelled]]:
        """The lists of the card's two columns when they do not flow (see :func:`two_columns`)."""
        return two_columns(self.lists)


@dataclass
class Header:
    title: str
    kind: str
    kind_label: str
    owner: str | None
    reviewed: str | None
    review_due: str | None
    overdue: bool
    tags: list[str]
    source_file: str
    version: str
    lang: str
    objective: str | None
    scenario: str | None
    expectations: list[str]


@dataclass
class FeelingView:
    score: int
    text: str
    label: str | None
    valence: str
    valence_label: str
    before: str | None = None
    """Future state: the current map's score at this stage."""
    change: str | None = None
    change_valence: str = "neu"


@dataclass(kw_only=True)
class Page:
    """What every page has: the base of each template's page (see :mod:`cjmap.render.views`)."""

    template: str
    lang: str
    label_lang: str
    header: Header
    persona: PersonaCard | None
    geometry: PageGeometry
    generated: str
    icons: dict[str, Icon]


class PageFields(TypedDict):
    """The fields of :class:`Page`, as :meth:`PageBuilder.page_fields` fills them in."""

    template: str
    lang: str
    label_lang: str
    header: Header
    persona: PersonaCard | None
    geometry: PageGeometry
    generated: str
    icons: dict[str, Icon]


PAGE_ICONS = (
    "actions",
    "thoughts",
    "feeling",
    "touchpoints",
    "pain_points",
    "opportunities",
    "metrics",
    "owner",
    "moment_of_truth",
    "overdue",
    "quote",
    "objective",
    "scenario",
    "expectations",
    "person",
    "reviewed",
    "tags",
    "time",
    "brand",
    "no_brand",
    "resolved",
    "open",
    "task",
    "lowest",
)
"""The icons a template draws by name (``page.icons.<name>``)."""


def initials(name: str) -> str:
    """Avatar initials: first letters of the first and last word; one character for CJK names."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return name.strip()[:1] or "?"
    first = words[0][0]
    if unicodedata.east_asian_width(first) in ("W", "F"):
        return first
    letters = first + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def source_name(loaded: LoadedMap) -> str:
    """The map's file as the team knows it: relative to the project root."""
    try:
        return loaded.path.absolute().relative_to(loaded.root.absolute()).as_posix()
    except ValueError:
        return loaded.path.name


class PageBuilder:
    """The parts every template shows; each template's builder adds its own and builds its page."""

    def __init__(self, loaded: LoadedMap, *, template: str, paper: Paper, on: dt.date) -> None:
        if loaded.doc is None:
            raise ValueError("cannot render a map that did not load")
        self.loaded = loaded
        self.doc: AnyMap = loaded.doc
        self.template = template
        self.today = on
        self.geometry = self.poster() if paper is Paper.poster else GEOMETRY[paper]
        self.lang = self.doc.lang
        self.tr: gettext.NullTranslations = i18n.translations(self.lang)
        self._: Callable[[str], str] = self.tr.gettext

    def poster(self) -> PageGeometry:
        """The poster of this map: each template sizes it to what it shows."""
        return poster_geometry()

    def date(self, value: dt.date | None) -> str | None:
        return None if value is None else i18n.format_date(value, self.lang)

    def page_fields(self) -> PageFields:
        """The fields of :class:`Page`, for the builder's own page class."""
        return PageFields(
            template=self.template,
            lang=self.lang,
            label_lang=i18n.label_language(self.lang),
            header=self.header(),
            persona=self.persona(),
            geometry=self.geometry,
            generated=i18n.format_date(self.today, self.lang),
            icons={name: part_icon(name) for name in PAGE_ICONS},
        )

    def header(self) -> Header:
        doc = self.doc
        due = doc.reviewed + dt.timedelta(days=doc.review_every) if doc.reviewed else None
        return Header(
            title=doc.title,
            kind=doc.kind,
            kind_label=self._(KIND_LABELS[doc.kind]),
            owner=doc.owner,
            reviewed=self.date(doc.reviewed),
            review_due=self.date(due),
            overdue=due is not None and due < self.today,
            tags=list(doc.tags),
            source_file=source_name(self.loaded),
            version=__version__,
            lang=doc.lang,
            objective=doc.objective,
            scenario=doc.scenario,
            expectations=list(doc.expectations),
        )

    def persona(self) -> PersonaCard | None:
        persona: Persona | None = self.loaded.persona
        if persona is None:
            return None
        _ = self._
        lists = [
            Labelled("goals", _("Goals"), part_icon("goals"), list(persona.goals)),
            Labelled("needs", _("Needs"), part_icon("needs"), list(persona.needs)),
            Labelled(
                "frustrations",
                _("Frustrations"),
                part_icon("frustrations"),
                list(persona.frustrations),
            ),
            Labelled(
                "motivations", _("Motivations"), part_icon("motivations"), list(persona.motivations)
            ),
        ]
        return PersonaCard(
            name=persona.name,
            initials=initials(persona.name),
            profile=persona.profile,
            lists=[item for item in lists if item.items],
            quote=persona.quote,
            sources=[
                SourceChip(_(SOURCE_LABELS[s.kind]), source_icon(s.kind), s.note)
                for s in persona.sources
            ],
        )

    def feeling(self, feeling: Feeling | None) -> FeelingView | None:
        if feeling is None:
            return None
        v = valence(feeling.score)
        return FeelingView(
            score=feeling.score,
            text=signed(feeling.score),
            label=feeling.label,
            valence=v,
            valence_label=self._(VALENCE_LABELS[v]),
        )

    def curve_summary(self, entries: list[tuple[str, FeelingView | None]]) -> list[str]:
        """The curve as sentences: the text alternative of the chart."""
        lines = []
        for name, feeling in entries:
            if feeling is None:
                lines.append(f"{name}: {self._('not recorded')}")
            else:
                label = f" ({feeling.label})" if feeling.label else ""
                lines.append(f"{name}: {feeling.text}{label}")
        return lines
