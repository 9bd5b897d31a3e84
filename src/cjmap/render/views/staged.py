"""The page of a staged map: the current-state and future-state templates (``_staged.html.j2``).

Numbering and cross-references (P1, O1), the action plan grouped by owner with overdue marks,
the channel legend, and for the future-state template the comparison with the current map it
names (:class:`FutureStatePage`). The grid's split into pages is in :mod:`.grid`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from cjmap.model import (
    ActionItem,
    Channel,
    CurrentStateMap,
    Feeling,
    FutureStateMap,
    Stage,
    Status,
)
from cjmap.render import i18n
from cjmap.render.curve import lowest_keys, signed, valence
from cjmap.render.icons import Icon, channel_icon, stage_icon, status_icon
from cjmap.render.layout import PageGeometry, balanced_runs, staged_poster
from cjmap.render.views.common import FeelingView, Page, PageBuilder, source_name
from cjmap.render.views.grid import GridChunk, grid
from cjmap.render.views.labels import CHANNEL_LABELS, STATUS_LABELS


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
class OwnerGroup:
    owner: str
    actions: list[ActionView]
    overdue: int


@dataclass
class ChannelLegend:
    label: str
    icon: Icon


@dataclass
class Resolution:
    """Future state: a pain point of the current map and what resolves it."""

    ref: str
    text: str
    stage: str
    resolved_by: list[str]
    progress: str | None
    still_there: bool


@dataclass(kw_only=True)
class StagedPage(Page):
    """The current-state template's page, and the base of the future-state template's."""

    stages: list[StageView]
    grid: list[GridChunk]
    plan: list[OwnerGroup]
    plan_columns: list[list[OwnerGroup]]
    """The plan's owners cut into side-by-side columns, in order, of about the same number of
    rows (an owner's heading and each of their items); one column but on a wide poster."""
    plan_overdue: int
    channels: list[ChannelLegend]
    curve_summary: list[str]
    lowest_names: list[str]


@dataclass(kw_only=True)
class FutureStatePage(StagedPage):
    """The future-state template's page: a staged page compared with today's map.

    The comparison stays empty when the map names no current-state map (``compares``).
    """

    compares_title: str | None = None
    compares_file: str | None = None
    dropped_stages: list[str] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)


def metric_text(value: object, lang: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return i18n.format_number(value, lang)
    return str(value)


class StagedBuilder(PageBuilder):
    """Builds the page of a map shown in the current-state or future-state template."""

    def poster(self) -> PageGeometry:
        doc = self.doc
        return staged_poster(
            len(doc.stages) if isinstance(doc, CurrentStateMap | FutureStateMap) else 0
        )

    def build(self) -> StagedPage:
        doc = self.doc
        stages: list[Stage] = (
            list(doc.stages) if isinstance(doc, CurrentStateMap | FutureStateMap) else []
        )
        views = self.stages(stages)
        compares = self.loaded.compares
        current = compares.doc if compares is not None else None
        if self.template != "future-state" or not isinstance(current, CurrentStateMap):
            current = None
        behind = self.compare_feelings(views, stages, current) if current is not None else None
        plan = self.plan(views)
        page_class = FutureStatePage if self.template == "future-state" else StagedPage
        page = page_class(
            **self.page_fields(),
            stages=views,
            grid=grid(
                views,
                [s.feeling for s in stages],
                behind,
                geometry=self.geometry,
                gettext=self._,
            ),
            plan=plan,
            plan_columns=balanced_runs(
                plan, [1 + len(g.actions) for g in plan], self.geometry.plan_columns
            ),
            plan_overdue=sum(g.overdue for g in plan),
            channels=self.channels(views),
            curve_summary=self.curve_summary([(f"{v.number}. {v.name}", v.feeling) for v in views]),
            lowest_names=[v.name for v in views if v.lowest],
        )
        if isinstance(page, FutureStatePage) and current is not None:
            future_ids = {s.id for s in stages}
            page.dropped_stages = [s.name for s in current.stages if s.id not in future_ids]
            page.compares_title = current.title
            page.compares_file = source_name(compares) if compares is not None else None
            if isinstance(doc, FutureStateMap):
                page.resolutions = self.resolutions(doc, current)
        return page

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

    def compare_feelings(
        self, views: list[StageView], stages: list[Stage], current: CurrentStateMap
    ) -> list[Feeling | None]:
        """The current map's feeling at each stage (matched by id), noted on the stage's view."""
        by_id = {s.id: s for s in current.stages}
        behind = [by_id[s.id].feeling if s.id in by_id else None for s in stages]
        for view, before in zip(views, behind, strict=True):
            if view.feeling is not None and before is not None:
                change = view.feeling.score - before.score
                view.feeling.before = signed(before.score)
                view.feeling.change = signed(change)
                view.feeling.change_valence = valence(change)
        return behind

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
