"""HTML to PDF with WeasyPrint: locked fetcher, metadata, outline, fonts checked for tofu.

WeasyPrint is imported here only, when a PDF is asked for. Fonts come from fontconfig: the
stylesheet names a Latin font first ("Noto Sans", "DejaVu Sans") and CJK fonts as fallback. When
no installed font has a glyph for some character, WeasyPrint draws a ``.notdef`` box and logs a
warning; :func:`html_to_pdf` turns those warnings into :class:`MissingGlyphs` instead of writing
a PDF full of boxes (``pdftotext`` would still extract the text, so a text check cannot see it).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cjmap.choices import Paper
from cjmap.fonts import install_hint
from cjmap.load.loader import LoadedMap
from cjmap.render.budget import TooLarge, check_size, cut_long_texts
from cjmap.render.html import render_html
from cjmap.render.layout import POSTER_MARGIN
from cjmap.render.limits import Limits
from cjmap.text import describe

__all__ = ["MissingGlyphs", "RenderLog", "TooLarge", "fit_to_content", "html_to_pdf", "render_pdf"]


class MissingGlyphs(Exception):
    """No installed font can draw some characters of the map."""

    def __init__(self, characters: list[str]) -> None:
        self.characters = characters
        shown = ", ".join(describe(ch) for ch in characters[:6])
        more = f" and {len(characters) - 6} more" if len(characters) > 6 else ""
        noun = "character" if len(characters) == 1 else "characters"
        super().__init__(
            f"no installed font has glyphs for {len(characters)} {noun} in the map "
            f"({shown}{more}); the PDF would show empty boxes. Fix: {install_hint(characters)}, "
            "or pass --allow-missing-glyphs"
        )


@dataclass
class RenderLog:
    """What WeasyPrint reported while rendering one document."""

    missing: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Collector(logging.Handler):
    def __init__(self, log: RenderLog) -> None:
        super().__init__(logging.WARNING)
        self.log = log

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith(".notdef glyph") and record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            ch = str(args[0])
            if ch not in self.log.missing:
                self.log.missing.append(ch)
            return
        self.log.warnings.append(record.getMessage())


@contextmanager
def _collect(log: RenderLog) -> Iterator[None]:
    logger = logging.getLogger("weasyprint")
    handler = _Collector(log)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


SHEET_END = "sheet-end"
"""The id of the empty mark that ends a poster's sheet (``_base.html.j2``)."""
_PX_PER_MM = 96 / 25.4


def fit_to_content(document: Any, margin_mm: float) -> None:
    """Trim the last page of a laid-out poster to the end of its sheet, plus ``margin_mm``.

    WeasyPrint needs the page size before layout, so the poster is laid out on the tallest page
    allowed and cut afterwards: the PDF's page boxes and coordinates all follow ``Page.height``.
    """
    page = document.pages[-1]
    end = page.anchors.get(SHEET_END)
    if end is not None:
        page.height = min(page.height, end[1] + margin_mm * _PX_PER_MM)


def html_to_pdf(
    html: str,
    *,
    allow_missing_glyphs: bool = False,
    log: RenderLog | None = None,
    poster: bool = False,
) -> bytes:
    """A PDF of ``html`` (from :func:`render_html`), fetching nothing; ``poster``: the last
    page trimmed to the content (see :func:`fit_to_content`)."""
    from cjmap.render import weasy
    from cjmap.render.fetcher import BASE_URL, LockedFetcher

    weasyprint = weasy.load()

    log = log if log is not None else RenderLog()
    fetcher = LockedFetcher()
    with _collect(log):
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
        if poster:
            fit_to_content(document, POSTER_MARGIN)
        # Tagged: screen readers get the structure (headings, tables, lists) and reading order,
        # for ~3% more CPU and ~40% more bytes (Colleen's map: 89 KB -> 128 KB).
        pdf: bytes = document.write_pdf(attachments=[], pdf_tags=True)
    log.refused.extend(fetcher.refused)
    if log.missing and not allow_missing_glyphs:
        raise MissingGlyphs(sorted(log.missing))
    return pdf


def render_pdf(
    loaded: LoadedMap,
    *,
    template: str | None = None,
    paper: Paper | str = Paper.a4,
    on: dt.date | None = None,
    allow_missing_glyphs: bool = False,
    log: RenderLog | None = None,
    limits: Limits | None = None,
) -> bytes:
    """A loaded, valid map as PDF bytes.

    Raises :class:`TooLarge` at once for a map whose layout could not fit in the memory limit;
    values too long to print are cut with a note (see :mod:`cjmap.render.budget`).
    """
    if loaded.doc is None:
        raise ValueError(f"{loaded.file}: the map has errors and cannot be rendered")
    check_size(loaded, (limits or Limits.from_env()).memory_mb)
    loaded = cut_long_texts(loaded, loaded.doc.lang)
    html = render_html(loaded, template=template, paper=paper, on=on, for_print=True)
    return html_to_pdf(
        html,
        allow_missing_glyphs=allow_missing_glyphs,
        log=log,
        poster=Paper(paper) is Paper.poster,
    )
