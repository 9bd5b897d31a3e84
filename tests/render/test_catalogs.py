"""The catalogs are complete and the template (.pot) matches what the code and templates say."""

from __future__ import annotations

import pytest

from cjmap.render import catalogs
from cjmap.render.i18n import CATALOG_LANGUAGES


@pytest.fixture(scope="module")
def extracted() -> catalogs.Catalog:
    return catalogs.extract_catalog()


def test_the_pot_file_is_current(extracted: catalogs.Catalog) -> None:
    stored = catalogs.POT.read_bytes()
    assert stored == catalogs.pot_bytes(extracted), "run `python -m cjmap.render.catalogs`"


@pytest.mark.parametrize("code", CATALOG_LANGUAGES)
def test_every_label_is_translated(code: str, extracted: catalogs.Catalog) -> None:
    assert catalogs.missing_translations(code, extracted) == []


def test_extraction_finds_template_and_code_labels(extracted: catalogs.Catalog) -> None:
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extracted}
    assert {"Touchpoints", "Word of mouth", "Page %(page)s of %(pages)s", "stage"} <= ids


def test_a_missing_translation_is_reported(extracted: catalogs.Catalog) -> None:
    extracted.add("A label nobody translated")
    assert catalogs.missing_translations("ru", extracted) == ["A label nobody translated"]


def test_generated_catalogs_name_no_tool_version_nor_year(extracted: catalogs.Catalog) -> None:
    # A new Babel release or a new year must not make the committed catalogs stale.
    generated = [catalogs.pot_bytes(extracted), catalogs.POT.read_bytes()]
    generated += [(catalogs.LOCALE / catalogs.po_path(c)).read_bytes() for c in CATALOG_LANGUAGES]
    for text in generated:
        assert b"Generated-By" not in text
        assert b"Babel" not in text
        assert b"POT-Creation-Date" not in text
        assert b"Copyright (C) 20" not in text
