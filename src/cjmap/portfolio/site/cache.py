"""What makes a rebuild cheap: a key per map render, and the record of the last build.

A map's render depends on its file, its persona file, the map it ``compares`` with (and that
map's persona), the templates, cjmap's version and the options (the day it is judged on and,
for the PDF, the paper). The key is a SHA-256 of all of them; a rebuild copies the render of
every map whose key has not changed from the previous site instead of rendering it again.
A map's facts (what the index and the other pages show, its lint findings included) are kept
too, and reused while its files, the configuration, the day and cjmap's version are the same.

The previous site is the cache: its ``.cjmap-site.json`` holds the keys and the facts. File
names are always the builder's own; a damaged record only means that map is read again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from cjmap import __version__

MANIFEST = ".cjmap-site.json"
FORMAT = 1


def folder_digest(folder: Traversable) -> str:
    """A digest of the files directly in ``folder`` (names and contents, in name order)."""
    digest = hashlib.sha256()
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if node.is_file():
            digest.update(node.name.encode("utf-8") + b"\0" + node.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def templates_digest() -> str:
    """A digest of the map templates and stylesheet (the site's own templates, in a folder
    below, are left out: they shape the site's pages, not the maps' renders)."""
    from cjmap.render.html import templates_root

    return folder_digest(templates_root())


@cache
def site_templates_digest() -> str:
    """A digest of the site's own templates (what every page's HTML depends on)."""
    from cjmap.render.html import templates_root

    return folder_digest(templates_root() / "site")


def render_key(deps: list[tuple[str, str]], *parts: str) -> str:
    """The key of one render of a map read from ``deps`` ((path, SHA-256) of the map file, its
    persona file, the compared map and its persona); ``parts`` are the options that shape it."""
    digest = hashlib.sha256()
    for chunk in (
        f"cjmap {__version__}".encode(),
        templates_digest().encode(),
        *(f"{path}\0{sha}".encode() for path, sha in deps),
        *(p.encode("utf-8") for p in parts),
    ):
        digest.update(len(chunk).to_bytes(8, "big") + chunk)
    return digest.hexdigest()


@dataclass
class Manifest:
    """What the last build rendered: per map slug, the key of each output."""

    renders: dict[str, dict[str, str]] = field(default_factory=dict)
    """slug -> {"html": key, "pdf": key}"""
    facts: dict[str, Any] = field(default_factory=dict)
    """file -> the map's facts (:meth:`MapEntry.to_json`), reused while its files are unchanged"""
    facts_key: str = ""
    """What the facts were computed under (cjmap's version, the day, the configuration)."""
    pages: dict[str, str] = field(default_factory=dict)
    """A map's or persona's page (its path in the site) -> its key
    (:func:`pages.map_page_key`, :func:`pages.persona_page_key`); an unchanged page is copied,
    not written again."""

    def to_json(self) -> str:
        return json.dumps(
            {
                "cjmap-site": FORMAT,
                "version": __version__,
                "renders": self.renders,
                "facts_key": self.facts_key,
                "facts": self.facts,
                "pages": self.pages,
            },
            ensure_ascii=False,
            separators=(",", ":"),  # a file for cjmap, not for people: compact is faster
        )


def read_manifest(site: Path) -> Manifest | None:
    """The manifest of a site cjmap built, None when ``site`` is not one (or it is unreadable:
    then nothing is reused, and the build renders everything)."""
    try:
        raw = (site / MANIFEST).read_bytes()
    except OSError:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return Manifest()
    if not isinstance(data, dict) or data.get("cjmap-site") != FORMAT:
        return Manifest()
    renders = data.get("renders")
    manifest = Manifest()
    if isinstance(renders, dict):
        for slug, keys in renders.items():
            if isinstance(slug, str) and isinstance(keys, dict):
                manifest.renders[slug] = {
                    k: v for k, v in keys.items() if k in ("html", "pdf") and isinstance(v, str)
                }
    facts, key = data.get("facts"), data.get("facts_key")
    if isinstance(facts, dict) and isinstance(key, str):
        manifest.facts, manifest.facts_key = facts, key
    pages = data.get("pages")
    if isinstance(pages, dict):
        manifest.pages = {k: v for k, v in pages.items() if isinstance(v, str)}
    return manifest
