"""Icons: one per channel, stage icon, source, status and labelled part of a page."""

from __future__ import annotations

import pytest

from cjmap.model import Channel, SourceKind, StageIcon, Status
from cjmap.render import icons
from cjmap.render.icon_data import PATHS


def test_every_enum_value_has_an_icon_with_path_data() -> None:
    drawn = (
        [icons.channel_icon(c) for c in Channel]
        + [icons.stage_icon(s) for s in StageIcon]
        + [icons.source_icon(k) for k in SourceKind]
        + [icons.status_icon(s) for s in Status]
        + [icons.part_icon(p) for p in icons.PART_SHAPES]
    )
    for icon in drawn:
        assert icon.paths
        assert icon.paths == PATHS[icon.name]


def test_channels_have_distinct_icons() -> None:
    shapes = [icons.CHANNEL_SHAPES[c] for c in Channel]
    assert len(set(shapes)) == len(shapes)


def test_a_missing_shape_is_named() -> None:
    with pytest.raises(KeyError, match="no-such-shape"):
        icons.icon("no-such-shape")
