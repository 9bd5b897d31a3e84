"""The PNG export: the map's poster through the real renderer and PDFium, refused when too large."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from cjmap.convert.exporters import ExportOptions
from cjmap.convert.png_out import MAX_PIXELS, export, rasterise
from cjmap.convert.problems import ConvertProblem
from cjmap.load.loader import load_map
from cjmap.model import CurrentStateMap
from cjmap.render.layout import staged_poster


def test_the_map_becomes_one_image_of_its_poster(
    project: Path, write_map: Callable[[Path, str], Path]
) -> None:
    loaded = load_map(write_map(project, "ru"))
    assert isinstance(loaded.doc, CurrentStateMap)

    data = export(loaded, ExportOptions(dpi=40))

    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.info["dpi"] == pytest.approx((40, 40), abs=0.01)
    # The poster's one page: as wide as the map's stages need, as tall as its content (the
    # header, the persona, the grid and the plan), not a stack of A3 pages.
    poster = staged_poster(len(loaded.doc.stages))
    assert image.width == round(poster.width / 25.4 * 40)
    assert image.width * 0.5 < image.height < image.width * 2.5
    # Not blank: the title band is dark, and most of the picture is the page's white.
    colours = image.convert("L").getcolors(256)
    assert colours is not None
    dark = sum(n for value, n in colours if value < 80)
    assert 0.01 < dark / (image.width * image.height) < 0.5
    # The bottom rows hold the footer, not an empty band left below the content.
    bottom = image.convert("L").crop((0, image.height * 19 // 20, image.width, image.height))
    assert bottom.getextrema()[0] < 200


def test_an_image_over_the_pixel_limit_is_refused_with_a_dpi_that_fits() -> None:
    document = pdfium.PdfDocument.new()
    document.new_page(4000, 3000)  # points: 1.4 x 1.06 m
    pdf = io.BytesIO()
    document.save(pdf)

    with pytest.raises(ConvertProblem) as caught:
        rasterise(pdf.getvalue(), 600, "ru.cjm.yaml")
    assert "megapixels" in caught.value.message
    hint = caught.value.hint or ""
    dpi = int(hint.split("--dpi ")[1].split()[0])
    assert (4000 * dpi / 72) * (3000 * dpi / 72) <= MAX_PIXELS
