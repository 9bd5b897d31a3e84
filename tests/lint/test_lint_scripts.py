"""Script detection for the language-mismatch rule."""

from __future__ import annotations

from cjmap.lint import scripts


def test_expected_scripts_from_language_tags() -> None:
    assert scripts.expected_scripts("en") == {"Latin"}
    assert scripts.expected_scripts("ru") == {"Cyrillic"}
    assert scripts.expected_scripts("mk") == {"Cyrillic"}
    assert scripts.expected_scripts("zh") == {"Han"}
    assert scripts.expected_scripts("zh-Hant-TW") == {"Han"}
    assert scripts.expected_scripts("sr-Latn") == {"Latin"}
    assert scripts.expected_scripts("sr") == {"Cyrillic"}
    assert scripts.expected_scripts("ja") == {"Han", "Kana"}
    assert scripts.expected_scripts("xx") is None


def test_words_split_by_script_and_ignore_stress_marks() -> None:
    assert scripts.words("SMS-код для IT部") == [
        ("SMS", "Latin"),
        ("код", "Cyrillic"),
        ("для", "Cyrillic"),
        ("IT", "Latin"),
        ("部", "Han"),
    ]
    assert scripts.words("моло\u0301ко") == [("молоко", "Cyrillic")]
    assert scripts.words("ＡＢＣ") == [("ＡＢＣ", "Latin")]  # full-width Latin is Latin


def test_names_and_acronyms_are_not_evidence() -> None:
    tally = scripts.Tally()
    tally.add("Apple Pay, Google Pay, CTR, NPS и SMS")
    assert tally.weights["Latin"] == 0
    assert tally.weights["Cyrillic"] == 1
    tally.add("reads reviews")
    assert tally.weights["Latin"] == len("readsreviews")


def test_cjk_characters_weigh_like_a_short_word() -> None:
    tally = scripts.Tally()
    tally.add("运费")
    assert tally.weights["Han"] == 2 * scripts.HEAVY


def test_cyrillic_language_guess() -> None:
    mk = ["ќе", "ја", "најде", "ѝ", "наоѓа", "ѕвонецот"]
    ru = ["щука", "съел", "объявление", "ещё"]
    assert scripts.closest_cyrillic_language(mk) == "mk"
    assert scripts.closest_cyrillic_language(ru) == "ru"
    assert scripts.foreign_letters("јогурт", "ru") == {"ј"}
    assert scripts.foreign_letters("щука", "mk") == {"щ"}
