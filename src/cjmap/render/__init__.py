"""Rendering: a loaded map to self-contained HTML or PDF, one map or a batch.

The library API the CLI and tests call::

    from cjmap.load.loader import load_map
    from cjmap.render import render_html, render_pdf

    loaded = load_map(Path("examples/colleen/current.cjm.yaml"))
    html = render_html(loaded)            # str
    pdf = render_pdf(loaded, paper="a4")  # bytes
    poster = render_pdf(loaded, paper="poster")  # one page sized to the map

WeasyPrint is imported only by :func:`render_pdf` (HTML output never needs it). The names
below are imported lazily: ``cjmap diff`` draws its curve with :mod:`cjmap.render.curve` and
:mod:`cjmap.render.palette`, and importing those must not import the batch, Jinja and the PDF
modules with them (~65 ms).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOME = {
    "TEMPLATES": "cjmap.render.html",
    "MissingGlyphs": "cjmap.render.pdf",
    "Paper": "cjmap.choices",
    "TemplateMismatch": "cjmap.render.html",
    "check_template": "cjmap.render.html",
    "render_html": "cjmap.render.html",
    "render_paths": "cjmap.render.batch",
    "render_pdf": "cjmap.render.pdf",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'cjmap.render' has no attribute {name!r}")
    return getattr(import_module(home), name)
