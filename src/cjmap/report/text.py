"""The default, compiler-style output: ``file:line:col: severity: message [CODE]``.

In a terminal each problem gets the source line with a caret under the column (rich colours),
every line fitted to the window (:mod:`cjmap.report.layout`: wrapped between words with a
hanging indent, long source lines clipped around the caret); piped, the same text without
colour and without wrapping, so CI logs stay readable and greppable.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from typing import TextIO

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report import Findings, Style
from cjmap.report.layout import clip, wrap_offsets
from cjmap.text import cells, echo

_STYLE = {Severity.error: "bold red", Severity.warning: "bold yellow", Severity.info: "bold cyan"}
_EXCERPT_WIDTH = 120


def _printable(line: str) -> str:
    # Echo the source line without control or bidi characters (they could rewrite the terminal).
    line = line.expandtabs(1)
    if line.isprintable():  # no Cc or Cf character (almost every line): nothing to replace
        return line
    return "".join(
        "\N{REPLACEMENT CHARACTER}" if unicodedata.category(ch) in ("Cc", "Cf") else ch
        for ch in line
    )


@lru_cache(maxsize=8)
def _lines(text: str) -> list[str]:
    # One split per file, not per finding: a multi-MB map with thousands of findings otherwise
    # spends minutes re-splitting (str caches its hash, so the lookup is cheap).
    return text.splitlines()


def excerpt(
    text: str | None, line: int, column: int, width: int = _EXCERPT_WIDTH
) -> tuple[str, str] | None:
    """The source line (clipped around the column to ``width`` terminal cells) and a caret
    line under the column."""
    if text is None:
        return None
    lines = _lines(text)
    if not 1 <= line <= len(lines):
        return None
    # Cut, then clean, then clip by cells: _printable maps one character to one, and on a line
    # of megabytes cleaning or measuring it all for each finding cost 37 s for 100 findings.
    source = lines[line - 1]
    col = max(column - 1, 0)
    low, high = max(0, col - width), col + width + 1
    shown, caret = clip(
        _printable(source[low:high]),
        col - low + 1,
        width,
        cut_before=low > 0,
        cut_after=high < len(source),
    )
    return shown, " " * caret + "^"


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    counts = Counter(d.severity for d in diagnostics)
    noun = "file" if files == 1 else "files"
    if not diagnostics:
        return f"{files} {noun} checked: no problems"
    parts = []
    for sev, word in (
        (Severity.error, "error"),
        (Severity.warning, "warning"),
        (Severity.info, "note"),
    ):
        if counts[sev]:
            parts.append(f"{counts[sev]} {word}{'s' if counts[sev] != 1 else ''}")
    with_problems = len({d.file for d in diagnostics})
    return f"{files} {noun} checked: {', '.join(parts)} in {with_problems} {'file' if with_problems == 1 else 'files'}"


def print_text(
    diagnostics: list[Diagnostic],
    source_of: Callable[[str], str | None],
    stream: TextIO,
    *,
    files: int,
    color: bool,
    show_source: bool = True,
    summary_line: bool = True,
    width: int | None = None,
) -> None:
    """Print each diagnostic, with a source excerpt, then (unless ``summary_line`` is off) a
    summary line.

    ``width``: the terminal's columns. Lines are then wrapped at word boundaries with a hanging
    indent and excerpts clipped to fit (:mod:`cjmap.report.layout`); in colour on a terminal,
    the terminal's own width is used when none is given. Other output is not wrapped (a CI log
    or a file has no width), and is the same in colour and without.
    """
    console = None
    if color:
        from rich.console import Console

        console = Console(
            file=stream,
            force_terminal=True,
            highlight=False,
            soft_wrap=True,
            emoji=False,
            width=width,
        )
        if width is None and _is_terminal(stream):
            width = console.width
    lines: list[_Line] = []
    for d in diagnostics:
        lines += _diagnostic(d, source_of, show_source, width)
    if summary_line:
        lines += _wrapped([(summary(diagnostics, files), "bold")], width, "")
    if console is None:
        # Piped (CI, pre-commit hooks): the same text, without importing rich (~20 ms).
        text = "".join("".join(t for t, _ in line) + "\n" for line in lines)
        if any(chr(code) in text for code in _RICH_DROPS):  # a scan each, not a lookup per char
            text = text.translate(_RICH_DROPS)
        stream.write(text.expandtabs(8))
        return
    from rich.text import Text

    for line in lines:
        console.print(Text.assemble(*((t, s) for t, s in line if t)), soft_wrap=True)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, OSError, ValueError):
        return False


_Line = list[tuple[str, str]]
"""One printed line: pieces of text, each with its rich style ("" for none)."""


def _diagnostic(
    d: Diagnostic, source_of: Callable[[str], str | None], show_source: bool, width: int | None
) -> list[_Line]:
    style = _STYLE[d.severity]
    head = [
        (f"{d.file}:{d.line}:{d.column}:", "bold"),
        (" ", ""),
        (f"{d.severity.value}:", style),
        (f" {d.message} ", ""),
        (f"[{d.code} {d.rule}]", "dim"),
    ]
    out = _wrapped(head, width, _HEAD_INDENT)
    gutter = f"{d.line:>5} | "
    room = max(width - len(gutter), _MIN_EXCERPT) if width else _EXCERPT_WIDTH
    shown = excerpt(source_of(d.file), d.line, d.column, room) if show_source else None
    if shown is not None:
        out.append([(gutter, "dim"), (shown[0], "")])
        out.append([(" " * (len(gutter) - 2) + "| ", "dim"), (shown[1], style)])
    if d.hint:
        out += _wrapped(
            [("      ", ""), ("= help:", "cyan"), (f" {d.hint}", "")], width, _HELP_INDENT
        )
    return out


_HEAD_INDENT = "    "
_HELP_INDENT = " " * len("      = help: ")
_MIN_EXCERPT = 20


def _wrapped(pieces: _Line, width: int | None, indent: str) -> list[_Line]:
    """``pieces`` as lines of at most ``width`` cells (None: one line), later lines indented."""
    if width is None:
        return [pieces]
    plain = "".join(text for text, _ in pieces)
    bounds = [0, *wrap_offsets(plain, width, cells(indent)), len(plain)]
    lines: list[_Line] = []
    for number, (low, high) in enumerate(pairwise(bounds)):
        line: _Line = [(indent, "")] if number else []
        at = 0
        for text, style in pieces:
            begin, end = max(low, at), min(high, at + len(text))
            if begin < end:
                line.append((text[begin - at : end - at], style))
            at += len(text)
        while line and not line[-1][0].strip(" "):
            line.pop()
        if line:
            line[-1] = (line[-1][0].rstrip(" "), line[-1][1])
        lines.append(line)
    return lines


def write(findings: Findings, out: TextIO, style: Style) -> None:
    """The text printer of :data:`cjmap.report.REPORTER_BY_NAME`."""
    print_text(
        findings.diagnostics,
        findings.source_of,
        out,
        files=len(findings.files),
        color=style.color,
        show_source=style.show_source,
        summary_line=style.summary_line,
        width=style.width or (_terminal_columns() if style.color else None),
    )


def _terminal_columns() -> int | None:
    # The report may be written to a buffer first (validate collects it, then writes it
    # whole), so the width comes from the terminal colour was chosen for, not the stream.
    import shutil

    return shutil.get_terminal_size(fallback=(0, 0)).columns or None


# Control characters rich drops from what it prints: bell, backspace, VT, form feed, CR.
_RICH_DROPS = dict.fromkeys((7, 8, 11, 12, 13))


__all__ = ["echo", "excerpt", "print_text", "summary"]
