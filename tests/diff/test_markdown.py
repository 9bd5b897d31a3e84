"""--format markdown: the summary, the feeling table, a Mermaid chart the real Mermaid parser
(tests/node) accepts, the details, and hostile text kept as text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from cjmap.diff import DiffStyle, diff_printer
from cjmap.diff.run import Run, diff_revisions
from support import mermaid_parse

from .gitrepo import Repo
from .hostile import hostile


def markdown(result: Run) -> str:
    out = io.StringIO()
    diff_printer("markdown")(result, out, DiffStyle())
    return out.getvalue()


def mermaid_blocks(text: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)```", text, re.S)


@pytest.fixture(scope="module")
def shop(repo: Repo) -> str:
    return markdown(diff_revisions("v1", "v2", cwd=repo.root))


def test_summary_table_chart_and_details(shop: str) -> None:
    lines = shop.splitlines()
    assert lines[0] == "<!-- cjmap-diff -->"
    assert lines[3] == (
        "**5 maps changed (1 added, 1 removed, 1 renamed); 1 stage added; 2 stages moved; "
        "feeling better at 3 stages; 1 pain point resolved.**"
    )
    shop_part = shop[shop.index("### Buying a vacuum online") :]
    assert "| Sign up | −2 | +1 | ▲ +3 |\n| Delivery |  | +2 | stage added |" in shop_part
    assert '    x-axis ["Sign up", "Discover", "Pay", "Delivery (new)"]' in shop_part
    assert "    line [-2, -1, -1, -1]\n    line [1, -1, -1, 2]" in shop_part
    assert "<summary>All 12 changes</summary>" in shop_part
    assert "- ✅ pain point resolved: “The site is slow”" in shop_part
    assert (
        "- ✏️ action item “Ship new pricing page” handed from “Web team” to “Support team”"
        in shop_part
    )
    assert "- ➖ action item removed from the plan of “publish-pricing”: “Old task”" in shop_part


def test_the_chart_parses_with_the_real_mermaid(shop: str, tmp_path: Path) -> None:
    # One node run (~2 s): the hostile map's chart, whose labels hold Chinese, quotes,
    # brackets, backticks, `%%` and a bidi override, with an added stage; the shop's charts
    # are the same lines with tamer labels.
    assert len(mermaid_blocks(shop)) == 4
    for block in mermaid_blocks(markdown(hostile(tmp_path))):
        parsed = mermaid_parse(block)
        assert parsed["ok"] is True, (parsed, block)
        assert parsed["type"] == "xychart"
        assert str(parsed["title"]).startswith("Feeling per ")


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    text = markdown(hostile(tmp_path))
    # Every `<` from the map is backslash-escaped: Markdown shows it, never starts a tag.
    assert re.findall(r"(?<!\\)<(?!details>|summary>)\w+", text) == []
    assert "\\<script\\>alert(1)\\</script\\> \\| \\@everyone" in text
    assert "\u202e" not in text and "\\\\u202e" in text
    # A stage named "```" cannot close the Mermaid block or the page's code.
    [block] = mermaid_blocks(text)
    assert block.count("\n") == 12, block
    assert not re.search(r"^\s*#+ heading", text, re.M)
