"""The page of an empathy map (``empathy.html.j2``): four quadrants, pains and gains."""

from __future__ import annotations

from dataclasses import dataclass

from cjmap.choices import Paper
from cjmap.model import EmpathyMap
from cjmap.render.icons import Icon, part_icon
from cjmap.render.layout import GEOMETRY, PageGeometry, poster_geometry
from cjmap.render.views.common import Page, PageBuilder


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


@dataclass(kw_only=True)
class EmpathyPage(Page):
    """The empathy template's page."""

    empathy: EmpathyView


class EmpathyBuilder(PageBuilder):
    """Builds the :class:`EmpathyPage` of an empathy map."""

    def poster(self) -> PageGeometry:
        # The canvas is drawn for A4 landscape; the poster only adds the persona card below it.
        return poster_geometry(min_width=GEOMETRY[Paper.a4].width)

    def build(self) -> EmpathyPage:
        doc = self.doc
        assert isinstance(doc, EmpathyMap)
        e = doc.empathy
        _ = self._

        def quadrant(key: str, label: str, prompt: str, items: list[str]) -> Quadrant:
            return Quadrant(key, label, prompt, part_icon(key), list(items))

        empathy = EmpathyView(
            quadrants=[
                quadrant("says", _("Says"), _("What we heard them say"), e.says),
                quadrant("thinks", _("Thinks"), _("What occupies their thinking"), e.thinks),
                quadrant("does", _("Does"), _("What we saw them do"), e.does),
                quadrant("feels", _("Feels"), _("What they feel"), e.feels),
            ],
            pains=quadrant("pains", _("Pains"), _("Fears, frustrations, obstacles"), e.pains),
            gains=quadrant("gains", _("Gains"), _("Wants, needs, measures of success"), e.gains),
        )
        return EmpathyPage(**self.page_fields(), empathy=empathy)
