"""Starter maps for ``cjmap new``: one per kind and language, with comments for a first-time author."""

from __future__ import annotations

from importlib import resources

KINDS = ("current-state", "future-state", "day-in-the-life", "empathy")
LANGS = ("en", "zh", "ru", "mk")

SCHEMA_FILE = "cjmap.schema.json"


def _read(name: str) -> str:
    return (resources.files("cjmap") / "starters" / name).read_text(encoding="utf-8")


def starter_text(kind: str, lang: str, *, persona_ref: str | None, schema_ref: str) -> str:
    """The text of a new map: the kind's starter in ``lang``, with its persona inline or by path."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    text = _read(f"{kind}.{lang}.yaml")
    if persona_ref is None:
        persona = _read(f"persona.{lang}.yaml").rstrip("\n")
    else:
        persona = f"persona: {_yaml_string(persona_ref)}"
    text = text.replace("__SCHEMA__", schema_ref).replace("__PERSONA__", persona)
    return text


def _yaml_string(value: str) -> str:
    """A path as a double-quoted YAML string (paths may hold ': ', '#' or non-ASCII)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
