"""Inline suppression comments in maps and persona files.

Two forms, written as YAML comments::

    - id: research   # cjmap: disable=CJM101        <- findings of CJM101 on this line
    # cjmap: disable=CJM109,stage-without-actions    <- on a line of its own: the next line
    # cjmap: disable-file=CJM105                     <- anywhere: the whole file

Rules are named by code or name, separated by commas; ``all`` names every rule; a remark may
follow after `` --`` (``# cjmap: disable=CJM101 -- no brand touchpoint here``). A comment only
counts where YAML sees a comment: ``#`` inside a quoted string or a block scalar is text.
Comments are found in the source text; the C parser's scalar extents tell a comment from a
``#`` inside a string. Only a text that holds ``cjmap:`` after a ``#`` is looked at (most maps
have no suppressions and pay nothing).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_QUICK = re.compile(r"#\s*cjmap\s*:")
_DIRECTIVE = re.compile(r"^#\s*cjmap\s*:\s*(?P<body>.*)$")
_FORM = re.compile(
    r"^(?P<kind>disable-file|disable)\s*=\s*"
    r"(?P<names>[A-Za-z0-9-]+(?:\s*,\s*[A-Za-z0-9-]+)*)"
    r"(?:\s+--(?P<remark>.*))?$"
)


@dataclass
class Directive:
    """One ``# cjmap: ...`` comment."""

    line: int  # 1-based line of the comment
    column: int  # 1-based column of its '#'
    applies_to: int | None  # the line it covers (None: the whole file)
    names: list[str]  # as written
    problem: str | None = None  # why the comment cannot be understood
    used: set[str] = field(default_factory=set)  # codes it suppressed


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)

    def find(self, line: int, code: str, name: str) -> Directive | None:
        """The directive that suppresses a finding of rule ``code``/``name`` at ``line``."""
        for d in self.directives:
            if d.problem is None and (d.applies_to is None or d.applies_to == line):
                for written in d.names:
                    if (
                        written.lower() == "all"
                        or written.upper() == code
                        or written.lower() == name
                    ):
                        d.used.add(code)
                        return d
        return None


def parse(text: str | None) -> Suppressions:
    """Every ``# cjmap:`` comment of a YAML text."""
    if text is None or not _QUICK.search(text):
        return Suppressions()
    lines = text.splitlines()
    result = Suppressions()
    for line, column, comment in _comments(text, lines):
        match = _DIRECTIVE.match(comment.strip())
        if match is None:
            continue
        own_line = not lines[line - 1][: column - 1].strip()
        result.directives.append(_directive(match.group("body"), line, column, own_line, lines))
    return result


def _directive(body: str, line: int, column: int, own_line: bool, lines: list[str]) -> Directive:
    form = _FORM.match(body.strip())
    if form is None:
        if re.match(r"^disable(-file)?\s*=", body.strip()):
            problem = "expected rule codes or names separated by commas; start a remark with --"
        else:
            problem = f"unknown cjmap comment '{body.strip()[:40]}'"
        return Directive(line, column, line, [], problem=problem)
    names = [n.strip() for n in form.group("names").split(",")]
    if form.group("kind") == "disable-file":
        return Directive(line, column, None, names)
    return Directive(line, column, _next_content_line(lines, line) if own_line else line, names)


def _next_content_line(lines: list[str], line: int) -> int:
    """The first line after ``line`` that is neither blank nor only a comment."""
    for number in range(line + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return line


def _comments(text: str, lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """``(line, column, text)`` of each ``# cjmap:`` comment, both 1-based.

    Candidates are found per line (a ``#`` at the start of a line or after a space); one that
    lies inside a scalar (a quoted string over one or more lines, a block scalar) is text, not
    a comment. Scalar extents come from the C parser's events, so this stays linear and fast
    even on a map of several megabytes.
    """
    candidates = []
    for number, source in enumerate(lines, 1):
        for match in re.finditer(r"(?:^|(?<=\s))#\s*cjmap\s*:", source):
            candidates.append((number, match.start() + 1, source[match.start() :]))
    if not candidates:
        return
    starts, ends = _scalar_spans(text)
    for line, column, comment in candidates:
        at = bisect.bisect_right(starts, (line, column)) - 1
        if at >= 0 and (line, column) < ends[at]:
            continue  # inside a string
        yield line, column, comment


def _scalar_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Start and end (exclusive) of every scalar, as 1-based (line, column), in order."""
    from ruamel.yaml import YAML

    starts: list[tuple[int, int]] = []
    ends: list[tuple[int, int]] = []
    try:
        for event in YAML(typ="safe", pure=False).parse(text):
            if type(event).__name__ == "ScalarEvent":
                start, end = event.start_mark, event.end_mark
                starts.append((start.line + 1, start.column + 1))
                ends.append((end.line + 1, end.column + 1))
    except Exception as exc:  # only maps that parsed are linted; a safety net
        if not type(exc).__module__.startswith(("ruamel", "_ruamel")):
            raise
    return starts, ends
