"""The labels of the format's fixed values (kinds, channels, sources, statuses, valences).

The English texts are msgids: :func:`N_` marks them for the catalog (``python -m
cjmap.render.catalogs`` finds them here) and the views translate them where they show them.
"""

from __future__ import annotations

from cjmap.model import Channel, SourceKind, Status


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
