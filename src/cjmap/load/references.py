"""Checks that need the whole map: stage ids, unique ids, and references that must resolve."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from cjmap.diagnostics import Diagnostic
from cjmap.load import codes
from cjmap.load.yamlsource import Path_, Positions
from cjmap.model import AnyMap, CurrentStateMap, FutureStateMap, derive_id
from cjmap.text import echo


def assign_stage_ids(doc: AnyMap) -> None:
    """Give every stage without an ``id`` one derived from its name (or ``stage-N``)."""
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        return
    for index, stage in enumerate(doc.stages):
        if stage.id is None:
            stage.id = derive_id(stage.name) or f"stage-{index + 1}"


def check_ids(
    doc: AnyMap, raw: dict[str, object], positions: Positions, file: str
) -> Iterator[Diagnostic]:
    """Ids are unique across stages, pain points and opportunities; references resolve."""
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        return
    seen: dict[str, tuple[str, Path_]] = {}
    pain_ids: set[str] = set()
    kinds: dict[str, str] = {}

    looks: dict[str, tuple[str, Path_]] = {}

    def claim(ident: str, what: str, path: Path_, derived: bool) -> Iterator[Diagnostic]:
        if not derived:
            problem = id_problem(ident)
            if problem is not None:
                yield _error(file, positions.value(path), codes.SCHEMA, *problem)
                return
            skeleton = _skeleton(ident)
            other = looks.setdefault(skeleton, (ident, path))
            if other[0] != ident:
                yield _error(
                    file,
                    positions.value(path),
                    codes.SCHEMA,
                    f"id {echo(ident)} looks the same as {echo(other[0])} at line "
                    f"{positions.value(other[1])[0]} but is spelt with other letters "
                    f"({_describe(ident, other[0])})",
                    "rename one of them; look-alike ids let a reference point somewhere "
                    "a reviewer would not expect",
                )
                return
        if ident in seen:
            first_what, first_path = seen[ident]
            line = positions.value(first_path)[0]
            pos = positions.value(path) if not derived else positions.value(path[:-1])
            hint = (
                "give this stage an explicit `id:` (its id was derived from its name)"
                if derived
                else "ids are shared by stages, pain points and opportunities: rename one"
            )
            yield _error(
                file,
                pos,
                codes.DUPLICATE_ID,
                f"id {echo(ident)} is already used by a {first_what} at line {line}",
                hint,
            )
        else:
            seen[ident] = (what, path)
            kinds[ident] = what

    stages_raw = raw.get("stages")
    for s_index, stage in enumerate(doc.stages):
        s_path: Path_ = ("stages", s_index)
        derived = not (
            isinstance(stages_raw, list)
            and s_index < len(stages_raw)
            and isinstance(stages_raw[s_index], dict)
            and "id" in stages_raw[s_index]
        )
        assert stage.id is not None
        yield from claim(stage.id, "stage", (*s_path, "id"), derived)
        for p_index, pain in enumerate(stage.pain_points):
            if pain.id:
                yield from claim(
                    pain.id, "pain point", (*s_path, "pain_points", p_index, "id"), False
                )
                pain_ids.add(pain.id)
        for o_index, opp in enumerate(stage.opportunities):
            if opp.id:
                yield from claim(
                    opp.id, "opportunity", (*s_path, "opportunities", o_index, "id"), False
                )

    known = sorted(pain_ids)
    listed = ", ".join(known[:_LISTED]) + (
        f", … ({len(known)} in all)" if len(known) > _LISTED else ""
    )
    for s_index, stage in enumerate(doc.stages):
        for o_index, opp in enumerate(stage.opportunities):
            for a_index, ref in enumerate(opp.addresses):
                if ref in pain_ids:
                    continue
                path: Path_ = ("stages", s_index, "opportunities", o_index, "addresses", a_index)
                problem = id_problem(ref)
                if problem is not None:
                    yield _error(file, positions.value(path), codes.SCHEMA, *problem)
                    continue
                if ref in kinds:
                    message = f"addresses {echo(ref)}, which is a {kinds[ref]}, not a pain point"
                else:
                    close = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
                    guess = f" (did you mean {echo(close[0])}?)" if close else ""
                    message = f"addresses {echo(ref)}, but no pain point has that id{guess}"
                hint = (
                    f"pain point ids in this map: {listed}"
                    if pain_ids
                    else "give the pain point an `id:` and refer to it here"
                )
                yield _error(file, positions.value(path), codes.REFERENCE, message, hint)


_LISTED = 10
"""Pain point ids a hint lists (a hostile map may have thousands)."""

# Scripts whose letters may share one word of an id: UTS #39 "highly restrictive" (Japanese
# and Korean mix Han with kana or Hangul; Latin goes with either, having no look-alikes there).
_SCRIPT_SETS = (
    frozenset({"LATIN", "HAN", "KANA"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)
_SCRIPT_ALIASES = {
    "CJK": "HAN",
    "IDEOGRAPHIC": "HAN",
    "HIRAGANA": "KANA",
    "KATAKANA": "KANA",
    "KATAKANA-HIRAGANA": "KANA",
}
_COMMON = frozenset({"MODIFIER"})  # modifier letters (ʼ) belong to no one script
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cs", "Cn"})
_INVISIBLE_MARKS = frozenset("\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f")
_PLAIN_ASCII = re.compile(r"[A-Za-z0-9_-]*")


@lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    """The script of a letter from its Unicode name (LATIN, CYRILLIC, ...), None if no letter."""
    if not ch.isalpha():
        return None
    words = unicodedata.name(ch, "UNKNOWN").split()
    first = words[1] if words[0] in ("FULLWIDTH", "HALFWIDTH") and len(words) > 1 else words[0]
    return None if first in _COMMON else _SCRIPT_ALIASES.get(first, first)


def id_problem(ident: str) -> tuple[str, str] | None:
    """Why an id someone wrote is unsafe to show and compare, as (message, hint), or None.

    The format's pattern already refuses bidi controls and zero-width characters (and the schema
    error quotes this function's message for them); this catches what the pattern lets through:
    combining marks on scripts that need none and invisible marks, ids that are
    not in NFKC form (fullwidth or mathematical letters, decomposed accents), and words that mix
    scripts (Latin ``a`` beside Cyrillic ``а``): all of them look like another id.
    """
    if _PLAIN_ASCII.fullmatch(ident):  # Latin letters, digits, '-', '_': nothing to hide
        return None
    base: str | None = None
    for ch in ident:
        category = unicodedata.category(ch)
        if category in ("Mn", "Me"):
            # Scripts such as Devanagari need combining marks; Latin, Cyrillic and Greek have
            # precomposed letters, so a mark on them only hides or fakes one.
            hidden = ch in _INVISIBLE_MARKS or "\ufe00" <= ch <= "\ufe0f" or ch >= "\U000e0100"
            if hidden or base in (None, "LATIN", "CYRILLIC", "GREEK"):
                return (
                    f"id {echo(ident)} contains {_char(ch)}, a combining or invisible mark",
                    "retype the id with plain letters, digits, '-' and '_'",
                )
        elif category == "Zs":
            # A space is visible and often meant: say so, and offer the id it was meant to be.
            kind = "a space" if ch == " " else f"{_char(ch)}, a kind of space"
            joined = "-".join(ident.split())  # str.split() splits on every Zs space
            return (
                f"id {echo(ident)} contains {kind}; ids have no spaces",
                f"join the words with '-' or '_', e.g. {echo(joined)}",
            )
        elif category in _INVISIBLE:
            return (
                f"id {echo(ident)} contains {_char(ch)}, an invisible character",
                "retype the id with plain letters, digits, '-' and '_'",
            )
        else:
            base = _script(ch) or base
    normal = unicodedata.normalize("NFKC", ident)
    if normal != ident:
        return (
            f"id {echo(ident)} is written with look-alike compatibility characters "
            f"(as plain text it is {echo(normal)})",
            f"write {echo(normal)}",
        )
    for word in ident.replace("_", "-").split("-"):
        scripts = {s for s in map(_script, word) if s is not None}
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in _SCRIPT_SETS):
            names = " and ".join(sorted(s.title() for s in scripts))
            counts = {s: sum(_script(ch) == s for ch in word) for s in scripts}
            fewest = min(sorted(counts), key=counts.__getitem__)
            odd = [ch for ch in word if _script(ch) == fewest]
            return (
                f"id {echo(ident)} mixes {names} letters in one word ({_name_letters(odd)})",
                "write each word of an id in one script; letters that look alike across "
                "scripts (Latin a, Cyrillic а) make ids that look the same but differ",
            )
    return None


# Cyrillic and Greek letters that look like Latin ones (from Unicode's confusables.txt).
_LOOKALIKE = str.maketrans(
    "аеорсухіјѕԁһԛԝӏАВЕКМНОРСТХУІЈЅοαικνρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhqwlABEKMHOPCTXYIJSoaikvptuxABEZHIKMNOPTYX",
)


def _skeleton(ident: str) -> str:
    return ident.translate(_LOOKALIKE)


def _char(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


def _name_letters(letters: list[str]) -> str:
    unique = list(dict.fromkeys(letters))
    more = f" and {len(unique) - 3} more" if len(unique) > 3 else ""
    return ", ".join(f"{ch} is {_char(ch)}" for ch in unique[:3]) + more


def _describe(ident: str, other: str) -> str:
    """Name the letters of ``ident`` that differ from those of the look-alike ``other``."""
    return _name_letters([a for a, b in zip(ident, other, strict=False) if a != b])


def check_resolves(
    doc: AnyMap, compared: AnyMap | None, positions: Positions, file: str
) -> Iterator[Diagnostic]:
    """``resolves`` names pain points of the compared current-state map, and only there."""
    if not isinstance(doc, CurrentStateMap | FutureStateMap):
        return
    pains = (
        {p.id for s in compared.stages for p in s.pain_points if p.id}
        if isinstance(compared, CurrentStateMap)
        else set()
    )
    for s_index, stage in enumerate(doc.stages):
        for o_index, opp in enumerate(stage.opportunities):
            base: Path_ = ("stages", s_index, "opportunities", o_index, "resolves")
            if not opp.resolves:
                continue
            if isinstance(doc, CurrentStateMap):
                yield _error(
                    file,
                    positions.key(base),
                    codes.REFERENCE,
                    "`resolves` is for future-state maps",
                    "in a current-state map, use `addresses` to name the pain points of this map",
                )
                continue
            if compared is None:
                # No usable `compares`: reported on `compares` itself (or by lint CJM111).
                continue
            for r_index, ref in enumerate(opp.resolves):
                if ref in pains:
                    continue
                close = difflib.get_close_matches(ref, sorted(pains), n=1, cutoff=0.6)
                guess = f" (did you mean '{close[0]}'?)" if close else ""
                yield _error(
                    file,
                    positions.value((*base, r_index)),
                    codes.REFERENCE,
                    f"resolves {echo(ref)}, but the compared map has no pain point with that id{guess}",
                    "`resolves` names pain point ids of the current-state map in `compares`",
                )


_error = Diagnostic.error
