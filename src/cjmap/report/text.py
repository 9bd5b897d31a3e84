"""The default, compiler-style output: ``file:line:col: severity: message [CODE]``.

In a terminal each problem gets the source line with a caret under the column (rich colours);
piped, the same text without colour, so CI logs stay readable.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import TextIO

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report import Findings, Style
from cjmap.text import cells, echo

_STYLE = {Severity.error: "bold red", Severity.warning: "bold yellow", Severity.info: "bold cyan"}
_EXCERPT_WIDTH = 120


def _printable(line: str) -> str:
    # Echo the source line without control or bidi characters (they could rewrite the terminal).
    return "".join(
        "\N{REPLACEMENT CHARACTER}" if unicodedata.category(ch) in ("Cc", "Cf") else ch
        for ch in line.expandtabs(1)
    )


@lru_cache(maxsize=8)
def _lines(text: str) -> list[str]:
    # One split per file, not per finding: a multi-MB map with thousands of findings otherwise
    # spends minutes re-splitting (str caches its hash, so the lookup is cheap).
    return text.splitlines()


def excerpt(text: str | None, line: int, column: int) -> tuple[str, str] | None:
    """The source line (clipped around the column) and a caret line under the column."""
    if text is None:
        return None
    lines = _lines(text)
    if not 1 <= line <= len(lines):
        return None
    # Clip, then clean: _printable maps one character to one, and on a line of megabytes
    # cleaning it all for each finding cost 37 s for 100 findings.
    source = lines[line - 1]
    col = max(column - 1, 0)
    start = 0
    if len(source) > _EXCERPT_WIDTH:
        start = max(0, col - _EXCERPT_WIDTH // 2)
        source = source[start : start + _EXCERPT_WIDTH]
    source = _printable(source)
    if start:
        source = "…" + source[1:]
    caret = " " * cells(source[: col - start]) + "^"
    return source, caret


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
) -> None:
    """Print each diagnostic, with a source excerpt, then (unless ``summary_line`` is off) a
    summary line."""
    if not color:
        # Piped (CI, pre-commit hooks): the same text, without importing rich (~20 ms).
        text = "".join(_plain(d, source_of, show_source) for d in diagnostics)
        if summary_line:
            text += summary(diagnostics, files) + "\n"
        stream.write(text.translate(_RICH_DROPS).expandtabs(8))
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        width=10_000 if not color else None,
    )
    for d in diagnostics:
        style = _STYLE[d.severity]
        head = f"[bold]{escape(d.file)}:{d.line}:{d.column}:[/bold] [{style}]{d.severity.value}:[/{style}]"
        console.print(f"{head} {escape(d.message)} [dim]\\[{d.code} {d.rule}][/dim]")
        if show_source:
            shown = excerpt(source_of(d.file), d.line, d.column)
            if shown is not None:
                gutter = f"{d.line:>5} | "
                console.print(f"[dim]{gutter}[/dim]{escape(shown[0])}")
                console.print(
                    f"[dim]{' ' * (len(gutter) - 2)}| [/dim][{style}]{shown[1]}[/{style}]"
                )
        if d.hint:
            console.print(f"      [cyan]= help:[/cyan] {escape(d.hint)}")
    if summary_line:
        console.print(summary(diagnostics, files), style="bold" if color else None)


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
    )


# Control characters rich drops from what it prints: bell, backspace, VT, form feed, CR.
_RICH_DROPS = dict.fromkeys((7, 8, 11, 12, 13))


def _plain(d: Diagnostic, source_of: Callable[[str], str | None], show_source: bool) -> str:
    """One diagnostic as the rich branch of :func:`print_text` prints it without colour."""
    out = f"{d.file}:{d.line}:{d.column}: {d.severity.value}: {d.message} [{d.code} {d.rule}]\n"
    shown = excerpt(source_of(d.file), d.line, d.column) if show_source else None
    if shown is not None:
        gutter = f"{d.line:>5} | "
        out += f"{gutter}{shown[0]}\n{' ' * (len(gutter) - 2)}| {shown[1]}\n"
    if d.hint:
        out += f"      = help: {d.hint}\n"
    return out


__all__ = ["echo", "excerpt", "print_text", "summary"]
