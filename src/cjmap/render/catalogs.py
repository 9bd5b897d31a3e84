"""Keeping the label catalogs in step with the templates and the code (a maintainer's tool).

``python -m cjmap.render.catalogs`` extracts every ``_()``, ``ngettext()`` and ``N_()`` string
from the templates (``templates/site/`` too) and from ``cjmap/render/**/*.py`` and
``cjmap/portfolio/site/*.py`` with Babel, rewrites
``locale/cjmap.pot`` and merges it into each language's ``.po`` (new strings arrive untranslated,
for a translator to fill in). A test fails when the template is stale or a catalog misses a
translation.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po
from jinja2.ext import babel_extract

from cjmap.render.i18n import CATALOG_LANGUAGES, DOMAIN, po_path

PACKAGE = Path(__file__).resolve().parent.parent
LOCALE = PACKAGE / "locale"
POT = LOCALE / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}


def _sources() -> Iterator[tuple[str, Path, Any]]:
    from cjmap.render.html import templates_root

    root = Path(str(templates_root()))
    for path in sorted(root.rglob("*.j2")):
        yield f"templates/{path.relative_to(root).as_posix()}", path, babel_extract
    # The site (cjmap.portfolio.site) writes its labels with the same catalogs.
    for package in ("render", "portfolio/site"):
        folder = PACKAGE / package
        for path in sorted(folder.rglob("*.py")):
            if path.name != "catalogs.py":
                yield f"src/cjmap/{package}/{path.relative_to(folder).as_posix()}", path, "python"


def extract_catalog() -> Catalog:
    """Every label the templates and the render code write, as a Babel catalog."""
    catalog = Catalog(project="cjmap", domain=DOMAIN, charset="utf-8", fuzzy=False)
    for name, path, method in _sources():
        with path.open("rb") as handle:
            options = JINJA_OPTIONS if method is babel_extract else {}
            for lineno, message, comments, context in extract(
                method, handle, keywords=KEYWORDS, options=options, strip_comment_tags=True
            ):
                catalog.add(
                    message, None, [(name, lineno)], auto_comments=comments, context=context
                )
    return catalog


# Lines that name the tool, its version or the hour of the run: a release of Babel or a new
# year would change the files without a change to any label, so they are left out.
_UNSTABLE = (b'"POT-Creation-Date', b'"Generated-By', b"# Copyright (C)", b"# FIRST AUTHOR")


def _stable_po(catalog: Catalog, **options: Any) -> bytes:
    out = BytesIO()
    write_po(out, catalog, sort_output=True, width=100, no_location=True, **options)
    lines = [line for line in out.getvalue().split(b"\n") if not line.startswith(_UNSTABLE)]
    return b"\n".join(lines)


def pot_bytes(catalog: Catalog) -> bytes:
    return _stable_po(catalog, omit_header=False)


def read_catalog(code: str) -> Catalog:
    with (LOCALE / po_path(code)).open("rb") as handle:
        return read_po(handle, locale=code, domain=DOMAIN)


def missing_translations(code: str, template: Catalog | None = None) -> list[str]:
    """msgids of ``template`` with no (or a fuzzy) translation in the ``code`` catalog."""
    template = template or extract_catalog()
    catalog = read_catalog(code)
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id)
        if (
            found is None
            or found.fuzzy
            or not found.string
            or (isinstance(found.string, tuple) and not all(found.string))
        ):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update() -> None:
    """Rewrite the .pot and merge it into every .po."""
    template = extract_catalog()
    POT.write_bytes(pot_bytes(template))
    for code in CATALOG_LANGUAGES:
        path = LOCALE / po_path(code)
        if path.exists():
            catalog = read_catalog(code)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=code, domain=DOMAIN, project="cjmap", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        path.write_bytes(_stable_po(catalog, ignore_obsolete=True))


def main(argv: list[str]) -> int:
    update()
    for code in CATALOG_LANGUAGES:
        missing = missing_translations(code)
        print(f"{code}: {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
