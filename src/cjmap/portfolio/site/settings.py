"""The ``site`` section of the configuration: the site's language and title.

.. code-block:: yaml

    site:
      lang: ru                 # en, zh, ru or mk: the labels and dates of the site
      title: Путь клиента      # the name on every page (default: "Journey maps")

``--lang`` and ``--title`` on the command line win over the file. An unknown key, a language
cjmap has no labels for, or a title that is not text is a located error, never ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjmap.load.config import DEFAULT, ConfigError, ConfigFile
from cjmap.render.i18n import SUPPORTED_LANGUAGES, primary
from cjmap.text import did_you_mean, echo

KEYS = ("lang", "title")


@dataclass(frozen=True)
class SiteSettings:
    lang: str | None = None
    title: str | None = None


def check_lang(value: str) -> str:
    """``value`` as a site language (``zh-Hans`` -> ``zh``); ValueError names the choices."""
    code = primary(value)
    if code not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"cjmap has no labels in {echo(value)}; choose one of {', '.join(SUPPORTED_LANGUAGES)}"
        )
    return code


def site_settings(config: ConfigFile = DEFAULT) -> SiteSettings:
    """The checked ``site`` section of ``config``; raises ConfigError with located errors."""
    section = config.data.get("site") or {}
    problems = []
    for key in section:
        if key not in KEYS:
            problems.append(
                config.error(
                    ("site", key),
                    f"unknown site setting {echo(key)}{did_you_mean(str(key), KEYS)}",
                    "known settings: " + ", ".join(KEYS),
                )
            )
    lang = section.get("lang")
    if lang is not None:
        try:
            lang = check_lang(str(lang)) if isinstance(lang, str) else None
        except ValueError as exc:
            problems.append(config.error(("site", "lang"), str(exc), value=True))
            lang = None
        else:
            if lang is None:
                problems.append(
                    config.error(("site", "lang"), "`lang` must be a language code", value=True)
                )
    title = section.get("title")
    if title is not None and not (isinstance(title, str) and title.strip()):
        problems.append(
            config.error(("site", "title"), "`title` must be non-empty text", value=True)
        )
        title = None
    if problems:
        raise ConfigError(problems)
    return SiteSettings(lang=lang, title=title)


def settings_for(paths: list[Path], config: Path | None) -> SiteSettings:
    """The site settings of the project the first path belongs to (or of ``config``)."""
    from cjmap.load.config import find_config, load_config
    from cjmap.load.files import find_root

    if config is not None:
        return site_settings(load_config(config))
    for path in paths:
        if path.exists():
            # find_root takes a map and starts from its folder; a folder given starts itself.
            found = find_config(find_root(path / "_" if path.is_dir() else path))
            return site_settings(load_config(found)) if found is not None else SiteSettings()
    return SiteSettings()
