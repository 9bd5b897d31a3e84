"""Map to self-contained HTML: the Jinja environment and the template of each kind.

Autoescaping is on for every template, whatever its name: everything a map supplies reaches the
page as text, never as markup. The stylesheet and the icons are inlined, so the page makes no
request of any kind; a Content-Security-Policy forbids any that might slip through.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup

from cjmap import __version__
from cjmap.choices import STAGED_KINDS, Kind, Paper
from cjmap.load.loader import LoadedMap
from cjmap.render import i18n
from cjmap.render.palette import COLOURS, css_variables
from cjmap.render.views import Page, build_page

TEMPLATES = tuple(kind.value for kind in Kind)
"""One template per kind of map."""
STAGED = tuple(kind.value for kind in STAGED_KINDS)


class TemplateMismatch(ValueError):
    """The template cannot show this kind of map."""


def templates_root() -> Traversable:
    """The bundled templates folder (``templates/`` of the source tree, inside the package)."""
    return files("cjmap.render") / "templates"


class _PackageLoader(jinja2.BaseLoader):
    """Loads templates from the package through importlib.resources (works from a wheel or zip)."""

    def __init__(self, root: Traversable) -> None:
        self.root = root

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        node = self.root
        for part in template.split("/"):
            if part in ("", ".", "..") or "\\" in part:
                raise jinja2.TemplateNotFound(template)
            node = node / part
        if not node.is_file():
            raise jinja2.TemplateNotFound(template)
        return node.read_text(encoding="utf-8"), None, lambda: True


_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "undefined": jinja2.StrictUndefined,
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """A cache that is only ever an optimisation: a full disk, a read-only home or a file
    that vanished mid-read costs a compile, never the render."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@lru_cache(maxsize=1)
def bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs in the user's cache folder (compiling the map and
    site templates costs 0.3-0.5 s of every run), in a folder per cjmap version and Jinja
    options; Jinja itself recompiles a template whose source changed (it keys each entry by
    a checksum of the source). None when there is no private cache folder to use."""
    from cjmap.userdirs import cache_dir, private_folder

    base = cache_dir()
    if base is None:
        return None
    tag = hashlib.sha256(f"{__version__} {jinja2.__version__} {_OPTIONS!r}".encode()).hexdigest()
    folder = private_folder(base / "templates" / tag[:16])
    return _QuietCache(str(folder)) if folder is not None else None


@lru_cache(maxsize=8)
def environment(lang: str) -> jinja2.Environment:
    """A Jinja environment whose ``_()``/``ngettext()`` speak the labels of ``lang``."""
    env = jinja2.Environment(
        loader=_PackageLoader(templates_root()),
        bytecode_cache=bytecode_cache(),
        **_OPTIONS,
    )
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["mm"] = _mm
    return env


def _mm(value: float) -> str:
    """A length for SVG and CSS: at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def check_template(loaded: LoadedMap, template: str | None) -> str:
    """The template to use for ``loaded``; raises :class:`TemplateMismatch` if it cannot fit."""
    assert loaded.doc is not None
    kind = loaded.doc.kind
    chosen = template or kind
    if chosen not in TEMPLATES:
        raise TemplateMismatch(f"unknown template {chosen!r}; choose one of {', '.join(TEMPLATES)}")
    if chosen != kind and not (chosen in STAGED and kind in STAGED):
        raise TemplateMismatch(
            f"the {chosen} template cannot show a {kind} map; "
            f"use --template {kind} (or leave --template out)"
        )
    return chosen


def css_string(text: str) -> str:
    """A CSS string literal of ``text`` with every character outside [A-Za-z0-9 ] escaped.

    Only for cjmap's own catalog strings; nothing a map supplies is ever written into CSS.
    """
    out = []
    for ch in text:
        out.append(ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):x} ")
    return '"' + "".join(out) + '"'


def page_counter_css(lang: str) -> Markup:
    """CSS ``content`` tokens for "Page N of M" in the labels' language."""
    text = i18n.translations(lang).gettext("Page %(page)s of %(pages)s")
    tokens: list[str] = []
    rest = text
    while rest:
        at = [(rest.find(k), k) for k in ("%(page)s", "%(pages)s") if k in rest]
        if not at:
            tokens.append(css_string(rest))
            break
        index, key = min(at)
        if index:
            tokens.append(css_string(rest[:index]))
        tokens.append("counter(page)" if key == "%(page)s" else "counter(pages)")
        rest = rest[index + len(key) :]
    return Markup(" ".join(tokens))


def render_page(page: Page, *, for_print: bool = False) -> str:
    """HTML of a computed page (see :mod:`cjmap.render.views`)."""
    env = environment(page.label_lang)
    tpl = env.get_template(f"{page.template}.html.j2")
    return tpl.render(
        page=page,
        h=page.header,
        C=COLOURS,
        css_vars=css_variables(),
        footer_pages=page_counter_css(page.label_lang),
        for_print=for_print,
    )


def render_html(
    loaded: LoadedMap,
    *,
    template: str | None = None,
    paper: Paper | str = Paper.a4,
    on: dt.date | None = None,
    for_print: bool = False,
) -> str:
    """A loaded, valid map as one self-contained HTML page."""
    if not loaded.ok:
        raise ValueError(f"{loaded.file}: the map has errors and cannot be rendered")
    chosen = check_template(loaded, template)
    page = build_page(loaded, template=chosen, paper=paper, on=on)
    return render_page(page, for_print=for_print)
