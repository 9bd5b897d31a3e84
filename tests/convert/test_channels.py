"""Touchpoints: a channel in brackets, or guessed from words in four languages."""

from __future__ import annotations

import pytest

from cjmap.convert.channels import guess_channel, touchpoint


@pytest.mark.parametrize(
    ("name", "channel"),
    [
        ("Email newsletter", "email"),
        ("Mobile App", "app"),
        ("电话客服热线", "phone"),
        ("官网首页", "website"),
        ("微信群", "chat"),
        ("Сайт магазина", "website"),
        ("Сайт отзывов", "reviews"),
        ("Facebook ads", "social"),
        ("Рассылка по почте", "email"),
        ("Звонок в колл-центр", "phone"),
        ("Отзывы на Яндекс Маркете", "reviews"),
        ("Веб-локација", "website"),
        ("Е-пошта", "email"),
        ("Социјални мрежи", "social"),
        ("Препорака од пријател", "word-of-mouth"),
        ("Instagram 📸", "social"),
        ("Billboard on the M4", "ads"),
        ("Something else entirely", "other"),
    ],
)
def test_the_channel_is_guessed_from_words_in_four_languages(name: str, channel: str) -> None:
    assert guess_channel(name) == channel


def test_a_channel_in_brackets_is_honoured() -> None:
    assert touchpoint("Review site (reviews)") == {"name": "Review site", "channel": "reviews"}
    assert touchpoint("客服（电话）") == {"name": "客服", "channel": "phone"}
    assert touchpoint("Shop (word of mouth)") == {"name": "Shop", "channel": "word-of-mouth"}
    # Brackets that name no channel are part of the name.
    assert touchpoint("Store (Berlin)") == {"name": "Store (Berlin)", "channel": "store"}
