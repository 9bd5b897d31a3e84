"""One record for every problem cjmap reports: YAML syntax, schema, references and lint findings."""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a problem is. Errors fail a run; warnings fail it only with ``--strict``."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem at a place in a file. Line and column are 1-based, counted in characters."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    rule: str
    message: str
    hint: str | None = None
    end_line: int | None = field(default=None, compare=False)
    end_column: int | None = field(default=None, compare=False)

    @classmethod
    def error(
        cls,
        file: str,
        pos: tuple[int, int],
        code: tuple[str, str],
        message: str,
        hint: str | None = None,
    ) -> Diagnostic:
        """An error-severity diagnostic for one of the loader's codes (e.g. ``SYNTAX``)."""
        return cls(
            file=file,
            line=pos[0],
            column=pos[1],
            severity=Severity.error,
            code=code[0],
            rule=code[1],
            message=message,
            hint=hint,
        )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


# Codes of the problems the loader reports (lint rules use CJM1xx).
SYNTAX = ("CJM001", "yaml-syntax")
ENCODING = ("CJM002", "encoding")
DUPLICATE_KEY = ("CJM003", "duplicate-key")
UNSUPPORTED_YAML = ("CJM004", "unsupported-yaml")
VERSION = ("CJM005", "format-version")
FILE = ("CJM006", "file")
SCHEMA = ("CJM010", "schema")
UNKNOWN_KEY = ("CJM011", "unknown-key")
MISSING_KEY = ("CJM012", "missing-key")
REFERENCE = ("CJM020", "reference")
DUPLICATE_ID = ("CJM021", "duplicate-id")

LOADER_CODES: dict[str, tuple[str, str]] = {
    code: (name, summary)
    for code, name, summary in [
        (*SYNTAX, "The file is not valid YAML."),
        (*ENCODING, "The file is not UTF-8 text."),
        (*DUPLICATE_KEY, "A key appears twice in one mapping."),
        (*UNSUPPORTED_YAML, "Anchors, aliases, tags, several documents or too deep nesting."),
        (*VERSION, "`cjmap:` is missing or names a format version this cjmap cannot read."),
        (*FILE, "A referenced file is missing, unreadable, too large or outside the project."),
        (*SCHEMA, "A value has the wrong type or is out of range."),
        (*UNKNOWN_KEY, "A key the format does not define (often a typo)."),
        (*MISSING_KEY, "A required key is missing."),
        (*REFERENCE, "A reference (addresses, compares, persona) does not resolve."),
        (*DUPLICATE_ID, "An id is used twice in one map."),
    ]
}

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


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.error for d in diagnostics)
