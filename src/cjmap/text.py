"""Unicode facts shared by loading, linting and rendering: which characters are unsafe to show,
how to quote input in a message, how to name a character, and the closest known word.

One home for them: a map may hold bidi overrides, ANSI escapes or invisible characters, and
every message, file name and PDF error that shows map text goes through here.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

_MAX_ECHO = 60


# Invisible characters that are not format characters (Unicode's Default_Ignorable_Code_Point
# outside Cf): the combining grapheme joiner, Hangul fillers, Khmer vowels inherent, Mongolian
# and other variation selectors.
_IGNORABLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)


def _safe_char(ch: str) -> str:
    cat = unicodedata.category(ch)
    # Cc: controls (ANSI escapes, newlines); Cf: bidi overrides, zero-width; Zl/Zp: separators.
    if cat in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"} or ch in _IGNORABLE:
        return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"
    return ch


def printable(text: str) -> str:
    """``text`` with control, bidi, invisible and unpaired surrogate characters as ``\\uXXXX``.

    For text that is shown whole, such as file names (a file in a pull request may be named
    ``x\\n::error::y.cjm.yaml``); :func:`echo` also truncates.
    """
    return "".join(_safe_char(ch) for ch in text)


def unsafe_characters(text: str) -> list[str]:
    """The characters :func:`printable` would escape."""
    return [ch for ch in text if _safe_char(ch) != ch]


def echo(value: object, limit: int = _MAX_ECHO) -> str:
    """Quote a value taken from the input for a message: truncated, control characters escaped.

    A map must not be able to spoof CI log lines (``::error::``) or the terminal (ANSI escapes)
    through an error message, so everything echoed goes through here.
    """
    if isinstance(value, str):
        text = value
    else:
        try:
            text = repr(value)
        except ValueError:  # an int too long to print in decimal (Python's 4,300-digit cap)
            text = f"<a number of {value.bit_length() if isinstance(value, int) else '?'} bits>"
    if len(text) > limit:
        text = text[:limit] + "…"
    text = "".join(_safe_char(ch) for ch in text)
    return f"'{text}'" if isinstance(value, str) else text


def describe(ch: str, unnamed: str = "unnamed character") -> str:
    """``U+1F331 SEEDLING``: a character as a person can look it up."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, unnamed)}"


def closest(word: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known word ``word`` is most likely a typo of, if any is close enough."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """`` (did you mean 'feeling'?)`` for a message, or an empty string."""
    close = closest(word, known, cutoff)
    return f" (did you mean '{close}'?)" if close else ""


def cells(text: str) -> int:
    """Terminal cells ``text`` takes: East Asian wide and full-width characters (Chinese) take
    two, combining marks none, everything else one."""
    if text.isascii():  # no wide characters and no combining marks: one cell each
        return len(text)
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )
