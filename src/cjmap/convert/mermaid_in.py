"""Reading a Mermaid ``journey`` diagram (a ``.mmd`` file, or the first journey block of a
Markdown page) as stages.

Mermaid's journey grammar: ``title``, ``accTitle:``, ``accDescr:`` (or ``accDescr { ... }``),
``section NAME`` and task lines ``Task name: SCORE: Actor, Actor`` (score 1-5, actors
optional); ``%%`` starts a comment. Each section becomes a stage, its tasks the stage's
actions, and the stage's feeling is the mean of its tasks' scores mapped from 1..5 onto
-3..+3 (linear, rounded half away from zero: 1 -> -3, 2 -> -2, 3 -> 0, 4 -> +2, 5 -> +3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cjmap.convert.cells import Scale
from cjmap.convert.problems import ConvertProblem
from cjmap.text import echo

MERMAID_SCALE = Scale(1, 5)
_FENCE = re.compile(r"^\s*(```+|~~~+)\s*mermaid\b.*$", re.IGNORECASE)
_TASK = re.compile(r"^(?P<task>[^:]+?)\s*:\s*(?P<score>[^:]*?)\s*(?::(?P<people>.*))?$")
_KEYWORD_GUARD = "\u2060"  # what the exporter puts before a task that starts with a keyword


@dataclass
class MermaidJourney:
    title: str | None
    stages: list[dict[str, Any]]
    actors: list[str] = field(default_factory=list)
    description: str | None = None


def journey_lines(text: str, source: str, *, markdown: bool = False) -> list[tuple[int, str]]:
    """The diagram's lines (with their 1-based line numbers) after the ``journey`` line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, end = 0, len(lines)
    for i, line in enumerate(lines):  # in Markdown: the first mermaid block that is a journey
        fence = _FENCE.match(line)
        if fence is None:
            continue
        close = next(
            (j for j in range(i + 1, len(lines)) if lines[j].strip().startswith(fence[1])),
            len(lines),
        )
        block = [b for b in lines[i + 1 : close] if b.strip() and not _comment(b)]
        if block and block[0].split()[0].lower() == "journey":
            start, end = i + 1, close
            break
    else:
        if markdown:
            raise ConvertProblem(
                source,
                "this Markdown page holds no ```mermaid block with a journey diagram",
                "put the diagram in a ```mermaid block that starts with `journey`",
            )
    numbered = [(n + 1, lines[n]) for n in range(start, end)]
    # Front matter (---\nconfig...\n---) and comments come before the diagram's type.
    index = 0
    if numbered and numbered[0][1].strip() == "---":
        index = next((k + 1 for k in range(1, len(numbered)) if numbered[k][1].strip() == "---"), 0)
    while index < len(numbered) and (
        not numbered[index][1].strip() or _comment(numbered[index][1])
    ):
        index += 1
    if index >= len(numbered):
        raise ConvertProblem(source, "the file is empty", "write a Mermaid `journey` diagram")
    number, first = numbered[index]
    if first.split()[0].lower() != "journey":
        raise ConvertProblem(
            f"{source}:{number}",
            f"this is not a Mermaid journey diagram (it starts with {echo(first.split()[0], 30)})",
            "cjmap imports Mermaid `journey` diagrams and sheets (.csv, .xlsx)",
        )
    return numbered[index + 1 :]


def _comment(line: str) -> bool:
    return line.strip().startswith("%%")


def read_mermaid(text: str, source: str, *, markdown: bool = False) -> MermaidJourney:
    """The journey in ``text`` (a diagram, or a Markdown page with ``markdown``)."""
    lines = journey_lines(text, source, markdown=markdown)
    journey = MermaidJourney(title=None, stages=[])
    current: dict[str, Any] | None = None
    scores: dict[int, list[float]] = {}
    in_descr = False
    for number, raw in lines:
        line = raw.strip()
        if in_descr:
            if "}" in line:
                in_descr = False
            continue
        if not line or _comment(line):
            continue
        keyword = line.split(None, 1)[0].lower()
        if keyword == "title":
            journey.title = line[5:].strip() or journey.title
        elif re.match(r"acctitle\s*:", line, re.IGNORECASE):
            journey.title = journey.title or line.split(":", 1)[1].strip()
        elif re.match(r"accdescr\s*:", line, re.IGNORECASE):
            journey.description = line.split(":", 1)[1].strip()
        elif re.match(r"accdescr\s*\{", line, re.IGNORECASE):
            in_descr = "}" not in line
        elif keyword == "section":
            current = {"name": line[7:].strip() or f"Section {len(journey.stages) + 1}"}
            journey.stages.append(current)
        else:
            match = _TASK.match(line)
            if not match:
                raise ConvertProblem(
                    f"{source}:{number}",
                    "a task line needs a score: `Task name: 3: Actor`",
                    "write the task's name, a colon, a score from 1 to 5",
                )
            try:
                score = float(match["score"])
            except ValueError:
                raise ConvertProblem(
                    f"{source}:{number}",
                    f"task score {echo(match['score'], 20)} is not a number",
                    "Mermaid scores tasks from 1 (worst) to 5 (best)",
                ) from None
            if current is None:
                current = {"name": journey.title or "Journey"}
                journey.stages.append(current)
            current.setdefault("actions", []).append(match["task"].strip().lstrip(_KEYWORD_GUARD))
            scores.setdefault(id(current), []).append(min(max(score, 1.0), 5.0))
            for person in (match["people"] or "").split(","):
                if person.strip() and person.strip() not in journey.actors:
                    journey.actors.append(person.strip())
    if not journey.stages:
        raise ConvertProblem(
            source, "the journey diagram has no sections or tasks", "add `section` lines"
        )
    for stage in journey.stages:
        found = scores.get(id(stage))
        if found:
            stage["feeling"] = MERMAID_SCALE.to_feeling(sum(found) / len(found))
    return journey
