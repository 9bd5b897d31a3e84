"""Inline suppression comments in maps and persona files.

Two forms, written as YAML comments::

    - id: research   # cjmap: disable=CJM101        <- findings of CJM101 on this line
    # cjmap: disable=CJM109,stage-without-actions    <- on a line of its own: the next line
    # cjmap: disable-file=CJM105                     <- anywhere: the whole file

Rules are named by code or name, separated by commas; ``all`` names every rule; a remark may
follow after `` --`` (``# cjmap: disable=CJM101 -- no brand touchpoint here``). A comment only
counts where YAML sees a comment: ``#`` inside a quoted string or a block scalar is text.
Comments are read from the source text with ruamel.yaml's scanner, and only when the text holds
``cjmap:`` after a ``#`` (most maps have no suppressions and pay nothing).
"""

from __future__ import annotations

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

    Candidates are found per line; each is kept only if ruamel.yaml's scanner saw the same
    comment text near that line (so ``#`` inside a quoted string or a block scalar is text).
    """
    candidates = []
    for number, source in enumerate(lines, 1):
        for match in re.finditer(r"(?:^|(?<=\s))#\s*cjmap\s*:", source):
            candidates.append((number, match.start() + 1, source[match.start() :]))
    if not candidates:
        return
    try:
        real = _scanned_comments(text)
    except Exception as exc:  # the C parser accepted the text; this is a safety net only
        if not type(exc).__module__.startswith("ruamel"):
            raise
        real = None
    for line, column, comment in candidates:
        if real is None or any(lo <= line <= hi for lo, hi in real.get(comment.strip(), ())):
            yield line, column, comment


def _scanned_comments(text: str) -> dict[str, list[tuple[int, int]]]:
    """Each comment text the scanner saw, with the range of lines it may stand on."""
    from ruamel.yaml import YAML

    seen: dict[str, list[tuple[int, int]]] = {}
    for token in YAML(typ="rt", pure=True).scan(text):
        found: list[object] = []
        _collect(getattr(token, "comment", None), found)
        if type(token).__name__ == "CommentToken":
            found.append(token)
        for comment in found:
            line = comment.start_mark.line + 1  # type: ignore[attr-defined]
            pieces = comment.value.split("\n")  # type: ignore[attr-defined]
            # One token can hold several comment lines (and blank lines) in a row; its mark is
            # not always on the first of them.
            for piece in pieces:
                if piece.strip():
                    seen.setdefault(piece.strip(), []).append((line - 1, line + len(pieces)))
    return seen


def _collect(value: object, out: list[object]) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        if isinstance(item, list):
            stack.extend(item)
        elif type(item).__name__ == "CommentToken":
            out.append(item)
