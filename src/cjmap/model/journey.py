"""A journey map, format version 1: the header every map has, and one model per kind.

Over 400 lines because these models are the format's reference (docs/format.md and the JSON
Schema are generated from their fields' descriptions and examples): one file reads as the
format, in the order FORMAT.md gives it.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag

from cjmap.model.common import (
    Channel,
    FeelingValue,
    Id,
    MetricValue,
    NonEmptyStr,
    StageIcon,
    Status,
    Strict,
)
from cjmap.model.persona import Persona

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"

PersonaPath = Annotated[
    str,
    Field(
        min_length=1,
        description="Path of a persona file, relative to this map's file.",
        examples=["personas/colleen.yaml"],
    ),
]


def _persona_form(value: object) -> str:
    return "path" if isinstance(value, str) else "inline"


# A callable discriminator keeps errors to the form the author chose (no "should be a string"
# noise under an inline persona that has a typo).
PersonaField = Annotated[
    Annotated[PersonaPath, Tag("path")] | Annotated[Persona, Tag("inline")],
    Discriminator(_persona_form),
]


class Touchpoint(Strict):
    """A place where the customer meets the brand."""

    name: NonEmptyStr = Field(description="What the touchpoint is.", examples=["Review site"])
    channel: Channel = Field(
        description=(
            "website | app | email | social | search | ads | store | phone | chat | reviews | "
            "print | events | word-of-mouth | other"
        ),
        examples=["reviews"],
    )
    note: str | None = Field(
        default=None,
        description="Anything worth knowing about this touchpoint.",
        examples=["Most visits come from mobile"],
    )


class PainPoint(Strict):
    """Friction: where the customer gets stuck or leaves."""

    id: Id | None = Field(
        default=None,
        description="Needed for an opportunity to `address` this pain point.",
        examples=["too-much-content"],
    )
    text: NonEmptyStr = Field(
        description="What hurts.", examples=["Too much content to sift through"]
    )


class ActionItem(Strict):
    """One concrete item of an opportunity's action plan."""

    task: NonEmptyStr = Field(
        description="What will be done.",
        examples=["Build a comparison tool with costs and benefits"],
    )
    owner: str | None = Field(
        default=None, description="The team or person who does it.", examples=["Web team"]
    )
    status: Status = Field(
        default=Status.todo, description="todo | doing | done | dropped", examples=["todo"]
    )
    due: dt.date | None = Field(
        default=None, description="Due date (YYYY-MM-DD).", examples=["2026-12-15"]
    )


class Opportunity(Strict):
    """An idea that removes a pain point or adds delight, with its action plan."""

    id: Id | None = Field(
        default=None,
        description="Needed only to refer to this opportunity; unique in the map.",
        examples=["comparison-chart"],
    )
    text: NonEmptyStr = Field(
        description="The idea.", examples=["Comparison chart against competitors"]
    )
    addresses: list[Id] = Field(
        default_factory=list,
        description="Ids of the pain points (in any stage of this map) this opportunity removes.",
        examples=[["too-much-content"]],
    )
    resolves: list[Id] = Field(
        default_factory=list,
        description=(
            "Future-state maps only: ids of pain points in the compared current-state map "
            "(`compares`) that this opportunity resolves."
        ),
        examples=[["too-much-content"]],
    )
    # Strict: `"3"`, `3.0` and `true` are errors, as the JSON Schema's `integer` tells an editor.
    impact: int | None = Field(
        default=None,
        ge=1,
        le=5,
        strict=True,
        description=(
            "Expected value for the customer and the business, 1 (little) to 5 (a lot); "
            "places the opportunity on the prioritisation matrix."
        ),
        examples=[4],
    )
    effort: int | None = Field(
        default=None,
        ge=1,
        le=5,
        strict=True,
        description=(
            "The work it takes, 1 (a day or two) to 5 (months); places the opportunity on "
            "the prioritisation matrix."
        ),
        examples=[2],
    )
    actions: list[ActionItem] = Field(
        default_factory=list,
        description="The action plan: concrete items with owners.",
        examples=[
            [
                {
                    "task": "Build a comparison tool with costs and benefits",
                    "owner": "Web team",
                    "status": "todo",
                    "due": "2026-12-15",
                }
            ]
        ],
    )


class Metric(Strict):
    """How a stage is measured."""

    name: NonEmptyStr = Field(
        description="What is measured.", examples=["Product page to cart rate"]
    )
    value: MetricValue | None = Field(
        default=None, description="The current value.", examples=["2.1%", 42]
    )
    target: MetricValue | None = Field(
        default=None, description="The value the team aims for.", examples=["3.5%", 60]
    )


class Stage(Strict):
    """One phase of the journey, in order."""

    id: Id | None = Field(
        default=None,
        description=(
            "Unique in the map. Default: derived from `name` (lower-cased, spaces to `-`)."
        ),
        examples=["research"],
    )
    name: NonEmptyStr = Field(description="The stage's name.", examples=["Research"])
    icon: StageIcon | None = Field(
        default=None,
        description="An icon from cjmap's bundled set, shown at the head of the stage's column.",
        examples=["search"],
    )
    description: str | None = Field(
        default=None,
        description="What this stage covers.",
        examples=["From first search to shortlist"],
    )
    actions: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the customer does.",
        examples=[["Reads reviews", "Watches comparison videos"]],
    )
    thoughts: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the customer thinks or asks themselves.",
        examples=[["Which one will last?"]],
    )
    feeling: FeelingValue | None = Field(
        default=None,
        description="The customer's emotion: -3 (worst) .. +3 (best), or {score, label}.",
        examples=[-1, {"score": -1, "label": "anxious"}],
    )
    touchpoints: list[Touchpoint] = Field(
        default_factory=list,
        description="Every place the customer meets the brand in this stage.",
        examples=[[{"name": "Review site", "channel": "reviews"}]],
    )
    pain_points: list[PainPoint] = Field(
        default_factory=list,
        description="Friction in this stage.",
        examples=[[{"id": "too-much-content", "text": "Too much content to sift through"}]],
    )
    opportunities: list[Opportunity] = Field(
        default_factory=list,
        description="Ideas that remove pain points or add delight.",
        examples=[
            [
                {
                    "id": "comparison-chart",
                    "text": "Comparison chart against competitors",
                    "addresses": ["too-much-content"],
                }
            ]
        ],
    )
    metrics: list[Metric] = Field(
        default_factory=list,
        description="How this stage is measured.",
        examples=[[{"name": "Product page to cart rate", "value": "2.1%", "target": "3.5%"}]],
    )
    moment_of_truth: bool = Field(
        default=False,
        description="True for the few stages that decide success.",
        examples=[True],
    )
    owner: str | None = Field(
        default=None,
        description="Backstage: the department responsible for the experience at this stage.",
        examples=["Marketing"],
    )


class Moment(Strict):
    """One moment of a day in the persona's life."""

    time: str = Field(pattern=TIME_PATTERN, description='"HH:MM", 24-hour.', examples=["07:30"])
    activity: NonEmptyStr = Field(
        description="What the persona does.", examples=["Commute by train"]
    )
    thoughts: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the persona thinks.",
        examples=[["Twenty minutes to myself"]],
    )
    feeling: FeelingValue | None = Field(
        default=None,
        description="The customer's emotion: -3 (worst) .. +3 (best), or {score, label}.",
        examples=[-1, {"score": -1, "label": "anxious"}],
    )
    with_brand: bool = Field(
        default=False,
        description="Does the brand take part in this moment today?",
        examples=[False],
    )
    opportunity: str | None = Field(
        default=None,
        description="How the brand could meet the persona at this moment.",
        examples=["Short video ads on the commuter's social feed"],
    )


class Empathy(Strict):
    """The four quadrants of an empathy map, with pains and gains."""

    says: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the persona says.",
        examples=[["I don't have time for this"]],
    )
    thinks: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the persona thinks.",
        examples=[["Will it break again?"]],
    )
    does: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the persona does.",
        examples=[["Reads three review sites"]],
    )
    feels: list[NonEmptyStr] = Field(
        default_factory=list, description="What the persona feels.", examples=[["Impatient"]]
    )
    pains: list[NonEmptyStr] = Field(
        default_factory=list,
        description="Fears, frustrations, obstacles.",
        examples=[["Wasted time"]],
    )
    gains: list[NonEmptyStr] = Field(
        default_factory=list,
        description="Wants, needs, measures of success.",
        examples=[["A vacuum that lasts"]],
    )


class MapBase(Strict):
    """The header every map has."""

    cjmap: Literal[1] = Field(description="Format version. Always 1.", examples=[1])
    title: NonEmptyStr = Field(description="The map's title.", examples=["Buying a vacuum online"])
    lang: str = Field(
        default="en",
        pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$",
        description="BCP 47 tag of the content's language: en, zh, ru, mk, ...",
        examples=["en"],
    )
    owner: str | None = Field(
        default=None, description="Who keeps the map up to date.", examples=["CX team"]
    )
    reviewed: dt.date | None = Field(
        default=None, description="Last review date (YYYY-MM-DD).", examples=["2026-09-01"]
    )
    review_every: int = Field(
        default=90, ge=1, le=3650, description="Days between reviews.", examples=[90]
    )
    tags: list[NonEmptyStr] = Field(
        default_factory=list, description="Free-form tags.", examples=[["ecommerce", "vacuum"]]
    )
    persona: PersonaField | None = Field(
        default=None,
        description="The persona: a path to a persona file relative to this map, or inline.",
        examples=[
            "personas/colleen.yaml",
            {"name": "Curious Colleen", "goals": ["Find a vacuum that lasts"]},
        ],
    )
    objective: str | None = Field(
        default=None,
        description="Why the team made this map.",
        examples=["Find why online buyers abandon the cart"],
    )
    scenario: str | None = Field(
        default=None,
        description="What the persona is trying to do in this map.",
        examples=["Colleen needs a vacuum that will not break again."],
    )
    expectations: list[NonEmptyStr] = Field(
        default_factory=list,
        description="What the persona expects to happen.",
        examples=[["Clear comparison of models"]],
    )


class CurrentStateMap(MapBase):
    """The journey as it is today, pain points included."""

    kind: Literal["current-state"] = Field(
        description="The kind of map: current-state | future-state | day-in-the-life | empathy.",
        examples=["current-state"],
    )
    stages: list[Stage] = Field(
        default_factory=list,
        description="The stages, in order.",
        examples=[[{"id": "research", "name": "Research", "feeling": -1}]],
    )


class FutureStateMap(MapBase):
    """The journey as the business wants it to be."""

    kind: Literal["future-state"] = Field(
        description="The kind of map: current-state | future-state | day-in-the-life | empathy.",
        examples=["future-state"],
    )
    compares: str | None = Field(
        default=None,
        min_length=1,
        description="Path of the current-state map this one improves on, relative to this file.",
        examples=["current.cjm.yaml"],
    )
    stages: list[Stage] = Field(
        default_factory=list,
        description="The stages, in order.",
        examples=[[{"id": "research", "name": "Research", "feeling": -1}]],
    )


class DayInTheLifeMap(MapBase):
    """The persona's whole day, with and without the brand."""

    kind: Literal["day-in-the-life"] = Field(
        description="The kind of map: current-state | future-state | day-in-the-life | empathy.",
        examples=["day-in-the-life"],
    )
    moments: list[Moment] = Field(
        default_factory=list,
        description="The moments of one day, in time order.",
        examples=[[{"time": "07:30", "activity": "Commute by train", "with_brand": False}]],
    )


class EmpathyMap(MapBase):
    """What the persona says, thinks, does and feels, with pains and gains."""

    kind: Literal["empathy"] = Field(
        description="The kind of map: current-state | future-state | day-in-the-life | empathy.",
        examples=["empathy"],
    )
    empathy: Empathy = Field(
        default_factory=Empathy,
        description="The quadrants: says, thinks, does, feels, with pains and gains.",
        examples=[{"says": ["I don't have time for this"], "feels": ["Impatient"]}],
    )


JourneyMap = Annotated[
    CurrentStateMap | FutureStateMap | DayInTheLifeMap | EmpathyMap,
    Field(discriminator="kind"),
]

StagedMap = CurrentStateMap | FutureStateMap
AnyMap = CurrentStateMap | FutureStateMap | DayInTheLifeMap | EmpathyMap

MODEL_BY_KIND: dict[str, type[MapBase]] = {
    "current-state": CurrentStateMap,
    "future-state": FutureStateMap,
    "day-in-the-life": DayInTheLifeMap,
    "empathy": EmpathyMap,
}
