"""Invisible control characters in text: bidi overrides (Trojan Source), zero-width spaces.

## What it flags

Text (in a map or in its persona file) that holds a character a reader cannot see:

- bidirectional embedding, override and isolate controls (U+202A..U+202E, U+2066..U+2069),
  which reorder how the text around them is displayed (the "Trojan Source" attack);
- invisible characters: zero-width space (U+200B), word joiner (U+2060), a byte-order mark
  inside text (U+FEFF), invisible operators (U+2061..U+2064), Hangul fillers, Unicode tag
  characters (U+E0000..U+E007F);
- control characters other than tab and newline (an ANSI escape written as `"\\e[31m"`).

Zero-width joiners and non-joiners (U+200C, U+200D) are not flagged: emoji and several
scripts need them.

## Why it matters

Maps arrive in pull requests from outsiders and are rendered into PDFs that people act on.
A bidi override makes a reviewer read one thing in the diff while the rendered map says
another ("refund 100" displayed as "001 dnufer"); a zero-width space makes two ids or names
that look the same differ; tag characters can smuggle hidden instructions into text that
tools read. None of them has a place in a journey map.

## Example

```yaml
cjmap: 1
kind: empathy
title: "Colleen \u202eevael\u202c choosing a vacuum"   # CJM124: U+202E
empathy:
  says: ["I don't have time for this"]
```

## Fix

Delete the character. Editors often do not show it: retype the text, or search for the code
point the message names. In VS Code, "editor.unicodeHighlight.invisibleCharacters" shows them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.lint.rule import Context
from cjmap.lint.walk import strings
from cjmap.load.yamlsource import Pos
from cjmap.text import describe, echo

CODE = "CJM124"
NAME = "hidden-characters"
SEVERITY = Severity.error
SUMMARY = "Invisible bidi controls (Trojan Source), zero-width or control characters in text."
TARGET = "any"  # persona files checked on their own too

BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
INVISIBLE = frozenset(
    chr(c)
    for c in (
        0x200B,
        0x2060,
        0xFEFF,
        0x180E,
        0x2061,
        0x2062,
        0x2063,
        0x2064,
        0x115F,
        0x1160,
        0x3164,
        0xFFA0,
        *range(0xE0000, 0xE0080),
    )
)


def _ranges(chars: frozenset[str]) -> str:
    """A regex class body for ``chars``, as ranges (a long list of single characters above
    U+FFFF makes every search slow)."""
    spans: list[list[int]] = []
    for code in sorted(map(ord, chars)):
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in spans)


# Every character hidden() reports: BIDI, INVISIBLE, and the Cc controls but tab, LF and CR.
_ANY_HIDDEN = re.compile(f"[{_ranges(BIDI | INVISIBLE)}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _why(ch: str) -> str:
    if ch in BIDI:
        return "a bidi control that changes how the text around it is displayed (Trojan Source)"
    if unicodedata.category(ch) == "Cc":
        return "a control character"
    return "an invisible character"


def hidden(text: str) -> list[str]:
    if _ANY_HIDDEN.search(text) is None:  # almost every text: one regex scan, not per character
        return []
    return [
        ch
        for ch in text
        if ch in BIDI
        or ch in INVISIBLE
        or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r")
    ]


def check(ctx: Context) -> Iterator[Diagnostic]:
    sources = [(ctx.loaded.source, False)]
    if ctx.loaded.persona_source is not None:
        sources.append((ctx.loaded.persona_source, True))
    for source, is_persona in sources:
        if (
            source.text is not None
            and "\\" not in source.text
            and not _ANY_HIDDEN.search(source.text)
        ):
            # Every character of a value is in the file as written, unless a double-quoted
            # escape (a backslash) made it: a file without both has none to report.
            continue
        for path, text in strings(source.data):
            found = hidden(text)
            if not found:
                continue
            first = found[0]
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            message = f"text {echo(text, 40)} contains {describe(first, 'CONTROL CHARACTER')}, {_why(first)}{more}"
            hint = "delete it (retype the text if your editor does not show it)"
            finding = (
                ctx.persona_at(path, message, hint) if is_persona else ctx.at(path, message, hint)
            )
            exact = _exact(source.text, source.positions.value(path), first, len(text))
            if exact is not None:
                finding = _moved(finding, exact)
            yield finding


def _exact(text: str | None, start: Pos, ch: str, length: int) -> Pos | None:
    """Where ``ch`` is written literally in the value that starts at ``start`` (not escaped)."""
    if text is None:
        return None
    lines = text.split("\n")
    if not 1 <= start[0] <= len(lines):
        return None
    offset = sum(len(line) + 1 for line in lines[: start[0] - 1]) + start[1] - 1
    index = text.find(ch, offset, offset + 4 * length + 200)
    if index < 0:
        return None
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _moved(d: Diagnostic, pos: Pos) -> Diagnostic:
    return Diagnostic(d.file, pos[0], pos[1], d.severity, d.code, d.rule, d.message, d.hint)
