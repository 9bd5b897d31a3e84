"""The committed CLDR tables are the installed Babel's, and every one of them is written by
i18n's own formatters (so a map in those languages never needs Babel)."""

from __future__ import annotations

from cjmap.render import cldr_data, i18n


def test_the_tables_are_what_babel_cldr_data_gives() -> None:
    tables = {name: getattr(cldr_data, name) for name in cldr_data.from_cldr()}
    assert cldr_data.from_cldr() == tables, (
        "Babel's CLDR data changed: paste this over the tables of "
        f"src/cjmap/render/cldr_data.py and run ruff format:\n{cldr_data.source()}"
    )


def test_the_tables_cover_the_label_languages() -> None:
    assert set(cldr_data.LANGUAGES) == set(i18n.SUPPORTED_LANGUAGES)
    for table in (cldr_data.DATE_PATTERNS, cldr_data.MONTHS, cldr_data.NUMBER_SYMBOLS):
        assert set(table) == set(cldr_data.LANGUAGES)


def test_every_pattern_is_one_the_formatters_write() -> None:
    for lang, pattern in cldr_data.DATE_PATTERNS.items():
        parts = i18n.date_parts(pattern)
        assert parts is not None, (lang, pattern)
        named = {token for is_field, token in parts if is_field and token[0] == "M"}
        assert {t for t in named if len(t) > 2} == set(cldr_data.MONTHS[lang]), lang
    assert set(cldr_data.DECIMAL_PATTERNS.values()) == {"#,##0.###"}


def test_the_printed_tables_are_python_that_gives_the_tables_back() -> None:
    namespace: dict[str, object] = {}
    exec(cldr_data.source(), namespace)
    for name, table in cldr_data.from_cldr().items():
        assert namespace[name] == table
