"""What the import/export tests share: one rich map per language, and the real validator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from cjmap.diagnostics import Severity
from cjmap.validate import validate_paths

TODAY = dt.date(2026, 12, 1)

# One map per language, with what a sheet carries and text that is hard to carry: colons, '#',
# ';', quotes, emoji, a leading '=' (a spreadsheet formula), a leading '-' and '1.' (bullets).
MAPS = {
    "en": """\
cjmap: 1
kind: current-state
title: "Buying a vacuum: online #1 🧹"
lang: en
persona: {name: Curious Colleen, goals: [A vacuum that lasts], needs: [Quick comparisons]}
stages:
  - name: Research 🔍
    description: From first search to shortlist
    actions: [Reads reviews; takes notes, "Watches videos: 3 of them", "=HYPERLINK(\\"x\\")"]
    thoughts: ["Which one will last? #quality"]
    feeling: {score: -1, label: anxious}
    touchpoints:
      - {name: Review site, channel: reviews}
      - {name: YouTube, channel: social}
    pain_points: [{text: "- Too much content to sift through"}]
    opportunities: [{text: "1. Comparison chart against competitors"}]
    metrics: [{name: Product page to cart rate, value: 2.1%, target: 3.5%}]
    owner: Marketing
  - name: Buy
    actions: [Pays online]
    feeling: -3
    touchpoints: [{name: Checkout page, channel: website}]
    moment_of_truth: true
  - name: Delivery
    actions: [Waits for the courier]
    feeling: 2
    touchpoints: [{name: SMS updates, channel: phone}]
""",
    "zh": """\
cjmap: 1
kind: current-state
title: 网上购买吸尘器：第一次 🧹
lang: zh
persona: {name: 好奇的小李, goals: [买一台耐用的吸尘器], needs: [快速比较]}
stages:
  - name: 研究
    actions: [阅读评论；做笔记, 观看视频：三个]
    thoughts: [哪一款最耐用？#质量]
    feeling: {score: -1, label: 焦虑}
    touchpoints: [{name: 评论网站, channel: reviews}, {name: 微信群, channel: chat}]
    pain_points: [{text: 内容太多，难以筛选}]
    opportunities: [{text: 与竞争对手的比较图表}]
    owner: 市场部
  - name: 购买 🛒
    actions: [在线付款]
    feeling: -2
    touchpoints: [{name: 结账页面, channel: website}]
    moment_of_truth: true
  - name: 配送
    actions: [等待快递]
    feeling: {score: 3, label: 开心 😊}
    touchpoints: [{name: 短信通知, channel: phone}]
""",
    "ru": """\
cjmap: 1
kind: current-state
title: "Покупка пылесоса: онлайн"
lang: ru
persona: {name: Любопытная Анна, goals: [Купить надёжный пылесос], needs: [Быстрое сравнение]}
stages:
  - name: Исследование
    actions: [Читает отзывы; делает заметки, "Смотрит видео: три штуки"]
    thoughts: ["Какой прослужит дольше? #качество"]
    feeling: {score: -2, label: тревога 😟}
    touchpoints: [{name: Сайт отзывов, channel: reviews}, {name: Рассылка, channel: email}]
    pain_points: [{text: Слишком много информации}]
    opportunities: [{text: Таблица сравнения с конкурентами}]
    owner: Маркетинг
  - name: Покупка
    actions: [Оплачивает онлайн]
    feeling: 0
    touchpoints: [{name: Корзина, channel: website}]
  - name: Доставка
    actions: [Ждёт курьера]
    feeling: 1
    touchpoints: [{name: Звонок курьера, channel: phone}]
""",
    "mk": """\
cjmap: 1
kind: current-state
title: "Купување правосмукалка: онлајн"
lang: mk
persona: {name: Љубопитната Колин, goals: [Правосмукалка што нема да се скрши], needs: [Брза споредба]}
stages:
  - name: Истражување
    actions: [Чита осврти; прави белешки, "Гледа видеа: три"]
    thoughts: ["Која ќе трае подолго? #квалитет"]
    feeling: {score: -1, label: загриженост}
    touchpoints: [{name: Веб-локација, channel: website}, {name: Социјални мрежи, channel: social}]
    pain_points: [{text: Премногу содржина за пребарување}]
    opportunities: [{text: Споредбени графикони со конкурентите 📊}]
    owner: Маркетинг
  - name: Купување
    actions: [Плаќа онлајн]
    feeling: 1
    touchpoints: [{name: Чет-бот, channel: chat}]
    moment_of_truth: true
  - name: Достава
    actions: [Чека доставувач]
    feeling: 3
    touchpoints: [{name: Е-пошта, channel: email}]
""",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project folder (a git root) to write maps and sheets in."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def _write_map(folder: Path, lang: str) -> Path:
    path = folder / f"{lang}.cjm.yaml"
    path.write_text(MAPS[lang], encoding="utf-8")
    return path


def _errors_of(path: Path) -> list[str]:
    result = validate_paths([path], today=TODAY)
    assert result.files == 1
    return [
        f"{d.line}:{d.column} {d.code} {d.message}"
        for d in result.diagnostics
        if d.severity is Severity.error
    ]


@pytest.fixture
def write_map() -> Callable[[Path, str], Path]:
    """Write the rich map of a language (en, zh, ru, mk) into a folder."""
    return _write_map


@pytest.fixture
def errors_of() -> Callable[[Path], list[str]]:
    """The errors `cjmap validate` finds in a file (loader and linter, as the command runs)."""
    return _errors_of
