"""Starter maps for ``cjmap new``: one per kind and language, with comments for a first-time author.

A new map is reviewed the day it is made (``reviewed:`` is that day, its actions are due a
quarter later), so it is not born stale. Its first line points editors at the nearest
``cjmap.schema.json`` above the map; when there is none yet, or cjmap cannot tell where the
map will be saved, a comment below that line says what to do.
"""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path

KINDS = ("current-state", "future-state", "day-in-the-life", "empathy")
LANGS = ("en", "zh", "ru", "mk")

SCHEMA_FILE = "cjmap.schema.json"
DUE_AFTER = dt.timedelta(days=91)
"""How long after the map's date its placeholder actions are due (a quarter)."""

# The comment under the modeline: the schema is not written yet (``{command}`` makes it), or
# the map went to standard output and its folder is unknown.
_MISSING_NOTE = {
    "en": "# {schema} does not exist yet: run `{command}` for completion in editors.",
    "zh": "# {schema} 尚不存在：运行 `{command}`，编辑器即可补全。",
    "ru": "# {schema} ещё нет: выполните `{command}`, и редактор будет подсказывать ключи.",
    "mk": "# {schema} сè уште не постои: извршете `{command}` за дополнување во уредувачот.",
}
_UNKNOWN_FOLDER_NOTE = {
    "en": "# The path after $schema= is relative to the folder `cjmap new` ran in; "
    "correct it if the map is saved elsewhere.",
    "zh": "# $schema= 后的路径相对于运行 `cjmap new` 的文件夹；若地图保存在别处，请修改。",
    "ru": "# Путь после $schema= указан от папки, где запускался `cjmap new`; "
    "поправьте его, если карта лежит в другом месте.",
    "mk": "# Патеката по $schema= е од папката каде што е извршен `cjmap new`; "
    "поправете ја ако картата е зачувана на друго место.",
}


def find_schema(folder: Path, lang: str, *, folder_known: bool = True) -> tuple[str, str | None]:
    """The modeline's path to the JSON Schema for a map saved in ``folder``, and the comment
    to put under the modeline (None when the schema is found and the folder is known).

    The nearest ``cjmap.schema.json`` from ``folder`` up to the project root wins; without one,
    the path points where ``cjmap schema -o`` should write it: the project root.
    """
    from cjmap.load.files import find_root
    from cjmap.text import printable

    folder = folder.absolute()
    root = find_root(folder / "new.cjm.yaml")
    found = None
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_FILE).is_file():
            found = candidate / SCHEMA_FILE
            break
        if candidate == root:
            break
    target = found if found is not None else root / SCHEMA_FILE
    ref = Path(os.path.relpath(target, folder)).as_posix()
    notes = []
    if found is None:
        write_to = printable(Path(os.path.relpath(target, Path.cwd())).as_posix())
        command = f"cjmap schema -o {write_to}"
        notes.append(_MISSING_NOTE[lang].format(schema=SCHEMA_FILE, command=command))
    if not folder_known:
        notes.append(_UNKNOWN_FOLDER_NOTE[lang])
    return ref, "\n".join(notes) or None


def _read(name: str) -> str:
    return (resources.files("cjmap") / "starters" / name).read_text(encoding="utf-8")


def starter_text(
    kind: str,
    lang: str,
    *,
    persona_ref: str | None,
    schema_ref: str,
    today: dt.date | None = None,
    schema_note: str | None = None,
) -> str:
    """The text of a new map: the kind's starter in ``lang``, with its persona inline or by
    path, reviewed ``today`` (default: the real today), ``schema_note`` under the modeline."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    text = _read(f"{kind}.{lang}.yaml")
    if persona_ref is None:
        persona = _read(f"persona.{lang}.yaml").rstrip("\n")
    else:
        persona = f"persona: {_yaml_string(persona_ref)}"
    day = today or dt.date.today()
    text = (
        text.replace("__SCHEMA__", schema_ref)
        .replace("__PERSONA__", persona)
        .replace("__REVIEWED__", day.isoformat())
        .replace("__DUE__", (day + DUE_AFTER).isoformat())
    )
    if schema_note is not None:
        first, rest = text.split("\n", 1)
        text = f"{first}\n{schema_note}\n{rest}"
    return text


def _yaml_string(value: str) -> str:
    """A path as a double-quoted YAML string (paths may hold ': ', '#' or non-ASCII)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
