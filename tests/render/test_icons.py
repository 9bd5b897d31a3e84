"""Icons: one per channel, stage icon, source and status; docs/icons.md lists the stage icons."""

from __future__ import annotations

import re

from cjmap.model import Channel, SourceKind, StageIcon, Status
from cjmap.render import icons

from .conftest import ROOT


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
        assert all(re.fullmatch(r"[MmLlHhVvCcSsQqTtAaZz0-9 .,\-]+", d) for d in icon.paths), (
            icon.name
        )


def test_channels_have_distinct_icons() -> None:
    shapes = [icons.CHANNEL_SHAPES[c] for c in Channel]
    assert len(set(shapes)) == len(shapes)


def test_docs_list_every_stage_icon() -> None:
    page = (ROOT / "docs" / "icons.md").read_text(encoding="utf-8")
    stages = page.split("## Stage icons")[1].split("## Channel icons")[0]
    listed = set(re.findall(r"^\| `([a-z-]+)` \|", stages, re.M))
    assert listed == {s.value for s in StageIcon}


def test_docs_icons_page_is_generated_from_the_code() -> None:
    page = (ROOT / "docs" / "icons.md").read_text(encoding="utf-8")
    assert page == icons.markdown(), "run `python -m cjmap.render.icons > docs/icons.md`"
