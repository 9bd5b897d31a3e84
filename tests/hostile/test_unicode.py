"""Trojan Source and look-alikes: invisible or confusable characters in ids are errors; in text,
a finding of the linter's hidden-characters rule (CJM124). Every message shows them escaped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cjmap.load.references import id_problem
from cjmap.text import unsafe_characters
from cjmap.validate import validate_paths

from .conftest import cli, fixture

TODAY = dt.date(2027, 2, 1)


def problems(path: Path) -> list[tuple[int, int, str, str]]:
    """Errors and warnings (not notes), sorted."""
    result = validate_paths([path], today=TODAY)
    return [
        (d.line, d.column, d.code, d.message)
        for d in result.diagnostics
        if d.severity != "info" and d.code != "CJM106"  # the fixtures' review date ages
    ]


CASES = {
    "id-bidi.cjm.yaml": [
        (
            15,
            9,
            "CJM010",
            "id 'research\\u202e' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character",
        )
    ],
    "id-isolate.cjm.yaml": [
        (
            15,
            9,
            "CJM010",
            "id 'research\\u2066' contains U+2066 LEFT-TO-RIGHT ISOLATE, an invisible character",
        )
    ],
    "id-zero-width.cjm.yaml": [
        (
            15,
            9,
            "CJM010",
            "id 're\\u200bsearch' contains U+200B ZERO WIDTH SPACE, an invisible character",
        )
    ],
    # The format's pattern refuses the joiner, so the map does not load: one error.
    "id-joiner.cjm.yaml": [
        (
            23,
            9,
            "CJM010",
            "id 'pur\\u200dchase' contains U+200D ZERO WIDTH JOINER, an invisible character",
        ),
    ],
    # A combining mark passes the pattern (Devanagari needs them); the id check refuses it.
    "id-grapheme-joiner.cjm.yaml": [
        (
            36,
            9,
            "CJM010",
            "id 'deli\\u034fvery' contains U+034F COMBINING GRAPHEME JOINER, "
            "a combining or invisible mark",
        ),
    ],
    "id-mixed-script.cjm.yaml": [
        (
            23,
            9,
            "CJM010",
            "id 'pаy' mixes Cyrillic and Latin letters in one word "
            "(а is U+0430 CYRILLIC SMALL LETTER A)",
        )
    ],
    "id-lookalike.cjm.yaml": [
        (
            23,
            9,
            "CJM010",
            "id 'рау' looks the same as 'pay' at line 15 but is spelt with other letters "
            "(р is U+0440 CYRILLIC SMALL LETTER ER, а is U+0430 CYRILLIC SMALL LETTER A, "
            "у is U+0443 CYRILLIC SMALL LETTER U)",
        )
    ],
    "id-compatibility.cjm.yaml": [
        (
            15,
            9,
            "CJM010",
            "id 'ｒesearch' is written with look-alike compatibility characters "
            "(as plain text it is 'research')",
        ),
        (
            36,
            9,
            "CJM010",
            "id 'de𝐥ivery' is written with look-alike compatibility characters "
            "(as plain text it is 'delivery')",
        ),
    ],
    "reference-lookalike.cjm.yaml": [
        (
            46,
            21,
            "CJM010",
            "id 'lаte' mixes Cyrillic and Latin letters in one word "
            "(а is U+0430 CYRILLIC SMALL LETTER A)",
        )
    ],
    # Words in different scripts, joined by '-', and scripts that mix by nature, are fine.
    "id-scripts-ok.cjm.yaml": [],
    "text-bidi.cjm.yaml": [
        (
            15,
            19,
            "CJM124",
            "text 'Refund \\u202e001\\u202c' contains U+202E RIGHT-TO-LEFT OVERRIDE, a bidi "
            "control that changes how the text around it is displayed (Trojan Source) "
            "(and 1 more)",
        )
    ],
    "text-isolate.cjm.yaml": [
        (
            15,
            19,
            "CJM124",
            "text 'Refund \\u2067001\\u2069' contains U+2067 RIGHT-TO-LEFT ISOLATE, a bidi "
            "control that changes how the text around it is displayed (Trojan Source) "
            "(and 1 more)",
        )
    ],
    "text-zero-width.cjm.yaml": [
        (
            24,
            17,
            "CJM124",
            "text 'Pa\\u200bys' contains U+200B ZERO WIDTH SPACE, an invisible character",
        )
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_gives_exactly_these_problems(name: str, project: Path) -> None:
    assert problems(fixture(name, project)) == CASES[name]


@pytest.mark.parametrize(
    "ident",
    [
        "research",
        "оплата",
        "плаќање",  # Macedonian
        "支付",
        "checkout-оплата",
        "app下载",
        "カート決済",
        "時々",  # ideographic iteration mark
        "пʼять",  # modifier letter apostrophe (Ukrainian)
        "장바구니",
        "हिंदी-चरण",  # Devanagari needs its combining vowel signs
        "stage_2",
    ],
)
def test_ids_people_write_are_accepted(ident: str) -> None:
    assert id_problem(ident) is None


@pytest.mark.parametrize(
    "ident",
    [
        "p\u0430y",  # Cyrillic а
        "p\u03b1y",  # Greek α
        "\u0440a\u0443",  # Cyrillic р and у around a Latin a
        "pa\u200dy",
        "pa\u200cy",
        "pa\u034fy",
        "pay\ufe0f",
        "pe\u0301y",  # decomposed é
        "\uff50ay",  # fullwidth p
        "\U0001d429ay",  # mathematical bold p
    ],
)
def test_look_alike_and_invisible_ids_are_refused(ident: str) -> None:
    problem = id_problem(ident)
    assert problem is not None
    message, hint = problem
    assert not unsafe_characters(message) and not unsafe_characters(hint)


def test_terminal_shows_hidden_characters_escaped(project: Path) -> None:
    path = fixture("text-bidi.cjm.yaml", project)
    result = cli("validate", "--today", "2027-02-01", path)
    assert result.returncode == 1
    assert "\u202e" not in result.stdout and "\u202c" not in result.stdout
    assert "Refund \\u202e001\\u202c" in result.stdout
    # The source line under the message shows a replacement character instead.
    assert '  - name: "Refund \ufffd001\ufffd"' in result.stdout
