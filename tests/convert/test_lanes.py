"""Lane names as teams write them, in four languages, with the words around them."""

from __future__ import annotations

import pytest

from cjmap.convert.lanes import LANE_NAMES, VOCABULARY, header_for, known_names, match_lane

WRITTEN = [
    ("Pains", "pain_points"),
    ("Customer actions", "actions"),
    ("痛点", "pain_points"),
    ("Болевые точки", "pain_points"),
    ("Болни точки", "pain_points"),
    ("Действия пользователя", "actions"),
    ("1. PAIN POINTS 😣:", "pain_points"),
    ("Touch-points / channels", "touchpoints"),
    ("用户痛点", "pain_points"),
    ("客户的想法", "thoughts"),
    ("Мысли клиента", "thoughts"),
    ("Что чувствует клиент?", "feeling"),
    ("Чувства на корисникот", "feeling"),
    ("Emotional curve", "feeling"),
    ("Болевая точка", "pain_points"),
    ("Допирни точки", "touchpoints"),
    ("Можности за подобрување", "opportunities"),
    ("Моменти на вистината", "moment_of_truth"),
    ("Ответственный отдел", "owner"),
    ("关键时刻", "moment_of_truth"),
    ("KPI", "metrics"),
    ("Этапы пути клиента", "stage"),
    ("阶段", "stage"),
    ("Customer journey stage", "stage"),
    ("Touchpoints (channels)", "touchpoints"),
]


@pytest.mark.parametrize(("header", "lane"), WRITTEN)
def test_a_header_names_its_lane(header: str, lane: str) -> None:
    assert match_lane(header) == lane


@pytest.mark.parametrize(
    "header",
    [
        "Notes",
        "Pains and opportunities",
        "Pains / Opportunities",
        "痛点与机会",
        "Мысли и чувства",
        "",
        "🙂",
    ],
)
def test_a_header_that_names_no_lane_or_two_is_not_guessed(header: str) -> None:
    assert match_lane(header) is None


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "mk", "de"])
def test_exported_headers_are_read_back(lang: str) -> None:
    for lane in LANE_NAMES:
        assert match_lane(header_for(lane, lang)) == lane


def test_every_phrase_of_the_vocabulary_names_its_own_lane() -> None:
    for lane, by_lang in VOCABULARY.items():
        for phrases in by_lang.values():
            for phrase in phrases:
                assert match_lane(phrase) == lane, phrase


def test_the_error_message_lists_every_lane_in_every_language() -> None:
    text = known_names()
    assert all(lane in text for lane in LANE_NAMES)
    assert "痛点" in text and "болевые точки" in text and "болни точки" in text
