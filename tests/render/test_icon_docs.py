"""docs/icons.md lists every stage icon and is what `python -m cjmap.docgen` writes."""

from __future__ import annotations

import re

from cjmap.model import StageIcon
from cjmap.render.icon_docs import STAGE_USES, icons_markdown

from .conftest import ROOT


def test_every_stage_icon_has_a_use() -> None:
    assert set(STAGE_USES) == set(StageIcon)


def test_docs_list_every_stage_icon() -> None:
    page = (ROOT / "docs" / "icons.md").read_text(encoding="utf-8")
    stages = page.split("## Stage icons")[1].split("## Channel icons")[0]
    listed = set(re.findall(r"^\| `([a-z-]+)` \|", stages, re.M))
    assert listed == {s.value for s in StageIcon}


def test_docs_icons_page_is_generated_from_the_code() -> None:
    page = (ROOT / "docs" / "icons.md").read_text(encoding="utf-8")
    assert page == icons_markdown(), "run `python -m cjmap.docgen`"
