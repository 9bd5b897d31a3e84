"""The piped text report skips rich (a start-up cost of every `cjmap validate` in CI and in
pre-commit hooks); it must print exactly what the rich branch prints, colours removed.

Two differences are deliberate and kept out of the generated inputs: rich doubles a trailing
backslash and drops a backslash before ``[`` (markup escaping quirks: the plain text shows the
input as it is), and rich expands a tab by terminal cells where the plain text counts
characters (they differ only for a tab after a CJK character in a file name).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report.text import print_text
from cjmap.validate import validate_paths

ROOT = Path(__file__).resolve().parents[2]
SGR = re.compile(r"\x1b\[[0-9;]*m")


def both(diagnostics: list[Diagnostic], source: str | None, **kw: bool) -> tuple[str, str]:
    plain, coloured = io.StringIO(), io.StringIO()
    print_text(diagnostics, lambda f: source, plain, files=1, color=False, **kw)
    print_text(diagnostics, lambda f: source, coloured, files=1, color=True, **kw)
    return plain.getvalue(), SGR.sub("", coloured.getvalue())


def test_plain_report_of_the_fixtures_matches_rich() -> None:
    paths = sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
    assert len(paths) > 10
    compared = 0
    for path in paths:
        result = validate_paths([path])
        for show_source in (True, False):
            plain, coloured = io.StringIO(), io.StringIO()
            for stream, color in ((plain, False), (coloured, True)):
                print_text(
                    result.diagnostics,
                    result.source_of,
                    stream,
                    files=result.files,
                    color=color,
                    show_source=show_source,
                )
            assert plain.getvalue() == SGR.sub("", coloured.getvalue()), path
            compared += len(result.diagnostics)
    assert compared > 10  # the fixtures do produce diagnostics to print


PIECES = [
    "a", "Z", " ", "  ", "[", "]", "[bold]", "[/]", "[red]x[/red]", ":smile:", "@click",
    "客户", "旅程", "ё", "Ѓ", "é", "e\u0301", "…", "=", "|", "^", "\u00a0", "\u200b", "😀",
    "http://x.y/[z]", "\x07", "\x08", "\x0b", "\x0c", "\r", "\n",
]  # fmt: skip
text = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
diagnostic = st.builds(
    Diagnostic,
    file=text.filter(lambda t: "\n" not in t).map(lambda t: t or "map.cjm.yaml"),
    line=st.integers(1, 8),
    column=st.integers(1, 40),
    severity=st.sampled_from(list(Severity)),
    code=st.sampled_from(["CJM001", "CJM011", "CJM102"]),
    rule=st.sampled_from(["yaml-syntax", "unknown-key", "pain-point-without-opportunity"]),
    message=text.map(lambda t: t or "m"),
    hint=st.none() | text,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(diagnostic, max_size=4),
    st.none() | st.lists(text, max_size=8).map("\n".join),
    st.booleans(),
    st.booleans(),
)
def test_plain_report_matches_rich_for_any_text(
    diagnostics: list[Diagnostic], source: str | None, show_source: bool, summary_line: bool
) -> None:
    plain, coloured = both(diagnostics, source, show_source=show_source, summary_line=summary_line)
    assert plain == coloured


def test_tabs_and_carriage_returns_in_a_file_name_print_as_rich_prints_them() -> None:
    d = Diagnostic("maps\tnew\r.cjm.yaml", 1, 1, Severity.error, "CJM001", "yaml-syntax", "m\tx")
    plain, coloured = both([d], None)
    assert plain == coloured
    assert plain.startswith("maps    new.cjm.yaml:1:1: error: m")
