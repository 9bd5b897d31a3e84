"""From what an import found (a title, stages, maybe a persona) to a map that validates.

Stage ids are derived from names the way the loader derives them, made unique, and replaced by
``stage-N`` when a name gives no safe id (only emoji, or words that mix scripts). ``lang`` is
guessed with the linter's script detection when not given. Lint errors the content is bound to
raise (no touchpoints in Mermaid, a persona with only a name) are listed in a
``# cjmap: disable-file=`` line with a remark that says what to add, so the imported file
passes ``cjmap validate`` at once and the gap stays visible; when the team fills it in, CJM100
flags the suppression as unused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cjmap.convert.table import clean
from cjmap.lint import scripts
from cjmap.load.references import id_problem
from cjmap.model.common import derive_id, is_valid_id
from cjmap.text import echo

MIN_STAGES = 3  # CJM107's default


@dataclass
class Draft:
    """A map about to be written: its data in key order, and what the YAML's head should say."""

    data: dict[str, Any]
    origin: str  # "journey.xlsx (sheet 'Plan', stages as columns)"
    suppress: dict[str, str] = field(default_factory=dict)  # lint code -> what to add
    comments: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        # An item left empty (it held only invisible characters) is dropped, as an empty line is.
        return [c for c in (_cleaned(v) for v in value) if c not in ("", None) and _filled(c)]
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    return value


def _filled(item: Any) -> bool:
    return not isinstance(item, dict) or all(item.get(k) for k in ("text", "name") if k in item)


def stage_ids(names: list[str]) -> list[str]:
    """An id per stage name: derived as the loader would, unique, ``stage-N`` as a last resort."""
    ids: list[str] = []
    taken: set[str] = set()
    for index, name in enumerate(names):
        ident = derive_id(name)
        if not ident or not is_valid_id(ident) or id_problem(ident) is not None:
            ident = f"stage-{index + 1}"
        base, n = ident, 2
        while ident in taken:
            suffix = f"-{n}"
            ident = base[: 64 - len(suffix)] + suffix
            n += 1
        taken.add(ident)
        ids.append(ident)
    return ids


def guess_lang(texts: list[str]) -> str:
    """The language the texts are mostly in, by script (Cyrillic split into ru/mk by alphabet)."""
    tally = scripts.Tally()
    for text in texts:
        tally.add(text)
    if not tally.total():  # only names and acronyms: count every word
        for text in texts:
            for word, script in scripts.words(text):
                tally.weights[script] += len(word)
                if script == "Cyrillic":
                    tally.cyrillic_words.append(word.lower())
    if not tally.total():
        return "en"
    script = max(tally.weights, key=lambda s: tally.weights[s])
    if script == "Cyrillic":
        return scripts.closest_cyrillic_language(tally.cyrillic_words) or "ru"
    if script == "Han" and tally.weights.get("Kana"):
        return "ja"
    return scripts.LANG_FOR_SCRIPT.get(script, "en")


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for k, v in value.items() if k not in ("channel", "id") for t in _texts(v)]
    return []


def draft(
    *,
    title: str,
    stages: list[dict[str, Any]],
    kind: str,
    lang: str | None,
    origin: str,
    persona: str | None = None,
) -> Draft:
    """The map's data in the order FORMAT.md writes keys, with ids, ``lang`` and suppressions."""
    stages = [_cleaned(stage) for stage in stages]
    stages = [s for s in stages if s.get("name")]
    title = clean(title) or "Imported journey"
    found_lang = lang or guess_lang([title, *(t for s in stages for t in _texts(s))])
    data: dict[str, Any] = {"cjmap": 1, "kind": kind, "title": title, "lang": found_lang}
    result = Draft(data=data, origin=origin)
    if lang is None:
        result.notes.append(f"lang: {found_lang} (guessed from the text; set it with --lang)")
    if persona:
        data["persona"] = {"name": clean(persona)}
        result.suppress["CJM104"] = "the persona's goals and needs"
    ids = stage_ids([s["name"] for s in stages])
    data["stages"] = [{"id": ident, **stage} for ident, stage in zip(ids, stages, strict=True)]
    bare = [s["name"] for s in stages if not s.get("touchpoints")]
    if bare:
        shown = ", ".join(echo(n, 30) for n in bare[:3]) + (" ..." if len(bare) > 3 else "")
        result.suppress["CJM101"] = f"touchpoints to {len(bare)} stage(s) ({shown})"
    if len(stages) < MIN_STAGES:
        result.suppress["CJM107"] = f"stages (the journey has {len(stages)})"
    for code, what in result.suppress.items():
        result.notes.append(f"{code} suppressed until you add {what}")
    return result
