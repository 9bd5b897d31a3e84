"""--format text: grouped by stage, one sentence a line; plain when piped, rich colours in a
terminal."""

from __future__ import annotations

import io

from cjmap.diff import DiffStyle, diff_printer
from cjmap.diff.run import diff_revisions

from .gitrepo import Repo


def test_plain_text_tells_what_happened_to_the_customer(repo: Repo) -> None:
    result = diff_revisions("v1", "v2", [], cwd=repo.root)
    out = io.StringIO()
    diff_printer("text")(result, out, DiffStyle(color=False))
    text = out.getvalue()
    assert "\x1b[" not in text
    shop = text[text.index("v1:maps/shop.cjm.yaml → v2:maps/shop.cjm.yaml") :]
    assert shop.splitlines()[:8] == [
        "v1:maps/shop.cjm.yaml → v2:maps/shop.cjm.yaml",
        "  Buying a vacuum online",
        "  Persona",
        "    + goal added: “Save time”",
        "  Stage “Sign up” (moved)",
        "    > moved from position 2 to 1",
        "    ~ feeling −2 → +1 (+3)",
        "    ~ feeling label: “anxious” → “relieved”",
    ]
    assert "    ✓ pain point resolved: “The site is slow”" in shop
    assert "  Stage “Оплата” (moved)" in text
    assert "v1:maps/old-name.cjm.yaml → v2:maps/renamed.cjm.yaml (renamed)" in text
    assert "v1:maps/gone.cjm.yaml (removed)" in text
    assert text.endswith("1 pain point resolved.\n")


def test_colour_in_a_terminal(repo: Repo) -> None:
    result = diff_revisions("v1", "v2", [], cwd=repo.root)
    out = io.StringIO()
    diff_printer("text")(result, out, DiffStyle(color=True))
    assert "\x1b[32m    ✓ pain point resolved" in out.getvalue()
