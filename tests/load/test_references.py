"""What an id's problem is called: a space is a space, not "an invisible character"."""

from __future__ import annotations

import pytest

from cjmap.load.references import id_problem


@pytest.mark.parametrize(
    ("ident", "message", "hint"),
    [
        ("check out", "id 'check out' contains a space; ids have no spaces", "'check-out'"),
        (
            "оплата\u3000карта",
            "contains U+3000 IDEOGRAPHIC SPACE, a kind of space; ids have no spaces",
            "'оплата-карта'",
        ),
        ("re\u200bsearch", "contains U+200B ZERO WIDTH SPACE, an invisible character", "retype"),
    ],
)
def test_spaces_are_named_as_spaces(ident: str, message: str, hint: str) -> None:
    found = id_problem(ident)
    assert found is not None
    assert message in found[0]
    assert hint in found[1]
