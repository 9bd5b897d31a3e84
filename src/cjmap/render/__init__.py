"""Rendering: a loaded map to self-contained HTML or PDF, one map or a batch.

The library API the CLI and tests call::

    from cjmap.load.loader import load_map
    from cjmap.render import render_html, render_pdf

    loaded = load_map(Path("examples/colleen/current.cjm.yaml"))
    html = render_html(loaded)            # str
    pdf = render_pdf(loaded, paper="a4")  # bytes

WeasyPrint is imported only by :func:`render_pdf` (HTML output never needs it).
"""

from __future__ import annotations

from cjmap.choices import Paper
from cjmap.render.batch import render_paths
from cjmap.render.html import TEMPLATES, TemplateMismatch, check_template, render_html
from cjmap.render.pdf import MissingGlyphs, render_pdf

__all__ = [
    "TEMPLATES",
    "MissingGlyphs",
    "Paper",
    "TemplateMismatch",
    "check_template",
    "render_html",
    "render_paths",
    "render_pdf",
]
