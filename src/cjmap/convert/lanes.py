"""The lanes of a journey sheet (actions, thoughts, feeling, ...) as teams name them in English,
Chinese, Russian and Macedonian, and how a header a person typed is matched to one of them.

A header is normalised (case folded, NFKC, emoji, digits and punctuation dropped), then matched
whole; then with the words that only say whose lane it is ("customer", "用户", "клиента",
"корисникот") dropped; then by the lane phrases it contains. Cyrillic and Latin words
match their inflected forms (``точки``/``точка``, ``pains``/``pain``) by a shared stem. A
header that names two lanes ("Pains and opportunities") matches neither: the importer asks for
``--lane`` instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata

# The stage header lane is not a lane of a stage: it names the row or column of stage names.
STAGE = "stage"
SKIP = "skip"

# Lane -> language -> phrases (lower case; singular and plural where the stems differ). The
# first phrase of each language is the one an exported sheet writes.
VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    STAGE: {
        "en": ("stage", "stages", "phase", "phases", "journey stage", "step", "steps"),
        "zh": ("阶段", "旅程阶段", "步骤", "环节", "阶段名称"),
        "ru": ("этап", "этапы", "стадия", "стадии", "фаза", "шаг", "этап пути"),
        "mk": ("фаза", "фази", "етапа", "етапи", "чекор", "чекори", "стадиум"),
    },
    "description": {
        "en": ("description", "about", "summary", "what happens"),
        "zh": ("描述", "说明", "简介"),
        "ru": ("описание", "что происходит"),
        "mk": ("опис", "што се случува"),
    },
    "actions": {
        "en": (
            "actions",
            "action",
            "tasks",
            "doing",
            "does",
            "activities",
            "what they do",
            "behaviour",
            "behavior",
        ),
        "zh": ("行为", "行动", "动作", "任务", "活动", "做什么", "用户行为", "客户行为"),
        "ru": ("действия", "действие", "задачи", "что делает", "активности", "поведение"),
        "mk": (
            "дејствија",
            "дејства",
            "акции",
            "активности",
            "задачи",
            "постапки",
            "што прави",
            "однесување",
        ),
    },
    "thoughts": {
        "en": ("thoughts", "thinking", "thinks", "questions", "what they think"),
        "zh": ("想法", "思考", "所想", "想什么", "疑问"),
        "ru": ("мысли", "мысль", "вопросы", "что думает", "размышления"),
        "mk": ("мисли", "мисла", "размислувања", "прашања", "што мисли"),
    },
    "feeling": {
        "en": (
            "feeling",
            "feelings",
            "emotion",
            "emotions",
            "emotional curve",
            "mood",
            "sentiment",
            "feels",
            "experience",
            "emotional journey",
            "score",
        ),
        "zh": ("情绪", "情感", "感受", "心情", "情绪曲线", "感觉", "体验"),
        "ru": (
            "эмоции",
            "эмоция",
            "чувства",
            "настроение",
            "ощущения",
            "эмоциональная кривая",
            "что чувствует",
            "переживания",
        ),
        "mk": ("чувства", "чувство", "емоции", "емоција", "расположение", "што чувствува"),
    },
    "touchpoints": {
        "en": (
            "touchpoints",
            "touchpoint",
            "touch points",
            "touch point",
            "channels",
            "channel",
            "contact points",
            "points of contact",
            "interactions",
        ),
        "zh": ("触点", "接触点", "渠道", "联系点", "触达点", "互动点"),
        "ru": (
            "точки контакта",
            "точка контакта",
            "точки касания",
            "каналы",
            "канал",
            "каналы взаимодействия",
            "касания",
            "точки взаимодействия",
        ),
        "mk": ("допирни точки", "допирна точка", "точки на допир", "канали", "контактни точки"),
    },
    "pain_points": {
        "en": (
            "pain points",
            "pain point",
            "pains",
            "pain",
            "frustrations",
            "problems",
            "issues",
            "friction",
            "obstacles",
            "struggles",
            "barriers",
        ),
        "zh": ("痛点", "痛苦", "问题", "挑战", "摩擦点", "障碍", "难点"),
        "ru": (
            "болевые точки",
            "болевая точка",
            "боли",
            "боль",
            "проблемы",
            "трудности",
            "барьеры",
            "препятствия",
        ),
        "mk": (
            "болни точки",
            "болна точка",
            "точки на болка",
            "болки",
            "проблеми",
            "тешкотии",
            "пречки",
        ),
    },
    "opportunities": {
        "en": (
            "opportunities",
            "opportunity",
            "ideas",
            "improvements",
            "solutions",
            "recommendations",
        ),
        "zh": ("机会", "机会点", "改进", "改进机会", "建议", "解决方案", "优化点"),
        "ru": ("возможности", "возможность", "идеи", "улучшения", "решения", "рекомендации"),
        "mk": ("можности", "можност", "идеи", "подобрувања", "решенија", "препораки"),
    },
    "metrics": {
        "en": ("metrics", "metric", "kpi", "kpis", "measures", "measurement"),
        "zh": ("指标", "关键指标", "衡量指标", "数据指标"),
        "ru": ("метрики", "метрика", "показатели"),
        "mk": ("метрики", "показатели", "мерки"),
    },
    "owner": {
        "en": ("owner", "ownership", "backstage", "responsible", "department", "team", "who owns"),
        "zh": ("负责部门", "负责人", "责任部门", "后台", "所有者", "负责团队"),
        "ru": ("ответственный отдел", "ответственный", "владелец", "отдел", "закулисье", "команда"),
        "mk": (
            "одговорен оддел",
            "одговорен",
            "сопственик",
            "оддел",
            "одговорност",
            "тим",
            "задолжен",
        ),
    },
    "moment_of_truth": {
        "en": ("moment of truth", "moments of truth", "mot", "critical moment", "key moment"),
        "zh": ("关键时刻", "真相时刻", "决定性时刻"),
        "ru": ("момент истины", "моменты истины", "ключевой момент"),
        "mk": ("момент на вистината", "момент на вистина", "клучен момент"),
    },
}

# Words that say whose lane it is, not which: "Customer actions", "Мысли клиента", "用户痛点".
FILLER: frozenset[str] = frozenset(
    [
        "customer",
        "customers",
        "customer's",
        "user",
        "users",
        "user's",
        "client",
        "clients",
        "persona",
        "the",
        "of",
        "what",
        "our",
        "their",
        "main",
        "key",
        "and",
        "клиент",
        "клиента",
        "клиентов",
        "клиенту",
        "пользователь",
        "пользователя",
        "пользователей",
        "покупатель",
        "покупателя",
        "персона",
        "наш",
        "основные",
        "клиентот",
        "клиентите",
        "корисник",
        "корисникот",
        "корисниците",
        "купувач",
        "купувачот",
        "персона",
        "на",
        "главни",
        "нашите",
    ]
)
FILLER_HAN = ("用户的", "客户的", "用户", "客户", "顾客", "消费者", "的")

LANE_NAMES = tuple(lane for lane in VOCABULARY if lane != STAGE)
"""The lanes a stage has, in the order an exported sheet lists them."""

_DROP = re.compile(r"[^\w\s]|[\d_]", re.UNICODE)


def normalise(text: str) -> str:
    """Lower case, compatibility forms folded, everything but letters and spaces dropped."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    text = _DROP.sub(" ", text)
    return " ".join(text.split())


def _han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _same_word(a: str, b: str) -> bool:
    """``a`` and ``b`` are one word in two inflected forms (a shared stem of 4+ letters)."""
    if a == b:
        return True
    if _han(a) or _han(b):
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= max(len(a), len(b)) - 2


def _same_words(words: list[str], phrase: list[str]) -> bool:
    return len(words) == len(phrase) and all(map(_same_word, words, phrase))


def _contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(_same_words(words[i : i + n], phrase) for i in range(len(words) - n + 1))


_INDEX: dict[str, list[tuple[str, list[str]]]] = {}


def _phrases() -> dict[str, list[tuple[str, list[str]]]]:
    if not _INDEX:
        for lane, by_lang in VOCABULARY.items():
            phrases = dict.fromkeys(p for ps in by_lang.values() for p in ps)
            _INDEX[lane] = [(p, normalise(p).split()) for p in phrases]
    return _INDEX


def _strip_filler(text: str) -> str:
    words = [w for w in text.split() if w not in FILLER]
    joined = " ".join(words)
    for filler in FILLER_HAN:
        joined = joined.replace(filler, "")
    return " ".join(joined.split())


def match_lane(header: str) -> str | None:
    """The lane a header names (``"Действия пользователя"`` -> ``actions``), or None."""
    text = normalise(header)
    if not text:
        return None
    for candidate in (text, _strip_filler(text)):
        if not candidate:
            continue
        words = candidate.split()
        exact = {
            lane
            for lane, phrases in _phrases().items()
            for phrase, parts in phrases
            if candidate == normalise(phrase) or _same_words(words, parts)
        }
        if len(exact) == 1:
            return exact.pop()
    # Lane phrases inside the header: one lane is the answer; two ("Thoughts & feelings",
    # "Touchpoint owner") are no answer, and the importer asks for --lane. Stage words only
    # count when no lane is named ("Customer journey stage").
    words = text.split()
    squeezed = text.replace(" ", "")
    found = {
        lane
        for lane, phrases in _phrases().items()
        for phrase, parts in phrases
        if (
            normalise(phrase).replace(" ", "") in squeezed
            if _han(phrase)
            else _contains(words, parts)
        )
    }
    lanes = found - {STAGE}
    if len(lanes) == 1:
        return lanes.pop()
    return STAGE if not lanes and STAGE in found else None


def known_names() -> str:
    """The lanes with their first name in each language, for an error message."""
    return "; ".join(
        f"{lane} ({' / '.join(v[0] for v in VOCABULARY[lane].values())})" for lane in LANE_NAMES
    )


def header_for(lane: str, lang: str) -> str:
    """The header an exported sheet writes for ``lane`` in ``lang`` (English when unknown)."""
    names = VOCABULARY[lane]
    phrase = names.get(lang.split("-")[0].lower(), names["en"])[0]
    return phrase[:1].upper() + phrase[1:]
