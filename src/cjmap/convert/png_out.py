"""A map as one PNG image for a slide: its poster PDF, rasterised.

The PDF comes from ``cjmap.render`` on the poster paper: one page sized to the map that holds
the header, the persona, the whole grid and the action plan (docs/rendering.md). It is
rasterised at ``--dpi`` by PDFium (pypdfium2: wheels with the library inside for Linux, macOS
and Windows, where poppler would be a system package to install by hand) and saved with Pillow
(already installed with WeasyPrint). A poster taller than the largest PDF page (5 m) has a
second page; its pages are stacked into the one image. An image over ``MAX_PIXELS`` is refused
before it is drawn, with the dpi that would fit.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from cjmap.choices import Paper
from cjmap.convert.exporters import ExportOptions
from cjmap.convert.problems import ConvertProblem

if TYPE_CHECKING:
    from cjmap.load.loader import LoadedMap

MAX_PIXELS = 120_000_000  # ~480 MB of RGBA while stacking; a 12-stage poster at 300 dpi fits
GAP = 0.02  # between stacked pages (only past the poster's largest page), a share of the width
PAPER = Paper.poster
"""The paper the image is drawn from."""


def rasterise(pdf: bytes, dpi: int, source: str) -> bytes:
    """Every page of ``pdf`` at ``dpi``, stacked into one PNG."""
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(pdf)
    try:
        scale = dpi / 72
        sizes = [document.get_page_size(i) for i in range(len(document))]
        width = round(max(w for w, _ in sizes) * scale)
        gap = round(width * GAP)
        height = sum(round(h * scale) for _, h in sizes) + gap * (len(sizes) - 1)
        if width * height > MAX_PIXELS:
            fits = int(dpi * (MAX_PIXELS / (width * height)) ** 0.5)
            raise ConvertProblem(
                source,
                f"the image would be {width:,} x {height:,} pixels at {dpi} dpi, over the "
                f"limit of {MAX_PIXELS // 1_000_000} megapixels",
                f"use --dpi {max(fits, 30)} or lower",
            )
        sheet = Image.new("RGB", (width, height), "white")
        top = 0
        for index in range(len(document)):
            page = document[index]
            try:
                image = page.render(scale=scale).to_pil().convert("RGB")
            finally:
                page.close()
            sheet.paste(image, ((width - image.width) // 2, top))
            top += image.height + gap
        out = io.BytesIO()
        sheet.save(out, format="PNG", dpi=(dpi, dpi), compress_level=6)
        return out.getvalue()
    finally:
        document.close()


def export(loaded: LoadedMap, options: ExportOptions) -> bytes:
    """The exporter of ``--format png`` (see ``exporters``)."""
    from cjmap.render.pdf import MissingGlyphs, TooLarge, render_pdf

    try:
        pdf = render_pdf(loaded, paper=PAPER, allow_missing_glyphs=options.allow_missing_glyphs)
    except (MissingGlyphs, TooLarge) as exc:
        raise ConvertProblem(loaded.file, str(exc)) from None
    return rasterise(pdf, options.dpi, loaded.file)
