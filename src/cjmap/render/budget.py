"""What a PDF may cost, decided before WeasyPrint starts: a render that cannot fit is refused
at once, and a value too long to print is cut there with a note.

WeasyPrint lays out every text box of the page, with memory and time in proportion to their
number: a 126-stage map (3,837 text boxes) took 36 s of CPU and 505 MB (~130 KB a box). The
render sandbox stops a map at its limits (:class:`cjmap.render.batch.Limits`), but only after it
spent them: a 5,000-stage map ran a minute into the 2 GB limit before it was refused. So the
layout's size is estimated first from the map itself (one box per text value, counted in
milliseconds) at :data:`BYTES_PER_BOX`, half the measured cost, so only maps that could not fit
are refused, and with the numbers that were too large.

A single value of millions of characters is cheap in HTML but costs minutes of layout in a PDF
(a 2,000,000-character scenario burned the whole 120 s limit). In the PDF each value is cut at
:data:`MAX_PRINT_CHARS` characters with a visible note, in the map's language, that the HTML
render shows it all. No map a person writes comes near it.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

from cjmap.load.loader import LoadedMap
from cjmap.render.i18n import format_number, translations
from cjmap.render.wrapping import map_strings

MAX_PRINT_CHARS = 5_000
"""About two printed pages of a text column; longer values are cut in the PDF."""
BYTES_PER_BOX = 64 * 1024
"""A floor of the memory WeasyPrint needs per text box (measured: ~130 KB)."""

T = TypeVar("T")


class TooLarge(Exception):
    """The map's PDF could not be laid out within the memory limit."""


def layout_boxes(loaded: LoadedMap) -> int:
    """How many text boxes the page of ``loaded`` lays out: one per text value."""
    count = 0

    def tally(text: str) -> str:
        nonlocal count
        count += 1
        return text

    for part in (loaded.doc, loaded.persona):
        map_strings(part, tally)
    return count


def check_size(loaded: LoadedMap, memory_mb: int) -> None:
    """Raise :class:`TooLarge` when the layout cannot fit in ``memory_mb`` MB."""
    boxes = layout_boxes(loaded)
    needed_mb = boxes * BYTES_PER_BOX // (1024 * 1024)
    if needed_mb <= memory_mb:
        return
    stages = len(getattr(loaded.doc, "stages", None) or [])
    what = f"{boxes:,} text boxes" + (f" in {stages:,} stages" if stages else "")
    raise TooLarge(
        f"the map is too large to render to PDF: its {what} would need at least "
        f"{needed_mb:,} MB of memory, over the limit of {memory_mb:,} MB (split it; "
        "CJMAP_RENDER_MEMORY_MB raises the limit; HTML has no such limit)"
    )


def cut_long_texts(loaded: LoadedMap, lang: str) -> LoadedMap:
    """``loaded`` with every value over :data:`MAX_PRINT_CHARS` cut, and a note saying so.

    The very same object comes back when nothing is that long (the usual case).
    """
    _ = translations(lang).gettext

    def cut(text: str) -> str:
        if len(text) <= MAX_PRINT_CHARS:
            return text
        kept = text[:MAX_PRINT_CHARS]
        # End at a space when there is one near the end, not inside a word.
        space = kept.rfind(" ", MAX_PRINT_CHARS - 200)
        if space > 0:
            kept = kept[:space]
        note = _("(cut at %(shown)s of %(total)s characters: the HTML render shows it all)") % {
            "shown": format_number(len(kept), lang),
            "total": format_number(len(text), lang),
        }
        return f"{kept}… {note}"

    def each(part: T) -> T:
        return map_strings(part, cut)

    doc, persona = each(loaded.doc), each(loaded.persona)
    compares = cut_long_texts(loaded.compares, lang) if loaded.compares else None
    if doc is loaded.doc and persona is loaded.persona and compares is loaded.compares:
        return loaded
    return dataclasses.replace(loaded, doc=doc, persona=persona, compares=compares)
