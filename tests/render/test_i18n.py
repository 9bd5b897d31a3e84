"""Labels in the map's language through the gettext catalogs; dates formatted by Babel."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import get_month_names

from cjmap.render import i18n

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
