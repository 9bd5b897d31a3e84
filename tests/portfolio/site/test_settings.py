"""The ``site`` section of .cjmap.yaml: language and title, checked and located."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmap.load.config import ConfigError, load_config
from cjmap.portfolio.site.settings import check_lang, settings_for, site_settings


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".cjmap.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_are_read_from_the_project(tmp_path: Path) -> None:
    config(tmp_path, "site:\n  lang: ru-RU\n  title: Путь клиента 🧭\n")
    (tmp_path / "maps").mkdir()
    settings = settings_for([tmp_path / "maps"], None)
    assert (settings.lang, settings.title) == ("ru", "Путь клиента 🧭")


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("site:\n  langg: ru\n", (2, 3), "did you mean 'lang'"),
        ("site:\n  lang: xx\n", (2, 9), "choose one of en, zh, ru, mk"),
        ("site:\n  title: ''\n", (2, 10), "non-empty text"),
    ],
)
def test_bad_settings_are_located(
    tmp_path: Path, text: str, where: tuple[int, int], words: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        site_settings(load_config(config(tmp_path, text)))
    (problem,) = caught.value.diagnostics
    assert (problem.line, problem.column) == where
    assert words in problem.message + (problem.hint or "")


def test_check_lang() -> None:
    assert check_lang("zh-Hans-CN") == "zh"
    with pytest.raises(ValueError, match="choose one of"):
        check_lang("de")
