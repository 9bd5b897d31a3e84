"""How English, Chinese, Russian and Macedonian write dates and numbers, so that a map in one of
them is rendered without importing Babel (its import and its locale data cost ~40 ms a run).

The data is CLDR's, as the Babel locked in requirements/runtime.txt ships it, per language:

- ``DATE_PATTERNS``: the "medium" date pattern, in CLDR's pattern letters;
- ``MONTHS``: the month names that pattern asks for, by its letters (``MMM`` abbreviated,
  ``MMMM`` wide, both in the "format" context);
- ``DECIMAL_PATTERNS``: the decimal number pattern;
- ``NUMBER_SYMBOLS``: the decimal separator, then the group separator, of the Latin digits.

:mod:`cjmap.render.i18n` writes from these tables. tests/render/test_cldr_data.py checks them
against the installed Babel, so a lock whose CLDR data differs fails there. To regenerate:
``python -m cjmap.render.cldr_data`` prints the tables from the installed Babel; paste them over
the ones below and run ``ruff format``.
"""

from __future__ import annotations

from typing import Any, Literal

LANGUAGES = ("en", "mk", "ru", "zh")
"""The languages of the tables: English and the three with a label catalog."""

DATE_PATTERNS: dict[str, str] = {
    "en": "MMM d, y",
    "mk": "d MMM y\u202f'г'.",
    "ru": "d MMM y\u202f'г'.",
    "zh": "y年M月d日",
}

MONTHS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "MMM": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    },
    "mk": {
        "MMM": (
            "јан.",
            "фев.",
            "мар.",
            "апр.",
            "мај",
            "јун.",
            "јул.",
            "авг.",
            "сеп.",
            "окт.",
            "ное.",
            "дек.",
        )
    },
    "ru": {
        "MMM": (
            "янв.",
            "февр.",
            "мар.",
            "апр.",
            "мая",
            "июн.",
            "июл.",
            "авг.",
            "сент.",
            "окт.",
            "нояб.",
            "дек.",
        )
    },
    "zh": {},
}

DECIMAL_PATTERNS: dict[str, str] = {
    "en": "#,##0.###",
    "mk": "#,##0.###",
    "ru": "#,##0.###",
    "zh": "#,##0.###",
}

NUMBER_SYMBOLS: dict[str, tuple[str, str]] = {
    "en": (".", ","),
    "mk": (",", "."),
    "ru": (",", "\xa0"),
    "zh": (".", ","),
}


def from_cldr(languages: tuple[str, ...] = LANGUAGES) -> dict[str, dict[str, Any]]:
    """Every table of this module, by name, as the installed Babel's CLDR data gives it."""
    from babel import Locale
    from babel.dates import get_date_format, get_month_names, tokenize_pattern
    from babel.numbers import get_decimal_symbol, get_group_symbol

    widths: dict[int, Literal["abbreviated", "wide"]] = {3: "abbreviated", 4: "wide"}
    tables: dict[str, dict[str, Any]] = {
        "DATE_PATTERNS": {},
        "MONTHS": {},
        "DECIMAL_PATTERNS": {},
        "NUMBER_SYMBOLS": {},
    }
    for lang in languages:
        pattern = get_date_format("medium", locale=lang).pattern
        tables["DATE_PATTERNS"][lang] = pattern
        months = tables["MONTHS"][lang] = {}
        for kind, value in tokenize_pattern(pattern):
            if kind == "field" and value in (("M", 3), ("M", 4)):
                assert isinstance(value, tuple)
                names = get_month_names(widths[value[1]], "format", lang)
                months["M" * value[1]] = tuple(names[m] for m in range(1, 13))
        tables["DECIMAL_PATTERNS"][lang] = Locale.parse(lang).decimal_formats[None].pattern
        tables["NUMBER_SYMBOLS"][lang] = (get_decimal_symbol(lang), get_group_symbol(lang))
    return tables


def source() -> str:
    """The tables as Python source, to paste into this module (then ``ruff format`` it)."""
    types = {
        "DATE_PATTERNS": "dict[str, str]",
        "MONTHS": "dict[str, dict[str, tuple[str, ...]]]",
        "DECIMAL_PATTERNS": "dict[str, str]",
        "NUMBER_SYMBOLS": "dict[str, tuple[str, str]]",
    }
    return "\n".join(f"{name}: {types[name]} = {table!r}\n" for name, table in from_cldr().items())


if __name__ == "__main__":
    import sys

    sys.stdout.buffer.write(source().encode("utf-8"))  # Cyrillic, whatever the console's code page
