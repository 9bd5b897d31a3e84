"""``--format github``: GitHub Actions workflow commands, shown as annotations on the PR's lines.

One line per finding::

    ::error file=maps/a.cjm.yaml,line=12,col=5,title=CJM101 stage-without-touchpoints::stage ...

Severities map to ``error``, ``warning`` and ``notice``. Everything taken from the input is
escaped as the Actions runner expects (``%`` ``\\r`` ``\\n`` in the message; also ``:`` and
``,`` in properties), so a map cannot end the command early or start a new one: a message with
a newline followed by ``::error::`` stays one annotation.

File paths are relative to the repository root (:mod:`cjmap.report.paths`), where GitHub looks
for them, whatever folder cjmap ran in. GitHub shows at most :data:`ANNOTATIONS_PER_STEP`
annotations of each level per step and drops the rest without a word; when a run has more,
a plain log line says so (the cjmap action also writes every finding to the job summary).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TextIO

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report import Findings, Style
from cjmap.report.paths import from_root, repository_root

LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}
ANNOTATIONS_PER_STEP = 10
"""What GitHub shows of each level (error, warning, notice) per step; it drops the rest."""


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(d: Diagnostic, file: str | None = None) -> str:
    """One finding as a workflow command; ``file`` replaces ``d.file`` (the root-relative path)."""
    props = [
        f"file={escape_property(d.file if file is None else file)}",
        f"line={d.line}",
        f"col={d.column}",
    ]
    if d.end_line is not None:
        props.append(f"endLine={d.end_line}")
    if d.end_column is not None:
        props.append(f"endColumn={d.end_column}")
    props.append(f"title={escape_property(f'{d.code} {d.rule}')}")
    message = d.message if not d.hint else f"{d.message}\nhelp: {d.hint}"
    return f"::{LEVEL[d.severity]} {','.join(props)}::{escape_data(message)}"


def render(diagnostics: list[Diagnostic], *, files: list[str], root: Path | None = None) -> str:
    """The annotations, then plain lines for the log: a note when GitHub will not show them
    all, and the summary. Paths are relative to ``root`` (default: the repository root)."""
    from cjmap.report.text import summary

    base = (repository_root() if root is None else root).absolute()
    relative = {d.file: from_root(d.file, base) for d in diagnostics}
    out = [line(d, relative[d.file]) for d in diagnostics]
    capped = capped_note(diagnostics)
    if capped:
        out.append(capped)
    out.append(summary(diagnostics, len(files)))
    return "\n".join(out) + "\n"


def capped_note(diagnostics: list[Diagnostic]) -> str | None:
    """The log line saying that GitHub shows only some annotations, or None when it shows all."""
    counts = Counter(LEVEL[d.severity] for d in diagnostics)
    over = [
        f"{counts[level]} {level}s"
        for level in ("error", "warning", "notice")
        if counts[level] > ANNOTATIONS_PER_STEP
    ]
    if not over:
        return None
    return (
        f"cjmap: {' and '.join(over)}, but GitHub shows only the first "
        f"{ANNOTATIONS_PER_STEP} annotations of each level per step: every finding is in this "
        "log (and, run by the cjmap action, in the job summary)"
    )


def write(findings: Findings, out: TextIO, style: Style) -> None:
    """The github printer of :data:`cjmap.report.REPORTER_BY_NAME`."""
    out.write(render(findings.diagnostics, files=findings.files))
