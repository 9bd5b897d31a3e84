"""A map as one PNG image for a slide: its PDF, rasterised, pages stacked top to bottom.

The PDF comes from ``cjmap.render`` on the poster paper (one page that holds the whole grid)
when the renderer offers it, else on A3; each page is rasterised at ``--dpi`` by PDFium
(pypdfium2: wheels with the library inside for Linux, macOS and Windows, where poppler would
be a system package to install by hand) and the pages are stacked into one image with Pillow
(already installed with WeasyPrint). An image over ``MAX_PIXELS`` is refused before it is
drawn, with the dpi that would fit.
"""

from __future__ import annotations

import io
from array import array
from typing import TYPE_CHECKING

from cjmap.choices import Paper
from cjmap.convert.exporters import ExportOptions
from cjmap.convert.problems import ConvertProblem

if TYPE_CHECKING:
    from PIL import Image

    from cjmap.load.loader import LoadedMap

MAX_PIXELS = 120_000_000  # ~480 MB of RGBA while stacking; a 12-stage poster at 300 dpi fits
GAP = 0.02  # between stacked pages, as a share of the page width


def paper() -> str:
    """The paper the image is drawn from: the poster when the renderer has it."""
    names = {p.value for p in Paper}
    return "poster" if "poster" in names else Paper.a3.value


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
            image = _collapse_blank_rows(image, gap)
            sheet.paste(image, ((width - image.width) // 2, top))
            top += image.height + gap
        sheet = sheet.crop((0, 0, width, max(top - gap, 1)))
        out = io.BytesIO()
        sheet.save(out, format="PNG", dpi=(dpi, dpi), compress_level=6)
        return out.getvalue()
    finally:
        document.close()


def _collapse_blank_rows(image: Image.Image, longest: int) -> Image.Image:
    """``image`` with every run of blank rows longer than ``longest`` cut to ``longest``: a page
    of A3 whose grid ends halfway down becomes a picture without the empty half."""
    from PIL import Image

    ink = image.convert("L").point(lambda v: 255 if v < 250 else 0).convert("F")
    rows = array("f", ink.resize((1, image.height), Image.Resampling.BOX).tobytes())
    keep: list[tuple[int, int]] = []  # (first row, last row + 1) of the bands to keep
    blank_from: int | None = None
    start = 0
    for y, value in enumerate([*rows, 1.0]):
        if value == 0 and y < image.height:
            blank_from = y if blank_from is None else blank_from
            continue
        if blank_from is not None and y - blank_from > longest:
            keep.append((start, blank_from + longest))
            start = y
        blank_from = None
    keep.append((start, image.height))
    if len(keep) == 1:
        return image
    out = Image.new("RGB", (image.width, sum(b - a for a, b in keep)), "white")
    top = 0
    for a, b in keep:
        out.paste(image.crop((0, a, image.width, b)), (0, top))
        top += b - a
    return out


def export(loaded: LoadedMap, options: ExportOptions) -> bytes:
    """The exporter of ``--format png`` (see ``exporters``)."""
    from cjmap.render.pdf import MissingGlyphs, TooLarge, render_pdf

    try:
        pdf = render_pdf(loaded, paper=paper(), allow_missing_glyphs=options.allow_missing_glyphs)
    except (MissingGlyphs, TooLarge) as exc:
        raise ConvertProblem(loaded.file, str(exc)) from None
    return rasterise(pdf, options.dpi, loaded.file)
