"""``--format github``: GitHub Actions workflow commands, shown as annotations on the PR's lines.

One line per finding::

    ::error file=maps/a.cjm.yaml,line=12,col=5,title=CJM101 stage-without-touchpoints::stage ...

Severities map to ``error``, ``warning`` and ``notice``. Everything taken from the input is
escaped as the Actions runner expects (``%`` ``\\r`` ``\\n`` in the message; also ``:`` and
``,`` in properties), so a map cannot end the command early or start a new one: a message with
a newline followed by ``::error::`` stays one annotation.
"""

from __future__ import annotations

from typing import TextIO

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report import Findings, Style

LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(d: Diagnostic) -> str:
    props = [
        f"file={escape_property(d.file)}",
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


def render(diagnostics: list[Diagnostic], *, files: list[str]) -> str:
    """The annotations, then a plain summary line for the log."""
    from cjmap.report.text import summary

    out = [line(d) for d in diagnostics]
    out.append(summary(diagnostics, len(files)))
    return "\n".join(out) + "\n"


def write(findings: Findings, out: TextIO, style: Style) -> None:
    """The github printer of :data:`cjmap.report.REPORTER_BY_NAME`."""
    out.write(render(findings.diagnostics, files=findings.files))
