"""The labels a template writes itself, in the map's language, through gettext catalogs.

Catalogs live in ``cjmap/locale/<lang>/LC_MESSAGES/cjmap.po`` (English is the source language,
``cjmap/locale/cjmap.pot`` is the template). They are compiled with Babel when first used in a
process, not committed as ``.mo`` files: a compiled file can never be older than its source, and
compiling the three catalogs takes a few milliseconds. Dates are formatted by Babel's CLDR data.
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache
from importlib.resources import files
from io import BytesIO

DOMAIN = "cjmap"
CATALOG_LANGUAGES = ("zh", "ru", "mk")
"""Languages with a catalog; English needs none (the source strings are English)."""
SUPPORTED_LANGUAGES = ("en", *CATALOG_LANGUAGES)


def primary(lang: str) -> str:
    """The primary language subtag of a BCP 47 tag: ``zh-Hans-CN`` -> ``zh``."""
    return lang.replace("_", "-").split("-")[0].lower()


def label_language(lang: str) -> str:
    """The language the labels are written in: the map's own if cjmap has it, else English."""
    code = primary(lang)
    return code if code in SUPPORTED_LANGUAGES else "en"


def po_path(code: str) -> str:
    return f"{code}/LC_MESSAGES/{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """gettext translations for a map's ``lang`` (English for a language without a catalog)."""
    code = label_language(lang)
    if code == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    source = files("cjmap") / "locale" / po_path(code)
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=code, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@cache
def babel_locale(lang: str) -> str:
    """The Babel locale identifier for a BCP 47 tag, falling back to the primary tag, then English."""
    from babel import Locale, UnknownLocaleError

    for candidate in (lang.replace("-", "_"), primary(lang)):
        try:
            return str(Locale.parse(candidate))
        except (UnknownLocaleError, ValueError):
            continue
    return "en"


def format_date(value: dt.date, lang: str, length: str = "medium") -> str:
    """A date as people of ``lang`` write it: ``20 Oct 2026``, ``2026年10月20日``, ``20 окт. 2026 г.``."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=length, locale=babel_locale(lang))


def format_number(value: float, lang: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(lang))
