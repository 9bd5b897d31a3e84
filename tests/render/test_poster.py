"""The poster paper: one page sized to the map, the type of the A4 pages, trimmed to the content.

Renders are the slow part (one to three seconds each): four posters in all; the A4 PDF they
are compared with comes from the session's rendered examples. PDFium reads them back.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from cjmap import __version__
from cjmap.choices import Paper
from cjmap.model import CurrentStateMap, DayInTheLifeMap
from cjmap.render.layout import GEOMETRY, POSTER_MAX_SIDE, POSTER_MIN_WIDTH, staged_poster
from cjmap.render.pdf import render_pdf

from .conftest import EXAMPLES, FIXTURES, ON, Rendered, load, squash

PT_PER_MM = 72 / 25.4


@dataclass
class Sheet:
    """One page as PDFium reads it (fast: pypdf takes about a second a page for the same)."""

    width: float
    height: float
    chars: list[tuple[str, float, float]]
    """(character, font size, baseline in pt from the page's foot), without spaces."""

    @property
    def text(self) -> str:
        return "".join(ch for ch, _, _ in self.chars)


def _read(pdf: bytes) -> list[Sheet]:
    document = pdfium.PdfDocument(pdf)
    sheets = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            chars = []
            for k in range(raw.FPDFText_CountChars(textpage)):
                ch = chr(raw.FPDFText_GetUnicode(textpage, k))
                if ch.isspace():
                    continue
                x, y = ctypes.c_double(), ctypes.c_double()
                raw.FPDFText_GetCharOrigin(textpage, k, x, y)
                size = raw.FPDFText_GetFontSize(textpage, k)
                chars.append((ch, round(size, 1), y.value))
            sheets.append(Sheet(page.get_width(), page.get_height(), chars))
            textpage.close()
            page.close()
    finally:
        document.close()
    return sheets


def _sizes(pdf: bytes) -> Counter[float]:
    """Characters at each font size over every page (in CSS px as WeasyPrint writes the text:
    8 pt is 10.7; text inside the curve's SVG is in its millimetre units)."""
    return Counter(size for sheet in _read(pdf) for _, size, _ in sheet.chars)


def test_a_12_stage_map_is_one_page_as_wide_as_its_stages(tmp_path: Path) -> None:
    loaded = load(FIXTURES / "wide.cjm.yaml")
    assert isinstance(loaded.doc, CurrentStateMap) and len(loaded.doc.stages) == 12
    pdf = render_pdf(loaded, paper="poster", on=ON)

    sheets = _read(pdf)
    assert len(sheets) == 1
    sheet = sheets[0]
    assert sheet.width == pytest.approx(staged_poster(12).width * PT_PER_MM, abs=0.5)
    assert sheet.width > POSTER_MIN_WIDTH * PT_PER_MM  # wider than the A3 sheet short maps get
    text = sheet.text
    for stage in loaded.doc.stages:
        assert squash(stage.name) in text
    assert "Stages1–6of12" not in text  # one band: not split as on A4
    assert "Actionplan" in text and "Task12" in text  # the plan on the same sheet
    # Trimmed to the content: far shorter than the page it was laid out on, and the footer
    # (title, source, version) sits just above the 10 mm bottom margin.
    assert sheet.height < POSTER_MAX_SIDE * PT_PER_MM / 4
    floor = min(baseline for _, _, baseline in sheet.chars)
    last_line = "".join(ch for ch, _, baseline in sheet.chars if baseline < floor + 1)
    assert last_line.endswith(f"cjmap{__version__}")
    assert squash(loaded.doc.title) in last_line
    assert 9 * PT_PER_MM < floor < 14 * PT_PER_MM

    if shutil.which("pdfinfo"):  # poppler, as a reader other than the one that wrote it
        path = tmp_path / "poster.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(
            ["pdfinfo", str(path)], capture_output=True, text=True, check=True, timeout=30
        ).stdout
        assert "Pages:           1" in info


def test_the_poster_uses_the_type_sizes_of_the_a4_pages(
    rendered_examples: dict[str, Rendered],
) -> None:
    example = rendered_examples["colleen/current.cjm.yaml"]
    poster = render_pdf(example.loaded, paper="poster", on=ON)

    a4_sizes, poster_sizes = _sizes(example.pdf), _sizes(poster)
    # The same sizes, nothing shrunk to fit; the grid's cells (most of the text) at 8 pt.
    assert set(poster_sizes) == set(a4_sizes)
    body = poster_sizes.most_common(1)[0][0]
    assert body == a4_sizes.most_common(1)[0][0] and body * 0.75 == pytest.approx(8, abs=0.05)
    assert len(_read(poster)) == 1 < len(_read(example.pdf))


@pytest.mark.parametrize(
    ("name", "min_width"),
    [
        ("colleen/day-in-the-life.cjm.yaml", POSTER_MIN_WIDTH),
        ("zh/empathy.cjm.yaml", GEOMETRY[Paper.a4].width),
    ],
)
def test_day_in_the_life_and_empathy_are_one_page_too(name: str, min_width: float) -> None:
    loaded = load(EXAMPLES / name)
    assert loaded.doc is not None and loaded.persona is not None
    sheets = _read(render_pdf(loaded, paper="poster", on=ON))

    assert len(sheets) == 1
    assert sheets[0].width == pytest.approx(min_width * PT_PER_MM, abs=0.5)
    text = sheets[0].text
    # The whole map and the persona card on the one sheet (the A4 PDF gives the card a page).
    assert squash(loaded.doc.title) in text
    assert squash(loaded.persona.goals[0]) in text
    if isinstance(loaded.doc, DayInTheLifeMap):
        assert squash(loaded.doc.moments[-1].activity) in text
