"""Ids from names in any script, `lang` from the text, the suppressions an import writes."""

from __future__ import annotations

import pytest

from cjmap.convert.build import draft, guess_lang, stage_ids


def test_stage_ids_are_derived_unique_and_safe() -> None:
    names = [
        "Поиск товара",
        "研究",
        "Поиск товара",
        "🛒🛒",
        "Wi-Fi setup",
        "Купить iPhone",
        "х" * 80,
    ]
    assert stage_ids(names) == [
        "поиск-товара",
        "研究",
        "поиск-товара-2",
        "stage-4",  # nothing left of the name
        "wi-fi-setup",
        "купить-iphone",
        "х" * 64,
    ]


def test_an_id_that_mixes_scripts_in_a_word_is_not_used() -> None:
    assert stage_ids(["Pаy"]) == ["stage-1"]  # a Cyrillic а inside a Latin word


@pytest.mark.parametrize(
    ("texts", "lang"),
    [
        (["Reads reviews", "Pays online"], "en"),
        (["阅读评论", "在线付款 Apple Pay"], "zh"),
        (["Читает отзывы на сайте", "Платит через СБП"], "ru"),
        (["Чита осврти на веб-локацијата", "Плаќа со картичка"], "mk"),
        (["Instagram", "Google"], "en"),  # only names: every word counts
        (["Поиск", "Оплата"], "ru"),
        (["🙂", "123"], "en"),
    ],
)
def test_lang_is_guessed_from_the_script(texts: list[str], lang: str) -> None:
    assert guess_lang(texts) == lang


def test_given_lang_and_future_state_are_kept() -> None:
    result = draft(
        title="T",
        stages=[{"name": n, "touchpoints": [{"name": "x", "channel": "other"}]} for n in "ABC"],
        kind="future-state",
        lang="sr-Latn",
        origin="x.csv",
    )
    assert result.data["kind"] == "future-state" and result.data["lang"] == "sr-Latn"
    assert result.suppress == {}
    assert not any(note.startswith("lang:") for note in result.notes)
