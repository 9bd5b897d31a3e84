"""Break opportunities in runs of text so long that laying them out would take minutes.

WeasyPrint wraps a word wider than its column (``overflow-wrap: break-word``) by laying out the
rest of the paragraph again for every line, so one unbroken word costs time quadratic in its
length: 10,000 letters in a stage name took 23 s of CPU, 20,000 over a minute. Ordinary text
(words, URLs, Chinese sentences, which Pango may break between any two ideographs) never comes
near that. Runs longer than :data:`LONG_RUN` characters without a space get a zero-width space
after every :data:`CHUNK` characters: the reader sees the same letters, wrapped at a chunk
boundary, and the 20,000-letter word lays out in the time of ordinary text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

LONG_RUN = 200
"""Runs up to this length (long URLs, German compounds) keep their precise wrapping."""
CHUNK = 16
ZWSP = "\u200b"

# Wide scripts (CJK, kana, hangul, full-width forms) already break between characters.
_RUN = re.compile(
    r"[^\s\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f"
    r"\uff00-\uffef\U00020000-\U0003ffff]" + f"{{{LONG_RUN + 1},}}"
)
_CHUNKS = re.compile(f".{{{CHUNK}}}(?=.)", re.DOTALL)

T = TypeVar("T")


def soften(text: str) -> str:
    """``text`` with a break opportunity every :data:`CHUNK` characters of each overlong run."""
    if len(text) <= LONG_RUN:
        return text
    out = _RUN.sub(lambda m: _CHUNKS.sub(lambda c: c.group() + ZWSP, m.group()), text)
    return text if out == text else out


def soften_all(value: T) -> T:
    """``value`` (a model, list, dict or string) with every string softened.

    Returns the very same object when nothing needs a break (the usual case), else a copy:
    the loaded map itself is never changed.
    """
    return map_strings(value, soften)


def map_strings(value: T, change: Callable[[str], str]) -> T:
    """``value`` with ``change`` applied to every string in it (keys included).

    The very same object comes back when ``change`` returns every string as it was; otherwise
    a copy of just the parts that changed (models through ``model_copy``).
    """
    return _walk(value, change)  # type: ignore[no-any-return]


def _walk(value: Any, change: Callable[[str], str]) -> Any:
    if type(value) is str:
        return change(value)
    if isinstance(value, BaseModel):
        changed = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _walk(old, change)
            if new is not old:
                changed[name] = new
        return value.model_copy(update=changed) if changed else value
    if isinstance(value, list):
        items = [_walk(v, change) for v in value]
        return items if any(n is not o for n, o in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        pairs = {_walk(k, change): _walk(v, change) for k, v in value.items()}
        same = len(pairs) == len(value) and all(k in value and pairs[k] is value[k] for k in pairs)
        return value if same else pairs
    return value
