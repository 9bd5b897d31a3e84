"""Everything a template shows, computed from a loaded map: the view model.

Templates hold layout only; this module holds the logic: translated labels, formatted dates,
numbering and cross-references, the curve geometry, page splitting, groupings and overdue marks.
Every value a map supplies stays a plain string here; the templates autoescape it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gettext
import os
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cjmap import __version__
from cjmap.load.loader import LoadedMap
from cjmap.model import (
    ActionItem,
    AnyMap,
    Channel,
    CurrentStateMap,
    DayInTheLifeMap,
    EmpathyMap,
    Feeling,
    FutureStateMap,
    Persona,
    SourceKind,
    Stage,
    Status,
)
from cjmap.render import i18n
from cjmap.render.curve import Curve, build_curve, lowest_keys, signed, valence
from cjmap.render.icons import (
    Icon,
    channel_icon,
    part_icon,
    source_icon,
    stage_icon,
    status_icon,
)
from cjmap.render.layout import GEOMETRY, PageGeometry, Paper, chunk_sizes
from cjmap.render.wrapping import soften_all


def N_(message: str) -> str:
    """Mark a string for the catalog; it is translated where it is shown."""
    return message


KIND_LABELS = {
    "current-state": N_("Current state"),
    "future-state": N_("Future state"),
    "day-in-the-life": N_("Day in the life"),
    "empathy": N_("Empathy map"),
}

CHANNEL_LABELS = {
    Channel.website: N_("Website"),
    Channel.app: N_("App"),
    Channel.email: N_("Email"),
    Channel.social: N_("Social media"),
    Channel.search: N_("Search"),
    Channel.ads: N_("Advertising"),
    Channel.store: N_("Store"),
    Channel.phone: N_("Phone"),
    Channel.chat: N_("Chat"),
    Channel.reviews: N_("Reviews"),
    Channel.print: N_("Print"),
    Channel.events: N_("Events"),
    Channel.word_of_mouth: N_("Word of mouth"),
    Channel.other: N_("Other"),
}

SOURCE_LABELS = {
    SourceKind.interview: N_("Interviews"),
    SourceKind.survey: N_("Survey"),
    SourceKind.analytics: N_("Analytics"),
    SourceKind.chatbot_logs: N_("Chatbot logs"),
    SourceKind.support_tickets: N_("Support tickets"),
    SourceKind.observation: N_("Observation"),
    SourceKind.other: N_("Other research"),
}

STATUS_LABELS = {
    Status.todo: N_("To do"),
    Status.doing: N_("In progress"),
    Status.done: N_("Done"),
    Status.dropped: N_("Dropped"),
}

VALENCE_LABELS = {"pos": N_("positive"), "neg": N_("negative"), "neu": N_("neutral")}


# --------------------------------------------------------------------------- view model


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
    lines = 0
    for text in items:
        width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
        lines += 1 + width // _COLUMN_WIDTH
    return lines


@dataclass
class SourceChip:
    label: str
    icon: Icon
    note: str | None


@dataclass
class PersonaCard:
    name: str
    initials: str
    profile: str | None
    lists: list[Labelled]
    quote: str | None
    sources: list[SourceChip]


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
class ActionView:
    task: str
    owner: str | None
    status: str
    status_label: str
    status_icon: Icon
    due: str | None
    overdue: bool
    stage_number: int = 0
    stage_name: str = ""
    opportunity_ref: str = ""
    due_sort: dt.date | None = None


@dataclass
class PainView:
    ref: str
    id: str | None
    text: str


@dataclass
class OpportunityView:
    ref: str
    id: str | None
    text: str
    addresses: list[str]
    actions: list[ActionView]


@dataclass
class TouchpointView:
    name: str
    channel: str
    channel_label: str
    icon: Icon
    note: str | None


@dataclass
class MetricView:
    name: str
    value: str | None
    target: str | None


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


HEADING_CHARS = 160
"""The most characters of a stage name shown in the grid's column head."""


@dataclass
class StageView:
    number: int
    id: str
    name: str
    description: str | None
    icon: Icon | None
    moment_of_truth: bool
    actions: list[str]
    thoughts: list[str]
    feeling: FeelingView | None
    touchpoints: list[TouchpointView]
    pain_points: list[PainView]
    opportunities: list[OpportunityView]
    metrics: list[MetricView]
    owner: str | None
    lowest: bool = False

    @property
    def heading(self) -> str:
        """The name as the grid's column head shows it, cut after :data:`HEADING_CHARS`.

        The head row repeats on every page of the grid and a table row cannot break, so a head
        taller than a page would make WeasyPrint drop the whole row (CJM130 warns long before).
        """
        if len(self.name) <= HEADING_CHARS:
            return self.name
        return self.name[: HEADING_CHARS - 1].rstrip() + "…"


@dataclass
class GridChunk:
    """The stages that share one page, with their own slice of the curve."""

    index: int
    count: int
    first: int
    last: int
    total: int
    stages: list[StageView]
    column_width: float
    lane_width: float
    curve: Curve
    curve_id: str
    caption: str

    @property
    def described(self) -> bool:
        """Whether any stage of the chunk has a description (the grid's first row)."""
        return any(s.description for s in self.stages)


@dataclass
class OwnerGroup:
    owner: str
    actions: list[ActionView]
    overdue: int


@dataclass
class Resolution:
    """Future state: a pain point of the current map and what resolves it."""

    ref: str
    text: str
    stage: str
    resolved_by: list[str]
    progress: str | None
    still_there: bool


@dataclass
class ChannelLegend:
    label: str
    icon: Icon


@dataclass
class MomentView:
    number: int
    time: str
    activity: str
    thoughts: list[str]
    feeling: FeelingView | None
    with_brand: bool
    opportunity: str | None
    lowest: bool
    offset: float
    """Margin from the previous card in the same row (mm)."""
    anchor: float
    """Where the moment's time sits, from the card's left edge (mm)."""


@dataclass
class DayView:
    width: float
    height: float
    axis_y: float
    curve: Curve
    hours: list[tuple[float, str]]
    brand_marks: list[tuple[float, bool]]
    rows: list[list[MomentView]]
    card_width: float
    moments: list[MomentView]
    opportunities: list[MomentView]
    brand_present: int


@dataclass
class Quadrant:
    key: str
    label: str
    prompt: str
    icon: Icon
    items: list[str]


@dataclass
class EmpathyView:
    quadrants: list[Quadrant]
    pains: Quadrant
    gains: Quadrant


@dataclass
class PageContext:
    """The whole view model of one rendered map."""

    template: str
    lang: str
    label_lang: str
    header: Header
    persona: PersonaCard | None
    geometry: PageGeometry
    generated: str
    grid: list[GridChunk] = field(default_factory=list)
    stages: list[StageView] = field(default_factory=list)
    plan: list[OwnerGroup] = field(default_factory=list)
    plan_overdue: int = 0
    channels: list[ChannelLegend] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    compares_title: str | None = None
    compares_file: str | None = None
    dropped_stages: list[str] = field(default_factory=list)
    day: DayView | None = None
    empathy: EmpathyView | None = None
    curve_summary: list[str] = field(default_factory=list)
    lowest_names: list[str] = field(default_factory=list)
    icons: dict[str, Icon] = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


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


def metric_text(value: object, lang: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return i18n.format_number(value, lang)
    return str(value)


def source_name(loaded: LoadedMap) -> str:
    """The map's file as the team knows it: relative to the project root."""
    try:
        return loaded.path.absolute().relative_to(loaded.root.absolute()).as_posix()
    except ValueError:
        return loaded.path.name


class Builder:
    """Builds a :class:`PageContext`; one per render."""

    def __init__(self, loaded: LoadedMap, *, template: str, paper: Paper, on: dt.date) -> None:
        if loaded.doc is None:
            raise ValueError("cannot render a map that did not load")
        self.loaded = loaded
        self.doc: AnyMap = loaded.doc
        self.template = template
        self.geometry = GEOMETRY[paper]
        self.today = on
        self.lang = self.doc.lang
        self.tr: gettext.NullTranslations = i18n.translations(self.lang)
        self._: Callable[[str], str] = self.tr.gettext

    def date(self, value: dt.date | None) -> str | None:
        return None if value is None else i18n.format_date(value, self.lang)

    # -- common parts

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

    def action(self, item: ActionItem) -> ActionView:
        open_ = item.status in (Status.todo, Status.doing)
        return ActionView(
            task=item.task,
            owner=item.owner,
            status=item.status.value,
            status_label=self._(STATUS_LABELS[item.status]),
            status_icon=status_icon(item.status),
            due=self.date(item.due),
            overdue=open_ and item.due is not None and item.due < self.today,
            due_sort=item.due,
        )

    # -- staged maps

    def stages(self, stages: Sequence[Stage]) -> list[StageView]:
        pain_refs: dict[str, str] = {}
        pain_count = 0
        for stage in stages:
            for pain in stage.pain_points:
                pain_count += 1
                if pain.id:
                    pain_refs[pain.id] = f"P{pain_count}"
        views: list[StageView] = []
        pain_number = 0
        opp_number = 0
        lowest = lowest_keys([s.feeling for s in stages])
        for index, stage in enumerate(stages):
            pains = []
            for pain in stage.pain_points:
                pain_number += 1
                pains.append(PainView(f"P{pain_number}", pain.id, pain.text))
            opportunities = []
            for opp in stage.opportunities:
                opp_number += 1
                ref = f"O{opp_number}"
                actions = [self.action(a) for a in opp.actions]
                for a in actions:
                    a.stage_number = index + 1
                    a.stage_name = stage.name
                    a.opportunity_ref = ref
                opportunities.append(
                    OpportunityView(
                        ref,
                        opp.id,
                        opp.text,
                        [pain_refs.get(ref_id, ref_id) for ref_id in opp.addresses],
                        actions,
                    )
                )
            views.append(
                StageView(
                    number=index + 1,
                    id=stage.id or str(index + 1),
                    name=stage.name,
                    description=stage.description,
                    icon=stage_icon(stage.icon) if stage.icon else None,
                    moment_of_truth=stage.moment_of_truth,
                    actions=list(stage.actions),
                    thoughts=list(stage.thoughts),
                    feeling=self.feeling(stage.feeling),
                    touchpoints=[
                        TouchpointView(
                            t.name,
                            t.channel.value,
                            self._(CHANNEL_LABELS[t.channel]),
                            channel_icon(t.channel),
                            t.note,
                        )
                        for t in stage.touchpoints
                    ],
                    pain_points=pains,
                    opportunities=opportunities,
                    metrics=[
                        MetricView(
                            m.name,
                            metric_text(m.value, self.lang),
                            metric_text(m.target, self.lang),
                        )
                        for m in stage.metrics
                    ],
                    owner=stage.owner,
                    lowest=index in lowest,
                )
            )
        return views

    def grid(
        self,
        views: list[StageView],
        feelings: list[Feeling | None],
        behind: list[Feeling | None] | None,
    ) -> list[GridChunk]:
        geo = self.geometry
        sizes = chunk_sizes(len(views), geo.max_stages)
        lowest = lowest_keys(feelings)
        chunks: list[GridChunk] = []
        start = 0
        height = 42.0 if behind is None else 46.0
        for number, size in enumerate(sizes, start=1):
            col = geo.column_width(size)
            width = col * size
            samples = [
                (i, (i - start + 0.5) * col, feelings[i]) for i in range(start, start + size)
            ]
            context: list[tuple[float, Feeling | None]] = []
            if start > 0:
                context.append((-0.5 * col, feelings[start - 1]))
            if start + size < len(views):
                context.append((width + 0.5 * col, feelings[start + size]))
            behind_samples = (
                [(i, (i - start + 0.5) * col, behind[i]) for i in range(start, start + size)]
                if behind
                else []
            )
            curve = build_curve(
                samples,
                width=width,
                height=height,
                lowest=lowest,
                context=context,
                behind=behind_samples,
                pad_top=4.0,
                pad_bottom=8.0,
            )
            caption = ""
            if len(sizes) > 1:
                caption = self._("Stages %(first)d–%(last)d of %(total)d") % {
                    "first": start + 1,
                    "last": start + size,
                    "total": len(views),
                }
            chunks.append(
                GridChunk(
                    index=number,
                    count=len(sizes),
                    first=start + 1,
                    last=start + size,
                    total=len(views),
                    stages=views[start : start + size],
                    column_width=col,
                    lane_width=geo.lane_width,
                    curve=curve,
                    curve_id=f"curve-{number}",
                    caption=caption,
                )
            )
            start += size
        return chunks

    def plan(self, views: list[StageView]) -> list[OwnerGroup]:
        groups: dict[str, list[ActionView]] = {}
        unassigned = self._("Unassigned")
        for stage in views:
            for opp in stage.opportunities:
                for action in opp.actions:
                    groups.setdefault(action.owner or unassigned, []).append(action)
        far = dt.date.max
        result = [
            OwnerGroup(
                owner,
                sorted(actions, key=lambda a: (a.due_sort or far, a.stage_number)),
                sum(1 for a in actions if a.overdue),
            )
            for owner, actions in groups.items()
        ]
        # Owners with overdue work first, then by their earliest due date, then by name.
        result.sort(key=lambda g: (-g.overdue, g.actions[0].due_sort or far, g.owner.casefold()))
        return result

    def channels(self, views: list[StageView]) -> list[ChannelLegend]:
        used = {t.channel for s in views for t in s.touchpoints}
        return [
            ChannelLegend(self._(CHANNEL_LABELS[c]), channel_icon(c))
            for c in Channel
            if c.value in used
        ]

    def resolutions(self, future: FutureStateMap, current: CurrentStateMap) -> list[Resolution]:
        future_pains = {p.id for s in future.stages for p in s.pain_points if p.id}
        result = []
        number = 0
        for stage in current.stages:
            for pain in stage.pain_points:
                number += 1
                # Today's opportunities that address it, and the future map's that say they
                # resolve it (`resolves`).
                by = [
                    o
                    for s in current.stages
                    for o in s.opportunities
                    if pain.id and pain.id in o.addresses
                ] + [
                    o
                    for s in future.stages
                    for o in s.opportunities
                    if pain.id and pain.id in o.resolves
                ]
                actions = [a for o in by for a in o.actions if a.status != Status.dropped]
                done = sum(1 for a in actions if a.status == Status.done)
                progress = (
                    self._("%(done)d of %(total)d actions done")
                    % {"done": done, "total": len(actions)}
                    if actions
                    else None
                )
                result.append(
                    Resolution(
                        ref=f"P{number}",
                        text=pain.text,
                        stage=stage.name,
                        resolved_by=[o.text for o in by],
                        progress=progress,
                        still_there=bool(pain.id and pain.id in future_pains),
                    )
                )
        return result

    # -- the four templates

    def build(self) -> PageContext:
        page = PageContext(
            template=self.template,
            lang=self.lang,
            label_lang=i18n.label_language(self.lang),
            header=self.header(),
            persona=self.persona(),
            geometry=self.geometry,
            generated=i18n.format_date(self.today, self.lang),
            icons={name: part_icon(name) for name in _PAGE_ICONS},
        )
        if self.template in ("current-state", "future-state"):
            self._staged(page)
        elif self.template == "day-in-the-life":
            self._day(page)
        else:
            self._empathy(page)
        return page

    def _staged(self, page: PageContext) -> None:
        doc = self.doc
        stages: list[Stage] = (
            list(doc.stages) if isinstance(doc, CurrentStateMap | FutureStateMap) else []
        )
        views = self.stages(stages)
        feelings = [s.feeling for s in stages]
        behind: list[Feeling | None] | None = None
        compares = self.loaded.compares
        current = compares.doc if compares is not None else None
        if self.template == "future-state" and isinstance(current, CurrentStateMap):
            by_id = {s.id: s for s in current.stages}
            behind = [by_id[s.id].feeling if s.id in by_id else None for s in stages]
            for view, before in zip(views, behind, strict=True):
                if view.feeling is not None and before is not None:
                    change = view.feeling.score - before.score
                    view.feeling.before = signed(before.score)
                    view.feeling.change = signed(change)
                    view.feeling.change_valence = valence(change)
            future_ids = {s.id for s in stages}
            page.dropped_stages = [s.name for s in current.stages if s.id not in future_ids]
            page.compares_title = current.title
            page.compares_file = source_name(compares) if compares is not None else None
            if isinstance(doc, FutureStateMap):
                page.resolutions = self.resolutions(doc, current)
        page.stages = views
        page.grid = self.grid(views, feelings, behind)
        page.plan = self.plan(views)
        page.plan_overdue = sum(g.overdue for g in page.plan)
        page.channels = self.channels(views)
        page.curve_summary = self.curve_summary(
            [(f"{v.number}. {v.name}", v.feeling) for v in views]
        )
        page.lowest_names = [v.name for v in views if v.lowest]

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

    def _day(self, page: PageContext) -> None:
        doc = self.doc
        assert isinstance(doc, DayInTheLifeMap)
        geo = self.geometry
        moments = list(doc.moments)
        width = geo.content_width - 1.0
        minutes = [int(m.time[:2]) * 60 + int(m.time[3:]) for m in moments]
        start = (min(minutes) // 60) * 60 if minutes else 0
        end = -(-max(minutes) // 60) * 60 if minutes else 24 * 60
        if end <= start:
            end = start + 60
        pad = 8.0
        span = width - 2 * pad

        def x_of(minute: int) -> float:
            return pad + (minute - start) / (end - start) * span

        height = 46.0
        lowest = lowest_keys([m.feeling for m in moments])
        curve = build_curve(
            [(i, x_of(minutes[i]), m.feeling) for i, m in enumerate(moments)],
            width=width,
            height=height,
            lowest=lowest,
            pad_top=6.0,
            pad_bottom=12.0,
        )
        hours = [(x_of(h * 60), f"{h:02d}:00") for h in range(start // 60, end // 60 + 1)]
        card_width = 46.0
        gap = 2.0
        xs = [x_of(m) for m in minutes]
        lefts, row_of = _arrange(xs, card_width, gap, width)
        rows: list[list[MomentView]] = [[] for _ in range(max(row_of, default=-1) + 1)]
        ends = [0.0] * len(rows)
        views: list[MomentView] = []
        for i, moment in enumerate(moments):
            row = row_of[i]
            view = MomentView(
                number=i + 1,
                time=moment.time,
                activity=moment.activity,
                thoughts=list(moment.thoughts),
                feeling=self.feeling(moment.feeling),
                with_brand=moment.with_brand,
                opportunity=moment.opportunity,
                lowest=i in lowest,
                offset=lefts[i] - ends[row],
                anchor=xs[i] - lefts[i],
            )
            rows[row].append(view)
            ends[row] = lefts[i] + card_width
            views.append(view)
        page.day = DayView(
            width=width,
            height=height,
            axis_y=height - 7.0,
            curve=curve,
            hours=hours,
            brand_marks=[(x_of(minutes[i]), m.with_brand) for i, m in enumerate(moments)],
            rows=rows,
            card_width=card_width,
            moments=views,
            opportunities=[v for v in views if v.opportunity],
            brand_present=sum(1 for m in moments if m.with_brand),
        )
        page.curve_summary = self.curve_summary(
            [(f"{v.time} {v.activity}", v.feeling) for v in views]
        )
        page.lowest_names = [f"{v.time} {v.activity}" for v in views if v.lowest]

    def _empathy(self, page: PageContext) -> None:
        doc = self.doc
        assert isinstance(doc, EmpathyMap)
        e = doc.empathy
        _ = self._

        def quadrant(key: str, label: str, prompt: str, items: list[str]) -> Quadrant:
            return Quadrant(key, label, prompt, part_icon(key), list(items))

        page.empathy = EmpathyView(
            quadrants=[
                quadrant("says", _("Says"), _("What we heard them say"), e.says),
                quadrant("thinks", _("Thinks"), _("What occupies their thinking"), e.thinks),
                quadrant("does", _("Does"), _("What we saw them do"), e.does),
                quadrant("feels", _("Feels"), _("What they feel"), e.feels),
            ],
            pains=quadrant("pains", _("Pains"), _("Fears, frustrations, obstacles"), e.pains),
            gains=quadrant("gains", _("Gains"), _("Wants, needs, measures of success"), e.gains),
        )


_PAGE_ICONS = (
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


def _arrange(
    xs: list[float], card: float, gap: float, width: float
) -> tuple[list[float], list[int]]:
    """Left edges and rows of the day's cards: each as close to its time as the others allow.

    Cards go round-robin over as few rows as fit (neighbours in time land in different rows),
    then each row is relaxed: pushed right past the previous card, pulled left to fit the page.
    """
    n = len(xs)
    if n == 0:
        return [], []
    rows = 1
    while rows < n and -(-n // rows) * (card + gap) - gap > width:
        rows += 1
    rows = max(rows, 2) if n > 4 else rows
    lefts = [0.0] * n
    row_of = [i % rows for i in range(n)]
    for row in range(rows):
        members = [i for i in range(n) if row_of[i] == row]
        end = -gap
        for i in members:
            lefts[i] = max(min(max(xs[i] - 4.0, 0.0), width - card), end + gap)
            end = lefts[i] + card
        limit = width - card
        for i in reversed(members):
            lefts[i] = min(lefts[i], limit)
            limit = lefts[i] - gap - card
    return lefts, row_of


def _softened(loaded: LoadedMap) -> LoadedMap:
    """``loaded`` with break opportunities in overlong words (see :mod:`.wrapping`)."""
    doc, persona = soften_all(loaded.doc), soften_all(loaded.persona)
    compares = _softened(loaded.compares) if loaded.compares else None
    if doc is loaded.doc and persona is loaded.persona and compares is loaded.compares:
        return loaded
    return dataclasses.replace(loaded, doc=doc, persona=persona, compares=compares)


def build_context(
    loaded: LoadedMap,
    *,
    template: str | None = None,
    paper: Paper | str = Paper.a4,
    on: dt.date | None = None,
) -> PageContext:
    """The view model of ``loaded`` in ``template`` (default: the map's kind)."""
    if loaded.doc is None:
        raise ValueError("cannot render a map that did not load")
    kind = template or loaded.doc.kind
    return Builder(_softened(loaded), template=kind, paper=Paper(paper), on=on or today()).build()


__all__ = ["PageContext", "build_context", "initials", "today"]
