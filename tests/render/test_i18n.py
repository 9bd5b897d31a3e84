"""Labels in the map's language through the gettext catalogs (compiled once, then read from the
cache folder); dates and numbers as Babel writes them, from cldr_data's tables where they can."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest
from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal

from cjmap.render import cldr_data, i18n

from .conftest import ROOT

DAY = dt.date(2026, 10, 20)


@pytest.mark.parametrize(
    ("lang", "touchpoints"),
    [("en", "Touchpoints"), ("zh", "触点"), ("ru", "Точки контакта"), ("mk", "Допирни точки")],
)
def test_labels_per_language(lang: str, touchpoints: str) -> None:
    assert i18n.translations(lang).gettext("Touchpoints") == touchpoints


def _month_names(lang: str) -> set[str]:
    locale = i18n.babel_locale(lang)
    return {
        names[DAY.month].lower()
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for names in [get_month_names(width, context, locale)]
    }


# What cjmap controls: the map's language picks the locale (region subtags too), the date is
# written in that locale's own words and order, and no English leaks in. The exact spelling
# (e.g. "20 окт. 2026 г." or "20.10.2026 г.") is CLDR's data, which a Babel release may change.
@pytest.mark.parametrize(
    ("lang", "year_first"), [("en", False), ("zh", True), ("ru", False), ("mk", False)]
)
def test_dates_in_the_locale_own_words_and_order(lang: str, year_first: bool) -> None:
    text = i18n.format_date(DAY, lang)
    assert i18n.format_date(DAY, f"{lang}-XX") == text
    lowered = text.lower()
    assert "2026" in text
    assert "20" in text.replace("2026", "")
    month = any(name in lowered for name in _month_names(lang))
    assert month or "10" in text.replace("2026", ""), text
    if lang != "en":
        assert not any(english in lowered for english in _month_names("en")), text
    assert (text.index("2026") < text.index("20", 4 if year_first else 0)) == year_first


def test_russian_plurals_have_three_forms() -> None:
    tr = i18n.translations("ru")
    forms = [tr.ngettext("%(num)d item", "%(num)d items", n) % {"num": n} for n in (1, 3, 5, 21)]
    assert forms == ["1 задача", "3 задачи", "5 задач", "21 задача"]


def test_region_and_script_subtags_use_the_language_catalog() -> None:
    assert i18n.label_language("zh-Hans-CN") == "zh"
    assert i18n.label_language("ru_RU") == "ru"
    assert i18n.translations("mk-MK").gettext("Pain points") == "Болни точки"


def test_a_language_without_a_catalog_gets_english_labels_and_its_own_dates() -> None:
    assert i18n.label_language("de") == "en"
    assert i18n.translations("de").gettext("Pain points") == "Pain points"
    assert i18n.format_date(DAY, "de") == "20.10.2026"
    assert i18n.babel_locale("xx-unknown") == "en"


# --- dates and numbers without Babel (cldr_data) ------------------------------------------

TABLE_SPELLINGS = ("en", "EN", "zh", "Zh", "ru", "RU", "mk", "mK")
BABEL_TAGS = ("en-GB", "en_US", "zh-Hant", "zh-CN", "ru-UA", "mk-MK", "de", "xx-unknown")


def _every_day(first: int, last: int) -> list[dt.date]:
    start = dt.date(first, 1, 1)
    return [start + dt.timedelta(days=n) for n in range((dt.date(last + 1, 1, 1) - start).days)]


def test_the_table_spellings_and_only_them_skip_babel() -> None:
    for lang in TABLE_SPELLINGS:
        assert i18n.table_language(lang) == i18n.babel_locale(lang) == lang.lower()
    for lang in (*BABEL_TAGS, "e\u0301n", " ru", "ru ", "", "m\u212a"):
        assert i18n.table_language(lang) is None, lang


def test_the_table_dates_equal_babels_every_day_of_four_years() -> None:
    days = _every_day(2024, 2027)  # 2024 is a leap year: Feb 29 too
    assert dt.date(2024, 2, 29) in days and len(days) == 1461
    for code in cldr_data.LANGUAGES:
        pattern, months = cldr_data.DATE_PATTERNS[code], cldr_data.MONTHS[code]
        babel = [format_date(day, format="medium", locale=code) for day in days]
        # The table itself (None would mean the formatter gave up and Babel wrote the date).
        assert [i18n.write_date(day, pattern, months) for day in days] == babel, code
        for lang in TABLE_SPELLINGS:
            if lang.lower() == code:
                assert [i18n.format_date(day, lang) for day in days] == babel, lang


def test_every_other_tag_and_length_is_babels() -> None:
    for lang in BABEL_TAGS:
        assert i18n.format_date(DAY, lang) == format_date(DAY, locale=i18n.babel_locale(lang))
    assert i18n.format_date(DAY, "en-GB") == "20 Oct 2026"  # not the "en" table's "Oct 20, 2026"
    for length in ("short", "long", "full"):
        assert i18n.format_date(DAY, "ru", length) == format_date(DAY, length, locale="ru")


@pytest.mark.parametrize(
    "pattern",
    ["d MMMM y 'o''clock' ''", "dd.MM.y", "y'年'M'月'd'日'", "MMMM d, y", "'d' d 'MMM' MMM"],
)
def test_quoting_and_field_widths_read_as_babel_reads_them(pattern: str) -> None:
    months = {
        "MMM": tuple(get_month_names("abbreviated", "format", "ru")[m] for m in range(1, 13)),
        "MMMM": tuple(get_month_names("wide", "format", "ru")[m] for m in range(1, 13)),
    }
    for day in (dt.date(2026, 1, 5), dt.date(2027, 12, 31), dt.date(5, 3, 9)):
        assert i18n.write_date(day, pattern, months) == format_date(day, pattern, locale="ru")


@pytest.mark.parametrize("pattern", ["EEEE, d MMM y", "d MMM y 'unclosed", "LLL y", "MMMMM y"])
def test_a_pattern_with_a_field_it_does_not_know_is_left_to_babel(pattern: str) -> None:
    assert i18n.date_parts(pattern) is None
    assert i18n.write_date(DAY, pattern, cldr_data.MONTHS["en"]) is None


def test_a_month_name_missing_from_the_table_is_left_to_babel() -> None:
    assert i18n.write_date(DAY, "d MMMM y", cldr_data.MONTHS["en"]) is None
    assert i18n.write_date(DAY, "d MMM y", cldr_data.MONTHS["en"]) == "20 Oct 2026"


NUMBERS = [
    *(0, 1, -1, 14, 999, 1000, -1000, 12345, 1234567, 10**14, 10**15 - 1, -(10**15 - 1)),
    *(0.5, 0.0005, 0.0015, 0.0025, -0.0004, -0.0, 2.675, 1e-7, 999.9995, 123.456789, 0.1 + 0.2),
    *(4.1, 58.0, 1e14 + 0.5, -12345.6789),
]


def test_the_table_numbers_equal_babels() -> None:
    values = [*NUMBERS, *(n * 7.31 - 5000 for n in range(0, 2000, 3)), *range(-2000, 2000, 7)]
    for lang in TABLE_SPELLINGS:
        point, group = cldr_data.NUMBER_SYMBOLS[lang.lower()]
        babel = [format_decimal(v, locale=lang.lower()) for v in values]
        assert [i18n.write_number(v, point, group) for v in values] == babel, lang
        assert [i18n.format_number(v, lang) for v in values] == babel, lang
    assert i18n.format_number(1234567.891, "ru") == "1\xa0234\xa0567,891"


def test_numbers_the_table_does_not_write_are_babels() -> None:
    for value in (float("inf"), float("-inf"), float("nan"), 10**15, 1e20):
        assert i18n.write_number(value, ".", ",") is None
        assert i18n.format_number(value, "en") == format_decimal(value, locale="en")
    assert i18n.format_number(1234.5, "de") == "1.234,5"


def test_an_english_map_renders_without_importing_babel() -> None:
    script = (
        "import datetime, sys\n"
        "from pathlib import Path\n"
        "from cjmap.load.loader import load_map\n"
        "from cjmap.render.html import render_html\n"
        "html = render_html(load_map(Path('examples/colleen/current.cjm.yaml')),\n"
        "                  on=datetime.date(2027, 2, 1))\n"
        "print('Feb 1, 2027' in html, 'Oct 20, 2026' in html)\n"
        "print(sorted(m for m in sys.modules if m.startswith('babel')))\n"
    )
    env = {**os.environ, "CJMAP_CACHE_DIR": ""}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True True", "[]"]


# --- compiled catalogs kept in the cache folder -------------------------------------------


def _po(code: str) -> bytes:
    return (files("cjmap") / "locale" / i18n.po_path(code)).read_bytes()


def _sealed(compiled: bytes) -> bytes:
    return compiled + hashlib.sha256(compiled).digest()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CJMAP_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / i18n.CACHE_FOLDER


def _entry(cache: Path, code: str = "ru") -> Path:
    return cache / i18n.entry_name(code, _po(code))


def test_a_compiled_catalog_is_kept_and_read_back(cache: Path) -> None:
    assert i18n.load_catalog("ru").gettext("Touchpoints") == "Точки контакта"
    entry = _entry(cache)
    assert entry.read_bytes() == _sealed(i18n.compile_catalog("ru", _po("ru")))
    # The next load reads the entry, whatever it holds: here the Macedonian catalog.
    entry.write_bytes(_sealed(i18n.compile_catalog("mk", _po("mk"))))
    assert i18n.load_catalog("ru").gettext("Touchpoints") == "Допирни точки"


def test_another_po_or_another_cjmap_gets_another_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    po = _po("ru")
    name = i18n.entry_name("ru", po)
    assert name.startswith("ru-") and name.endswith(".mo")
    assert i18n.entry_name("ru", po.replace(b"\xd0\xa2", b"\xd0\xa3", 1)) != name
    assert i18n.entry_name("mk", po) != name
    monkeypatch.setattr(i18n, "__version__", "999.0")
    assert i18n.entry_name("ru", po) != name


@pytest.mark.parametrize(
    "damage",
    [
        lambda good: good[: len(good) // 2],  # truncated
        lambda good: b"",
        lambda good: b"garbage" * 100,
        # One letter changed: still a catalog, but one whose label is wrong.
        lambda good: good.replace("Болевые точки".encode(), "Болевые тачки".encode()),
        lambda good: _sealed(b"\xde\x12\x04\x95" + b"\xff" * 40),  # sealed, yet no catalog
    ],
    ids=["truncated", "empty", "garbage", "a-letter", "sealed-garbage"],
)
def test_a_damaged_entry_costs_a_compile_and_is_replaced(
    cache: Path, damage: Callable[[bytes], bytes]
) -> None:
    i18n.load_catalog("ru")
    entry = _entry(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    assert i18n.load_catalog("ru").gettext("Pain points") == "Болевые точки"
    assert entry.read_bytes() == good


def test_an_entry_that_cannot_be_written_costs_a_compile(cache: Path) -> None:
    _entry(cache).mkdir(parents=True)  # a folder where the entry goes: no write can succeed
    assert i18n.load_catalog("ru").gettext("Pain points") == "Болевые точки"
    assert _entry(cache).is_dir()


def test_a_cache_folder_in_the_way_costs_a_compile(cache: Path) -> None:
    cache.parent.mkdir()
    cache.write_text("a file where the folder goes")
    assert i18n.cache_entry("ru", _po("ru")) is None
    assert i18n.load_catalog("ru").gettext("Pain points") == "Болевые точки"


def test_caching_off_compiles_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CJMAP_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    assert i18n.cache_entry("zh", _po("zh")) is None
    assert i18n.load_catalog("zh").gettext("Touchpoints") == "触点"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.posix_only
def test_a_folder_others_can_write_is_not_read(cache: Path) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    _entry(cache).write_bytes(_sealed(i18n.compile_catalog("mk", _po("mk"))))
    assert i18n.load_catalog("ru").gettext("Touchpoints") == "Точки контакта"


def test_a_warm_run_does_not_import_babel(cache: Path) -> None:
    i18n.load_catalog("ru")  # the cold run, in this process
    script = (
        "import datetime, sys\n"
        "from pathlib import Path\n"
        "from cjmap.load.loader import load_map\n"
        "from cjmap.render.html import render_html\n"
        "html = render_html(load_map(Path('examples/ru/bank-card.cjm.yaml')),\n"
        "                  on=datetime.date(2027, 2, 1))\n"
        "print('Точки контакта' in html, '1 февр. 2027\\u202fг.' in html)\n"
        "print(sorted(m for m in sys.modules if m.startswith('babel')))\n"
    )
    env = {**os.environ, "CJMAP_CACHE_DIR": str(cache.parent)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True True", "[]"]
