"""The PDF's budget: values too long to print are cut with a note in the map's language, and a
map whose layout could not fit the memory limit is refused before WeasyPrint starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmap.render.budget import MAX_PRINT_CHARS, TooLarge, check_size, cut_long_texts, layout_boxes
from cjmap.render.i18n import format_number
from cjmap.render.limits import Limits
from cjmap.render.pdf import render_pdf

from .conftest import EXAMPLES, ON, load, pdf_text, squash, write_map

# Numbers are grouped the locale's way (CLDR's data, through Babel): filled in below.
NOTES = {
    "en": "(cut at {shown} of {total} characters: the HTML render shows it all)",
    "ru": "(обрезано: показано {shown} из {total} знаков; весь текст — в HTML-версии)",
    "zh": "（已截断：显示 {total} 个字符中的 {shown} 个，完整内容见 HTML 版本）",
    "mk": "(скратено: прикажани се {shown} од {total} знаци; целиот текст е во HTML-верзијата)",
}


def note(lang: str) -> str:
    return NOTES[lang].format(
        shown=format_number(MAX_PRINT_CHARS, lang), total=format_number(2_000_000, lang)
    )


def _with_scenario(tmp_path: Path, lang: str, scenario: str) -> Path:
    body = (
        f"cjmap: 1\nkind: current-state\ntitle: T\nlang: {lang}\nscenario: {scenario}\n"
        "stages:\n  - name: A\n  - name: B\n  - name: C\n"
    )
    return write_map(tmp_path, "m.cjm.yaml", body)


@pytest.mark.parametrize("lang", sorted(NOTES))
def test_an_enormous_value_is_cut_with_a_note_in_the_map_language(
    tmp_path: Path, lang: str
) -> None:
    loaded = load(_with_scenario(tmp_path, lang, "x" * 2_000_000))
    cut = cut_long_texts(loaded, lang)
    assert cut is not loaded and loaded.doc is not None and cut.doc is not None
    assert len(loaded.doc.scenario or "") == 2_000_000  # the loaded map is not changed
    assert cut.doc.scenario == "x" * MAX_PRINT_CHARS + "… " + note(lang)


def test_a_cut_ends_at_a_space_near_the_end(tmp_path: Path) -> None:
    words = "word " * 2_000
    loaded = load(_with_scenario(tmp_path, "en", words.strip()))
    cut = cut_long_texts(loaded, "en")
    assert cut.doc is not None and cut.doc.scenario is not None
    kept = cut.doc.scenario.split("…")[0]
    assert kept.endswith("word") and len(kept) <= MAX_PRINT_CHARS


def test_maps_people_write_are_not_cut() -> None:
    loaded = load(EXAMPLES / "colleen" / "current.cjm.yaml")
    assert cut_long_texts(loaded, "en") is loaded


def test_the_pdf_of_an_enormous_value_is_a_few_pages_with_the_note(tmp_path: Path) -> None:
    loaded = load(_with_scenario(tmp_path, "en", "x" * 2_000_000))
    pages = pdf_text(render_pdf(loaded, on=ON))
    assert len(pages) <= 6
    text = squash("".join(pages))
    assert squash(note("en")) in text
    assert text.count("x") < MAX_PRINT_CHARS + 200


def test_layout_boxes_count_every_text_value_of_the_map_and_persona() -> None:
    loaded = load(EXAMPLES / "colleen" / "current.cjm.yaml")
    assert loaded.persona is not None
    boxes = layout_boxes(loaded)
    without_persona = layout_boxes(type(loaded)(loaded.source, loaded.root, doc=loaded.doc))
    assert boxes > without_persona > 6 * 10  # six stages of several values each


def test_a_layout_over_the_memory_limit_is_refused_with_its_numbers() -> None:
    loaded = load(EXAMPLES / "colleen" / "current.cjm.yaml")
    check_size(loaded, Limits().memory_mb)  # the example fits
    boxes = layout_boxes(loaded)
    with pytest.raises(TooLarge) as caught:
        check_size(loaded, 1)
    assert str(caught.value) == (
        f"the map is too large to render to PDF: its {boxes:,} text boxes in 6 stages would "
        f"need at least {boxes * 64 // 1024} MB of memory, over the limit of 1 MB (split it; "
        "CJMAP_RENDER_MEMORY_MB raises the limit; HTML has no such limit)"
    )
    with pytest.raises(TooLarge):
        render_pdf(loaded, limits=Limits(memory_mb=1))
