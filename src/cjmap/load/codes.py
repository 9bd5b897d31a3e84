"""Every code the loader reports (CJM0xx): its name and a one-line summary for the docs.

Lint rules use CJM1xx and are declared with each rule (:mod:`cjmap.lint.rules`).
"""

from __future__ import annotations

SYNTAX = ("CJM001", "yaml-syntax")
ENCODING = ("CJM002", "encoding")
DUPLICATE_KEY = ("CJM003", "duplicate-key")
UNSUPPORTED_YAML = ("CJM004", "unsupported-yaml")
VERSION = ("CJM005", "format-version")
FILE = ("CJM006", "file")
CONFIG = ("CJM009", "config")
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
        (
            *CONFIG,
            "The configuration file is invalid (reported on the configuration file; the run "
            "stops with exit code 2).",
        ),
        (*SCHEMA, "A value has the wrong type or is out of range."),
        (*UNKNOWN_KEY, "A key the format does not define (often a typo)."),
        (*MISSING_KEY, "A required key is missing."),
        (*REFERENCE, "A reference (addresses, compares, persona) does not resolve."),
        (*DUPLICATE_ID, "An id is used twice in one map."),
    ]
}
