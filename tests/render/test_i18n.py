"""Labels in the map's language through the gettext catalogs; dates formatted by Babel."""

from __future__ import annotations

import datetime as dt

import pytest

from cjmap.render import i18n

DAY = dt.date(2026, 10, 20)


@pytest.mark.parametrize(
    ("lang", "touchpoints", "date"),
    [
        ("en", "Touchpoints", "Oct 20, 2026"),
        ("zh", "触点", "2026年10月20日"),
        ("ru", "Точки контакта", "20 окт. 2026\u202fг."),
        ("mk", "Допирни точки", "20.10.2026\u202fг."),
    ],
)
def test_labels_and_dates_per_language(lang: str, touchpoints: str, date: str) -> None:
    assert i18n.translations(lang).gettext("Touchpoints") == touchpoints
    assert i18n.format_date(DAY, lang).replace(" г.", "\u202fг.") == date


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
