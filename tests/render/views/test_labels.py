"""Every fixed value of the format has a label (the catalogs translate it)."""

from __future__ import annotations

from cjmap.model import Channel, Kind, SourceKind, Status
from cjmap.render.views.labels import (
    CHANNEL_LABELS,
    KIND_LABELS,
    SOURCE_LABELS,
    STATUS_LABELS,
)


def test_every_value_has_a_label() -> None:
    assert set(KIND_LABELS) == {k.value for k in Kind}
    assert set(CHANNEL_LABELS) == set(Channel)
    assert set(SOURCE_LABELS) == set(SourceKind)
    assert set(STATUS_LABELS) == set(Status)
