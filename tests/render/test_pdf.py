"""The PDFs of the examples, read back with pypdf: text, labels, metadata, fonts, footer, outline."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from cjmap.model import CurrentStateMap, DayInTheLifeMap, EmpathyMap, FutureStateMap
from cjmap.render.html import render_html
from cjmap.render.pdf import MissingGlyphs, RenderLog, html_to_pdf, render_pdf

from .conftest import FIXTURES, ON, Rendered, load, pdf_text, squash, write_map

# Labels the templates write, as a speaker of each language expects to read them.
LABELS: dict[str, dict[str, list[str]]] = {
    "en": {
        "staged": ["Touchpoints", "Pain points", "Opportunities", "Action plan", "Moment of truth"],
        "day": ["The day", "Brand present", "No brand contact"],
        "empathy": ["Says", "Thinks", "Does", "Feels", "Pains", "Gains"],
        "page": ["Page1of"],
    },
    "zh": {
        "staged": ["触点", "痛点", "机会点", "行动计划", "关键时刻"],
        "empathy": ["我们听到他们说的话", "他们在想什么", "收获"],
        "page": ["第1页，共"],
    },
    "ru": {
        "staged": [
            "Точки контакта",
            "Болевые точки",
            "Возможности",
            "План действий",
            "Момент истины",
        ],
        "day": ["Бренд присутствует", "Без контакта с брендом"],
        "page": ["Страница1из"],
    },
    "mk": {
        "staged": [
            "Допирни точки",
            "Болни точки",
            "Можности",
            "Акциски план",
            "Момент на вистината",
        ],
        "page": ["Страница1од"],
    },
}


def _part(example: Rendered) -> str:
    doc = example.loaded.doc
    if isinstance(doc, CurrentStateMap | FutureStateMap):
        return "staged"
    return "day" if isinstance(doc, DayInTheLifeMap) else "empathy"


def test_stage_names_persona_and_labels_are_extractable_text(example: Rendered) -> None:
    text = squash("".join(pdf_text(example.pdf)))
    doc = example.loaded.doc
    assert doc is not None and example.loaded.persona is not None
    assert squash(example.loaded.persona.name) in text
    assert squash(doc.title) in text
    if isinstance(doc, CurrentStateMap | FutureStateMap):
        for stage in doc.stages:
            assert squash(stage.name) in text, stage.name
    elif isinstance(doc, DayInTheLifeMap):
        for moment in doc.moments:
            assert moment.time in text
            assert squash(moment.activity) in text
    else:
        assert isinstance(doc, EmpathyMap)
        for item in doc.empathy.says + doc.empathy.gains:
            assert squash(item) in text
    labels = LABELS[example.lang]
    for label in labels.get(_part(example), []) + labels["page"]:
        assert squash(label) in text, f"{label!r} missing from {example.name}"


def test_metadata_title_author_subject_language(example: Rendered) -> None:
    reader = PdfReader(BytesIO(example.pdf))
    doc = example.loaded.doc
    assert doc is not None and reader.metadata is not None
    assert reader.metadata.title == doc.title
    assert reader.metadata.author == doc.owner
    assert reader.metadata.subject and example.loaded.persona is not None
    assert example.loaded.persona.name in reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == doc.lang


def _structure_types(node: Any, found: set[str]) -> set[str]:
    node = node.get_object()
    if isinstance(node, dict):
        if "/S" in node:
            found.add(str(node["/S"]))
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                _structure_types(kid, found)
    return found


def test_the_pdf_is_tagged_for_screen_readers(example: Rendered) -> None:
    root = PdfReader(BytesIO(example.pdf)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    types = _structure_types(root["/StructTreeRoot"], set())
    assert {"/H1", "/P"} <= types, types
    if example.loaded.doc and example.loaded.doc.kind in ("current-state", "future-state"):
        assert {"/Table", "/TR", "/TH", "/TD"} <= types, types


def _fonts(reader: PdfReader) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def _embedded(font: Any) -> bool:
    fonts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
    return all(
        any(k in f["/FontDescriptor"] for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for f in fonts
    )


def test_every_font_is_embedded_and_latin_comes_first(example: Rendered) -> None:
    fonts = _fonts(PdfReader(BytesIO(example.pdf)))
    assert fonts
    assert all(_embedded(f) for f in fonts.values()), list(fonts)
    assert any("NotoSans" in name.replace("-", "") for name in fonts), list(fonts)


def test_the_chinese_maps_embed_a_cjk_font(rendered_examples: dict[str, Rendered]) -> None:
    for name in ("zh/online-shop.cjm.yaml", "zh/empathy.cjm.yaml"):
        fonts = _fonts(PdfReader(BytesIO(rendered_examples[name].pdf)))
        assert any("WenQuanYi" in n.replace("-", "") or "CJK" in n for n in fonts), (
            name,
            list(fonts),
        )


def test_every_page_has_the_footer(example: Rendered) -> None:
    pages = pdf_text(example.pdf)
    total = len(pages)
    source = example.loaded.path.relative_to(example.loaded.root).as_posix()
    for number, page in enumerate(pages, start=1):
        flat = squash(page)
        assert squash(source) in flat
        assert "cjmap0.1.0" in flat
        assert f"{number}" in flat and f"{total}" in flat


def _titles(outline: list[Any]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += _titles(item)
        else:
            titles.append(str(item.title))
    return titles


def test_bookmarks_per_section(example: Rendered) -> None:
    titles = [squash(t) for t in _titles(PdfReader(BytesIO(example.pdf)).outline)]
    doc = example.loaded.doc
    assert doc is not None
    assert squash(doc.title) in titles
    if _part(example) == "staged":
        expected = {
            "en": "Action plan",
            "zh": "行动计划",
            "ru": "План действий",
            "mk": "Акциски план",
        }
        assert squash(expected[example.lang]) in titles
        assert len(titles) >= 4  # title, persona, the grid, the action plan


def test_a_wide_map_continues_on_the_next_page_with_the_lanes_repeated() -> None:
    loaded = load(FIXTURES / "wide.cjm.yaml")
    pages = [squash(p) for p in pdf_text(render_pdf(loaded, on=ON))]
    first = next(i for i, p in enumerate(pages) if "Stages1–6of12" in p)
    second = next(i for i, p in enumerate(pages) if "Stages7–12of12" in p)
    assert second > first
    for index in (first, second):
        assert "Actions" in pages[index] and "Touchpoints" in pages[index]
    assert "Notice" in pages[first] and "Notice" not in pages[second]
    assert "Renew" in pages[second]
    # A long URL wraps inside its cell instead of being cut: all of it is on the page.
    assert "https://example.com/a/very/long/url/that/must/wrap/inside/its/cell/" in pages[first]


def _uncovered_character() -> str:
    import subprocess

    for ch in ("\U00011f04", "\U00018b00", "\ue000"):
        found = subprocess.run(
            ["fc-list", f":charset={ord(ch):x}", "family"],
            capture_output=True,
            text=True,
            check=False,
        )
        if not found.stdout.strip():
            return ch
    pytest.skip("every candidate character has a font on this machine")


@pytest.mark.linux_only  # the hint names Debian's package; macOS and Windows get their own
def test_a_script_no_font_covers_is_reported_instead_of_drawing_boxes() -> None:
    ch = _uncovered_character()
    html = f'<html lang="en"><body><p>Title {ch}{ch}</p></body></html>'
    with pytest.raises(MissingGlyphs) as caught:
        html_to_pdf(html)
    assert f"U+{ord(ch):04X}" in str(caught.value)
    assert "fonts-noto" in str(caught.value)
    log = RenderLog()
    pdf = html_to_pdf(html, allow_missing_glyphs=True, log=log)
    assert pdf.startswith(b"%PDF") and log.missing == [ch]


def test_chinese_text_draws_no_notdef_box(rendered_examples: dict[str, Rendered]) -> None:
    """The session fixture renders without --allow-missing-glyphs, so a tofu box would have
    failed it; the text is also there for a reader to copy."""
    rendered = rendered_examples["zh/online-shop.cjm.yaml"]
    assert rendered.pdf.startswith(b"%PDF")
    assert "王晓雯" in squash("".join(pdf_text(rendered.pdf)))


def test_a_long_description_or_name_never_drops_the_grid_head(tmp_path: Path) -> None:
    # The head row repeats on every page and cannot break: a head taller than a page is
    # dropped by WeasyPrint, with every stage name in it. Descriptions live in the first body
    # row (which may break) and names are cut after HEADING_CHARS in the head.
    about = " ".join(["Customers compare offers on several sites before they decide."] * 25)
    name = "Research " + "and compare " * 300
    stages = "".join(
        f"  - name: {n}\n    description: {d}\n"
        for n, d in [("Notice", "short"), ("Compare", about), (name, "x"), ("Decide", "y")]
    )
    path = write_map(
        tmp_path, "m.cjm.yaml", f"cjmap: 1\nkind: current-state\ntitle: T\nstages:\n{stages}"
    )
    pages = [squash(p) for p in pdf_text(render_pdf(load(path), on=ON))]
    grid = [p for p in pages if "1Notice2Compare3Research" in p]
    assert len(grid) >= 2  # the description runs over to a second page, under the same head
    assert all("4Decide" in p for p in grid) and "Actions" in grid[-1]
    body = "".join(p.split("4Decide", 1)[1].split("Tm.cjm.yamlPage")[0] for p in grid)
    # (pypdf reads a page's cells one after another, so count the sentence's two halves)
    assert (
        body.count("Customerscompare") == 25 and body.count("onseveralsitesbeforetheydecide.") == 25
    )
    assert "Researchandcompare" in grid[0] and squash(name) not in "".join(pages)


LONG_PERSONA = FIXTURES / "long-persona"


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("future.yaml", None),
        ("future.yaml", "current-state"),
        ("day-in-the-life.yaml", None),
    ],
)
def test_a_persona_card_longer_than_a_page_starts_on_page_1_and_continues(
    name: str, template: str | None
) -> None:
    # A list of the card was kept whole: too tall for the space under the header band, it was
    # pushed to page 2 (the card's head with it, when the card had no quote), and page 1 held
    # only the header band. Long lists now break between their items; short ones stay whole.
    loaded = load(LONG_PERSONA / name)
    persona = loaded.persona
    assert persona is not None and len(persona.goals) == 24
    pages = [squash(p) for p in pdf_text(render_pdf(loaded, template=template, on=ON))]
    first, second = pages[0], pages[1]
    assert squash(persona.name) in first
    assert squash(persona.goals[0]) in first and squash(persona.goals[1]) in first
    assert squash(persona.goals[-1]) in second and squash(persona.goals[-1]) not in first
    # The rest of the card follows on page 2, its short lists whole, the research chips last.
    assert all(squash(m) in second for m in persona.motivations + persona.needs)
    assert "Researchbehindthispersona" in second
    assert all(squash(s.note or "") in second for s in persona.sources)


def test_only_long_persona_lists_may_break(rendered_examples: dict[str, Rendered]) -> None:
    # Short lists stay whole in their column (the examples' cards look as they did); only a
    # list of more than about 12 lines is marked as one that may break.
    assert not [
        n
        for n, r in rendered_examples.items()
        if re.search(r"class=\"plist [^\"]*plist-long", r.html)
    ]
    html = render_html(load(LONG_PERSONA / "future.yaml"), on=ON)
    assert re.findall(r'class="plist plist-(\w+)( plist-long)?"', html) == [
        ("goals", " plist-long"),
        ("needs", ""),
        ("frustrations", ""),
        ("motivations", ""),
    ]


def test_a_tall_persona_in_the_empathy_canvas_leaves_the_canvas_on_page_1() -> None:
    # The whole canvas was kept on one page: with a long profile and quote in its centre it no
    # longer fitted under the header band and moved to page 2, leaving page 1 blank. Now only
    # the pains and gains move.
    loaded = load(LONG_PERSONA / "empathy.yaml")
    pages = [squash(p) for p in pdf_text(render_pdf(loaded, on=ON))]
    assert loaded.doc is not None and loaded.persona is not None
    first = pages[0]
    assert squash(loaded.persona.name) in first
    for item in ("I'll do it tonight.", "Is this invoice right?", "Pays at the counter", "Rushed"):
        assert squash(item) in first, item
    assert "Holdmusic" in pages[1] and "Anearlynight" in pages[1]
