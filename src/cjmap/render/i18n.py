"""The labels a template writes itself, in the map's language, through gettext catalogs; dates
and numbers as people of the map's language write them.

Catalogs live in ``cjmap/locale/<lang>/LC_MESSAGES/cjmap.po`` (English is the source language,
``cjmap/locale/cjmap.pot`` is the template). They are not committed as ``.mo`` files, so a
compiled catalog can never be older than its source: Babel compiles one the first time it is
needed, and the compiled bytes are kept in the user's cache folder (``catalogs/``), named after
a SHA-256 of cjmap's version and the ``.po`` bytes, so that later runs read them with gettext
alone (importing Babel's message tools and compiling cost ~40 ms of a run). A changed ``.po``
gets a new entry; an entry that is missing, damaged or cannot be written costs a compile, never
the render.

Dates (in the medium length) and numbers of a map whose tag is exactly ``en``, ``zh``, ``ru``
or ``mk`` (in any case) are written from CLDR's data in :mod:`.cldr_data`, without importing
Babel (~40 ms of a run); every other tag (``en-GB``, ``zh-Hant``, ``de``) or length goes to
Babel.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gettext
import hashlib
from functools import cache
from importlib.resources import files
from io import BytesIO
from pathlib import Path

from cjmap import __version__
from cjmap.render import cldr_data

DOMAIN = "cjmap"
CATALOG_LANGUAGES = ("zh", "ru", "mk")
"""Languages with a catalog; English needs none (the source strings are English)."""
SUPPORTED_LANGUAGES = ("en", *CATALOG_LANGUAGES)
CACHE_FOLDER = "catalogs"
"""The compiled catalogs' folder in the user's cache folder."""


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
    return gettext.NullTranslations() if code == "en" else load_catalog(code)


def load_catalog(code: str) -> gettext.GNUTranslations:
    """The catalog of ``code`` (one of ``CATALOG_LANGUAGES``): compiled in an earlier run and
    kept in the cache folder, or compiled now (and kept)."""
    po = (files("cjmap") / "locale" / po_path(code)).read_bytes()
    entry = cache_entry(code, po)
    if entry is not None and (cached := _read_entry(entry)) is not None:
        return cached
    compiled = compile_catalog(code, po)
    if entry is not None:
        _write_entry(entry, compiled)
    return gettext.GNUTranslations(BytesIO(compiled))


def compile_catalog(code: str, po: bytes) -> bytes:
    """The ``.mo`` bytes of the catalog ``po`` of language ``code``, compiled by Babel."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(BytesIO(po), locale=code, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    return compiled.getvalue()


def cache_entry(code: str, po: bytes) -> Path | None:
    """Where the compiled catalog ``po`` is kept between runs; None when caching is off or the
    cache folder is not the user's own (a catalog from there would write the page's labels)."""
    from cjmap.userdirs import cache_dir, private_folder

    base = cache_dir()
    folder = private_folder(base / CACHE_FOLDER) if base is not None else None
    return folder / entry_name(code, po) if folder is not None else None


def entry_name(code: str, po: bytes) -> str:
    """The name of the compiled catalog ``po``: another cjmap or another ``.po``, another name."""
    key = hashlib.sha256(f"{__version__}\0{code}\0".encode() + po).hexdigest()
    return f"{code}-{key[:32]}.mo"


_SEAL = hashlib.sha256().digest_size
"""An entry is the ``.mo`` bytes followed by their SHA-256: a truncated or damaged file is
noticed before gettext reads a wrong label from it."""


def _read_entry(entry: Path) -> gettext.GNUTranslations | None:
    try:
        data = entry.read_bytes()
    except OSError:  # not there yet, or unreadable: compile
        return None
    compiled, seal = data[:-_SEAL], data[-_SEAL:]
    if not compiled or hashlib.sha256(compiled).digest() != seal:
        return None
    try:
        return gettext.GNUTranslations(BytesIO(compiled))
    except Exception:
        # Sealed, yet not a catalog (the seal is against damage, not against a file made to
        # pass it). gettext's parser raises OSError, struct.error, ValueError, LookupError...
        # on bad bytes; whichever it is, the catalog is compiled again.
        return None


def _write_entry(entry: Path, compiled: bytes) -> None:
    from cjmap.output import OutputProblem, write_atomic

    # A full disk, a read-only cache folder, something in the entry's way: the next run
    # compiles again. (Two runs writing one entry at once is fine: each renames a whole file.)
    with contextlib.suppress(OutputProblem, OSError):
        write_atomic(entry, compiled + hashlib.sha256(compiled).digest())


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


def table_language(lang: str) -> str | None:
    """The language of :mod:`.cldr_data` that ``lang`` is, spelled in any case; None for any
    other tag, even one Babel reads as the same locale (``ru-UA`` could one day differ)."""
    code = lang.lower() if lang.isascii() else ""
    return code if code in cldr_data.LANGUAGES else None


def format_date(value: dt.date, lang: str, length: str = "medium") -> str:
    """A date as people of ``lang`` write it: ``Oct 20, 2026``, ``2026年10月20日``,
    ``20 окт. 2026 г.``: CLDR's pattern of ``length`` for the locale :func:`babel_locale` picks."""
    code = table_language(lang)
    if code is not None and length == "medium":
        written = write_date(value, cldr_data.DATE_PATTERNS[code], cldr_data.MONTHS[code])
        if written is not None:
            return written
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=length, locale=babel_locale(lang))


_FIELDS = frozenset({"y", "M", "MM", "MMM", "MMMM", "d", "dd"})
"""The CLDR pattern fields :func:`write_date` writes; a pattern with any other goes to Babel."""


@cache
def date_parts(pattern: str) -> tuple[tuple[bool, str], ...] | None:
    """``pattern`` as (is a field, letters or literal text) parts, read as CLDR (and Babel) read
    it: ``'...'`` is literal text and ``''`` an apostrophe, inside quotes or out. None when it
    holds a field outside ``_FIELDS`` or an unclosed quote."""
    text = pattern.replace("''", "\0")
    parts: list[tuple[bool, str]] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char == "'":
            end = text.find("'", at + 1)
            if end < 0:
                return None
            parts.append((False, text[at + 1 : end].replace("\0", "'")))
            at = end + 1
        elif char.isascii() and char.isalpha():
            end = at
            while end < len(text) and text[end] == char:
                end += 1
            if text[at:end] not in _FIELDS:
                return None
            parts.append((True, text[at:end]))
            at = end
        else:
            parts.append((False, char.replace("\0", "'")))
            at += 1
    return tuple(parts)


def write_date(value: dt.date, pattern: str, months: dict[str, tuple[str, ...]]) -> str | None:
    """``value`` in the CLDR date ``pattern``, with the month names ``months`` (by the letters
    that ask for them); None when the pattern asks for what this does not write."""
    parts = date_parts(pattern)
    if parts is None:
        return None
    out: list[str] = []
    for is_field, token in parts:
        if not is_field:
            out.append(token)
        elif token[0] == "y":
            out.append(str(value.year))
        elif token[0] == "d":
            out.append(f"{value.day:0{len(token)}d}")
        elif len(token) <= 2:
            out.append(f"{value.month:0{len(token)}d}")
        elif token in months:
            out.append(months[token][value.month - 1])
        else:
            return None
    return "".join(out)


def format_number(value: float, lang: str) -> str:
    """A number as people of ``lang`` write it: ``1,234.5``, ``1 234,5``, at most three decimals."""
    code = table_language(lang)
    if code is not None and cldr_data.DECIMAL_PATTERNS[code] == "#,##0.###":
        written = write_number(value, *cldr_data.NUMBER_SYMBOLS[code])
        if written is not None:
            return written
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(lang))


def write_number(value: float, point: str, group: str) -> str | None:
    """``value`` in the pattern ``#,##0.###`` as Babel writes it: through the shortest decimal
    of a float, rounded half to even, a sign on a negative that rounds to zero (``-0``); None
    for what Babel writes otherwise (infinities, NaN) or cannot round (over 28 digits)."""
    from decimal import Decimal

    number = Decimal(str(value))
    if not number.is_finite() or abs(number) >= 10**15:
        return None
    whole, _, fraction = f"{abs(number).normalize().quantize(Decimal('0.001')):f}".partition(".")
    fraction = fraction.rstrip("0")
    return "".join(
        (
            "-" if number.is_signed() else "",
            f"{int(whole):,}".replace(",", group),
            point + fraction if fraction else "",
        )
    )
