"""The PNG export: the real renderer and PDFium, one image, refused when too large."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from cjmap.convert.png_out import paper, rasterise
from cjmap.convert.problems import ConvertProblem
from cjmap.load.loader import load_map
from cjmap.render.pdf import render_pdf

PAPER_WIDTH_MM = {"a3": 420.0}


def test_the_map_becomes_one_image(project: Path, write_map: Callable[[Path, str], Path]) -> None:
    loaded = load_map(write_map(project, "ru"))
    pdf = render_pdf(loaded, paper=paper())

    data = rasterise(pdf, 40, "ru.cjm.yaml")

    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.info["dpi"] == pytest.approx((40, 40), abs=0.01)
    if paper() in PAPER_WIDTH_MM:
        assert image.width == round(PAPER_WIDTH_MM[paper()] / 25.4 * 40)
    # The pages' empty bands are cut: far less than their stacked height, more than one band.
    assert image.width * 0.3 < image.height < image.width * 2.5
    # Not blank: the title band is dark, and most of the picture is the page's white.
    colours = image.convert("L").getcolors(256)
    assert colours is not None
    dark = sum(n for value, n in colours if value < 80)
    assert 0.01 < dark / (image.width * image.height) < 0.5

    with pytest.raises(ConvertProblem) as caught:
        rasterise(pdf, 600, "ru.cjm.yaml")
    assert "megapixels" in caught.value.message and "--dpi" in (caught.value.hint or "")
