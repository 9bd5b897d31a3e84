"""Touchpoints in a sheet: ``name (channel)``, or the channel guessed from the name's words.

A touchpoint is ``name (channel)`` when the brackets hold a channel cjmap knows (or a word for
one), otherwise its channel is guessed from words in English, Chinese, Russian and Macedonian
("email", "сайт", "App", "电话"...), and ``other`` when nothing fits, so the map validates.
"""

from __future__ import annotations

import re
from typing import Any

# Channel -> words that give it away, in en, zh, ru, mk (lower case; matched inside the name).
CHANNEL_WORDS: dict[str, tuple[str, ...]] = {
    "email": (
        "email",
        "e-mail",
        "newsletter",
        "mail",
        "邮件",
        "邮箱",
        "电子邮件",
        "письмо",
        "рассылк",
        "почт",
        "е-пошта",
        "мејл",
        "билтен",
        "емаил",
    ),
    "app": (
        "app",
        "application",
        "mobile",
        "ios",
        "android",
        "应用",
        "小程序",
        "客户端",
        "приложени",
        "апликаци",
    ),
    "chat": (
        "chat",
        "chatbot",
        "bot",
        "messenger",
        "whatsapp",
        "telegram",
        "wechat",
        "live chat",
        "聊天",
        "客服",
        "微信",
        "чат",
        "бот",
        "мессенджер",
        "телеграм",
    ),
    "phone": (
        "phone",
        "call",
        "hotline",
        "sms",
        "电话",
        "热线",
        "短信",
        "телефон",
        "звонок",
        "колл",
        "смс",
        "повик",
    ),
    "social": (
        "social",
        "instagram",
        "facebook",
        "tiktok",
        "youtube",
        "twitter",
        "linkedin",
        "vk",
        "weibo",
        "社交",
        "微博",
        "抖音",
        "小红书",
        "соцсет",
        "социальн",
        "вконтакте",
        "социјалн",
        "мрежи",
    ),
    "search": (
        "search",
        "google",
        "seo",
        "bing",
        "yandex",
        "baidu",
        "搜索",
        "百度",
        "поиск",
        "яндекс",
        "пребарува",
    ),
    "ads": (
        "ad",
        "ads",
        "advert",
        "banner",
        "billboard",
        "commercial",
        "campaign",
        "广告",
        "реклам",
        "баннер",
        "билборд",
    ),
    "reviews": (
        "review",
        "rating",
        "testimonial",
        "评论",
        "评价",
        "口碑网",
        "отзыв",
        "рейтинг",
        "рецензи",
        "осврт",
        "мислења",
    ),
    "store": (
        "store",
        "shop",
        "showroom",
        "branch",
        "office",
        "counter",
        "门店",
        "商店",
        "实体店",
        "柜台",
        "магазин",
        "салон",
        "офис",
        "отделени",
        "продавниц",
        "дуќан",
    ),
    "print": (
        "print",
        "brochure",
        "flyer",
        "catalog",
        "leaflet",
        "letter",
        "印刷",
        "传单",
        "手册",
        "листовк",
        "брошюр",
        "каталог",
        "печат",
        "флаер",
    ),
    "events": (
        "event",
        "conference",
        "fair",
        "expo",
        "webinar",
        "meetup",
        "活动",
        "展会",
        "会议",
        "мероприяти",
        "выставк",
        "конференц",
        "вебинар",
        "настан",
        "саем",
    ),
    "word-of-mouth": (
        "word of mouth",
        "friend",
        "colleague",
        "recommendation",
        "referral",
        "口碑",
        "朋友",
        "推荐",
        "сарафан",
        "друз",
        "знаком",
        "рекомендац",
        "пријател",
        "колег",
        "препорак",
    ),
    "website": (
        "website",
        "site",
        "web",
        "page",
        "landing",
        "online",
        "checkout",
        "cart",
        "portal",
        "网站",
        "官网",
        "网页",
        "页面",
        "购物车",
        "сайт",
        "страниц",
        "лендинг",
        "корзин",
        "веб",
        "страна",
        "кошничк",
    ),
}
CHANNELS = (*CHANNEL_WORDS, "other")
_WORD_CHANNEL_ORDER = tuple(CHANNEL_WORDS)
_PAREN = re.compile(r"^(?P<name>.*?)\s*[(（]\s*(?P<channel>[^()（）]+?)\s*[)）]\s*$")


def guess_channel(name: str) -> str:
    """The channel a touchpoint's name suggests, ``other`` when no word gives it away.

    A specific channel beats the generic website and store ("Сайт отзывов" is a review site);
    between two specific ones (or two generic), the word that comes first wins ("电话客服" is a
    phone line, "Отзывы на Яндексе" reviews, "Сайт магазина" the shop's website).
    """
    text = name.casefold()
    words = [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]
    best: tuple[bool, int, str] | None = None
    for channel in _WORD_CHANNEL_ORDER:
        for word in CHANNEL_WORDS[channel]:
            at = _find_word(text, words, word)
            if at is None:
                continue
            found = (channel in _GENERIC, at, channel)
            if best is None or found < best:
                best = found
    return best[2] if best else "other"


_GENERIC = frozenset({"website", "store"})


def _find_word(text: str, words: list[tuple[int, str]], word: str) -> int | None:
    if not word.isascii() or " " in word or "-" in word:
        # Cyrillic words are stems ("рассылк"), Han words are whole: both match inside.
        at = text.find(word)
        return at if at >= 0 else None
    for start, w in words:
        if w == word or (len(word) > 3 and w.startswith(word)):
            return start
    return None


def touchpoint(text: str) -> dict[str, Any]:
    """``{name, channel}`` from one line of a touchpoints cell."""
    match = _PAREN.match(text)
    if match and match["name"]:
        said = match["channel"].strip().casefold().replace(" ", "-").replace("_", "-")
        if said in CHANNELS:
            return {"name": match["name"], "channel": said}
        for channel, words in CHANNEL_WORDS.items():
            if said in words:
                return {"name": match["name"], "channel": channel}
    return {"name": text, "channel": guess_channel(text)}
