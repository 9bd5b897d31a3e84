"""``--format markdown``: a Markdown table of every finding, for a GitHub job summary.

GitHub shows at most 10 annotations of each level per step; the cjmap action appends this
report to ``$GITHUB_STEP_SUMMARY`` so that a run with more findings still lists them all::

    | | Where | Rule | Problem |
    |---|---|---|---|
    | error | `maps/a.cjm.yaml:6:5` | `CJM011 unknown-key` | unknown key 'feelin' ... |

Paths are relative to the repository root, as in the github and sarif formats. Every piece of
text from the input has its Markdown and HTML characters escaped, so a map cannot add a link,
an image or markup to the summary; a very long run is cut at :data:`MAX_ROWS` rows (GitHub
refuses a summary over 1 MiB).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TextIO

from cjmap.diagnostics import Diagnostic
from cjmap.report import Findings, Style
from cjmap.report.paths import from_root, repository_root

MAX_ROWS = 1000
# The characters that can start markup inside a table cell: emphasis, code, links and images,
# HTML and entities, strike-through, math, a new cell. CommonMark lets a backslash escape each.
_MARKUP = re.compile(r"([\\`*_\[\]<>!|~&$])")


def escape(text: str) -> str:
    """``text`` as literal Markdown inside a table cell (one line)."""
    return re.sub(r"\r\n|\r|\n", " ", _MARKUP.sub(r"\\\1", text))


def code(text: str) -> str:
    """``text`` as a code span in a table cell: a fence longer than any run of backticks in it,
    and ``|`` escaped (GitHub's tables split cells on it even inside code)."""
    text = re.sub(r"\r\n|\r|\n", " ", text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(diagnostics: list[Diagnostic], *, files: list[str], root: Path | None = None) -> str:
    """The heading, the summary line and (when there are findings) the table."""
    from cjmap.report.text import summary

    base = (repository_root() if root is None else root).absolute()
    out = ["### cjmap validate", "", escape(summary(diagnostics, len(files))), ""]
    if diagnostics:
        out += ["| | Where | Rule | Problem |", "|---|---|---|---|"]
        relative = {d.file: from_root(d.file, base) for d in diagnostics}
        for d in diagnostics[:MAX_ROWS]:
            where = code(f"{relative[d.file]}:{d.line}:{d.column}")
            problem = escape(d.message)
            if d.hint:
                problem += f"<br>help: {escape(d.hint)}"
            out.append(
                f"| {d.severity.value} | {where} | {code(f'{d.code} {d.rule}')} | {problem} |"
            )
        if len(diagnostics) > MAX_ROWS:
            out += ["", f"… and {len(diagnostics) - MAX_ROWS} more: every finding is in the log."]
        out.append("")
    return "\n".join(out) + "\n"


def write(findings: Findings, out: TextIO, style: Style) -> None:
    """The markdown printer of :data:`cjmap.report.REPORTER_BY_NAME`."""
    out.write(render(findings.diagnostics, files=findings.files))
