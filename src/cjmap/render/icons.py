"""Inline SVG icons: one per channel, lane, stage icon, empathy quadrant and research source.

Every icon is a tuple of SVG path ``d`` strings on a 24x24 grid, drawn with a stroke (no fill),
so a template writes them as ``<path d="...">`` elements: no icon font, no external file, no
markup passed around as a string. This module says which shape each value gets; the shapes'
path data (from Lucide) is in :mod:`.icon_data`.

docs/icons.md lists the stage icons (:mod:`.icon_docs` writes it); a test checks that it names
every one.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjmap.model import Channel, SourceKind, StageIcon, Status
from cjmap.render.icon_data import PATHS


@dataclass(frozen=True)
class Icon:
    """An icon ready for a template: its name (for CSS and tests) and its path data."""

    name: str
    paths: tuple[str, ...]


def icon(shape: str) -> Icon:
    """The icon drawn from the Lucide shape ``shape`` (a KeyError names a missing shape)."""
    return Icon(shape, PATHS[shape])


CHANNEL_SHAPES: dict[Channel, str] = {
    Channel.website: "globe",
    Channel.app: "smartphone",
    Channel.email: "mail",
    Channel.social: "thumbs-up",
    Channel.search: "search",
    Channel.ads: "megaphone",
    Channel.store: "store",
    Channel.phone: "phone",
    Channel.chat: "message-circle",
    Channel.reviews: "star",
    Channel.print: "newspaper",
    Channel.events: "calendar-days",
    Channel.word_of_mouth: "users",
    Channel.other: "ellipsis",
}

STAGE_SHAPES: dict[StageIcon, str] = {
    StageIcon.search: "search",
    StageIcon.compare: "scale",
    StageIcon.cart: "shopping-cart",
    StageIcon.pay: "credit-card",
    StageIcon.delivery: "truck",
    StageIcon.unbox: "package-open",
    StageIcon.install: "wrench",
    StageIcon.support: "headset",
    StageIcon.review: "message-square-quote",
    StageIcon.share: "share-2",
    StageIcon.loyalty: "heart-handshake",
    StageIcon.return_: "undo-2",
    StageIcon.learn: "graduation-cap",
    StageIcon.signup: "user-plus",
    StageIcon.calendar: "calendar",
    StageIcon.idea: "lightbulb",
    StageIcon.ad: "megaphone",
    StageIcon.store: "store",
}

SOURCE_SHAPES: dict[SourceKind, str] = {
    SourceKind.interview: "mic",
    SourceKind.survey: "clipboard-list",
    SourceKind.analytics: "chart-line",
    SourceKind.chatbot_logs: "bot",
    SourceKind.support_tickets: "ticket",
    SourceKind.observation: "eye",
    SourceKind.other: "file-text",
}

STATUS_SHAPES: dict[Status, str] = {
    Status.todo: "circle",
    Status.doing: "circle-dot",
    Status.done: "circle-check",
    Status.dropped: "circle-x",
}

# Lanes of the grid, empathy quadrants, and the other labelled parts of a page.
PART_SHAPES: dict[str, str] = {
    "actions": "footprints",
    "thoughts": "brain",
    "feeling": "heart-pulse",
    "touchpoints": "mouse-pointer-click",
    "pain_points": "triangle-alert",
    "opportunities": "lightbulb",
    "metrics": "chart-column",
    "owner": "building-2",
    "moment_of_truth": "star",
    "overdue": "alarm-clock",
    "says": "message-circle",
    "thinks": "cloud",
    "does": "hand",
    "feels": "heart",
    "pains": "frown",
    "gains": "smile",
    "goals": "target",
    "needs": "list-checks",
    "frustrations": "frown",
    "motivations": "flame",
    "quote": "quote",
    "objective": "target",
    "scenario": "book-open",
    "expectations": "list-checks",
    "person": "user",
    "reviewed": "calendar-check",
    "tags": "tag",
    "time": "clock",
    "brand": "sparkles",
    "no_brand": "circle-dashed",
    "resolved": "check-check",
    "open": "circle-dot",
    "task": "arrow-right",
    "blocked": "ban",
    "lowest": "triangle-alert",
}


def channel_icon(channel: Channel) -> Icon:
    return icon(CHANNEL_SHAPES[channel])


def stage_icon(name: StageIcon) -> Icon:
    return icon(STAGE_SHAPES[name])


def source_icon(kind: SourceKind) -> Icon:
    return icon(SOURCE_SHAPES[kind])


def status_icon(status: Status) -> Icon:
    return icon(STATUS_SHAPES[status])


def part_icon(part: str) -> Icon:
    return icon(PART_SHAPES[part])
