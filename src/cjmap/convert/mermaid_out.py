"""A staged map as a Mermaid ``journey`` diagram, as GitHub and GitLab render it in Markdown.

Stages become sections and their actions tasks (a stage with no actions gets one task, its
name, so its feeling still shows); every task of a stage is scored from the stage's feeling
on Mermaid's 1..5 scale (-3 -> 1, -2 and -1 -> 2, 0 or no feeling -> 3, +1 and +2 -> 4,
+3 -> 5); the persona, when there is one, is the actor.

Mermaid's journey grammar ends a task name at ``:``, ``#``, ``;`` or a line break, a section
name likewise, and the title at ``#`` or ``;``; its ``#35;`` entities are not decoded in
journeys. Such characters are rewritten to look-alikes (``∶``, or ``：`` beside Chinese text,
``＃``, ``；``, ``％％`` for the comment mark ``%%``), line breaks to `` / ``, and a task that starts with one of the grammar's
keywords (``title``, ``section``, ``accTitle``...) gets an invisible word joiner in front.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cjmap.convert.exporters import ExportOptions, persona_name
from cjmap.model import AnyMap, CurrentStateMap, FutureStateMap

if TYPE_CHECKING:
    from cjmap.load.loader import LoadedMap

_KEYWORDS = re.compile(r"^(title|section|acctitle|accdescr|journey)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def score(feeling: int | None) -> int:
    """A -3..+3 feeling on Mermaid's 1..5, rounded half away from zero."""
    if feeling is None:
        return 3
    value = feeling / 1.5 + 3
    return max(1, min(5, int(value + 0.5)))


def _safe(text: str, *, colon: bool = True, comma: bool = False) -> str:
    text = " / ".join(part.strip() for part in text.splitlines() if part.strip())
    text = " ".join(text.split())
    han = any("\u3400" <= ch <= "\u9fff" for ch in text)
    text = text.replace("#", "＃").replace(";", "；").replace("%%", "％％")
    if colon:
        text = text.replace(":", "：" if han else "∶")
    if comma:
        text = text.replace(",", "，" if han else "‚")
    return text


def _task(text: str) -> str:
    text = _safe(text) or "…"
    return WORD_JOINER + text if _KEYWORDS.match(text) else text


def to_mermaid(doc: AnyMap, persona_name: str | None) -> str:
    """The diagram's text, ending with a newline."""
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        raise TypeError(doc.kind)
    actor = _safe(persona_name, comma=True) if persona_name else ""
    people = f": {actor}" if actor else ""
    lines = ["journey", f"    title {_safe(doc.title, colon=False) or '…'}"]
    for stage in doc.stages:
        lines.append(f"    section {_safe(stage.name) or stage.id or '…'}")
        feeling = stage.feeling.score if stage.feeling is not None else None
        tasks = stage.actions or [stage.name]
        for action in tasks:
            lines.append(f"      {_task(action)}: {score(feeling)}{people}")
    return "\n".join(lines) + "\n"


def export(loaded: LoadedMap, options: ExportOptions) -> bytes:
    """The exporter of ``--format mermaid`` (see ``exporters``)."""
    del options
    assert loaded.doc is not None
    return to_mermaid(loaded.doc, persona_name(loaded)).encode("utf-8")
