from __future__ import annotations

import re
from pathlib import Path

from cjmap.render.budget import MAX_PRINT_CHARS
from cjmap.render.pdf import render_pdf
from cjmap.render.views import build_page
from cjmap.render.views.staged import StagedPage
from cjmap.render.wrapping import CHUNK, LONG_RUN, ZWSP, soften, soften_all

from .conftest import ON, load, pdf_text, squash, write_map


def test_ordinary_text_is_the_same_object() -> None:
    for text in (
        "Awareness",
        "https://example.com/" + "a" * (LONG_RUN - 20),
        "word " * 1000,
        "中文字" * 1000,  # Chinese breaks between ideographs without help
        "",
    ):
        assert soften(text) is text


def test_an_overlong_run_gets_a_break_every_chunk() -> None:
    word = "x" * 1000
    out = soften(f"before {word} after")
    assert out.replace(ZWSP, "") == f"before {word} after"
    middle = out.split(" ")[1]
    assert all(len(part) == CHUNK for part in middle.split(ZWSP)[:-1])
    assert 0 < len(middle.split(ZWSP)[-1]) <= CHUNK
    assert not middle.endswith(ZWSP)


def test_cyrillic_runs_are_broken_too() -> None:
    word = "ж" * (LONG_RUN + 1)
    assert ZWSP in soften(word)


def test_soften_all_copies_only_what_changes(tmp_path: Path) -> None:
    word = "a" * 5000
    path = write_map(
        tmp_path,
        "m.cjm.yaml",
        f"cjmap: 1\nkind: current-state\ntitle: T\nstages:\n"
        f"  - name: {word}\n  - name: Short\n    touchpoints:\n      - name: {word}\n        channel: website\n",
    )
    loaded = load(path)
    assert loaded.doc is not None
    soft = soften_all(loaded.doc)
    assert soft is not loaded.doc
    assert loaded.doc.stages[0].name == word  # the loaded map is untouched
    assert soft.stages[0].name.replace(ZWSP, "") == word
    assert soft.stages[1].name == "Short"
    assert ZWSP in soft.stages[1].touchpoints[0].name
    untouched = load(Path(__file__).parent / "fixtures" / "bare.cjm.yaml")
    assert soften_all(untouched.doc) is untouched.doc


def test_the_page_shows_the_softened_word(tmp_path: Path) -> None:
    word = "b" * 3000
    path = write_map(
        tmp_path,
        "m.cjm.yaml",
        f"cjmap: 1\nkind: current-state\ntitle: T\nstages:\n  - name: {word}\n",
    )
    page = build_page(load(path), on=ON)
    assert isinstance(page, StagedPage)
    assert page.stages[0].name.replace(ZWSP, "") == word
    assert ZWSP in page.stages[0].name


def test_the_longest_word_a_pdf_prints_is_all_in_the_pdf(tmp_path: Path) -> None:
    # Without break opportunities WeasyPrint needs ~6 s of CPU for this word (quadratic; 25 s
    # for 10,000 letters). Longer values are cut in the PDF (render.budget, tested there).
    word = "".join(chr(ord("a") + i % 26) for i in range(MAX_PRINT_CHARS))
    path = write_map(
        tmp_path,
        "m.cjm.yaml",
        f"cjmap: 1\nkind: current-state\ntitle: T\nstages:\n  - name: A\n    thoughts: [{word}]\n",
    )
    pages = [squash(p).replace(ZWSP, "") for p in pdf_text(render_pdf(load(path), on=ON))]
    # The cell runs over several pages (the header row repeats between the parts).
    parts = [max(re.findall("[a-z]+", page), key=len) for page in pages]
    assert word in "".join(p for p in parts if len(p) > 100)
