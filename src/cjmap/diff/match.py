"""Matching the items of two versions of a list, and finding the few that moved.

Items are matched by their key (an id, or a natural key: an action's task, a touchpoint's name,
a list entry's text); an item whose key appears in one version only may still be matched with
the item at the same position in the other version when the two read alike (a reworded pain
point, a renamed stage whose id was derived from its name). Of the matched items, those on the
longest common subsequence kept their order; only the others are reported as moved, so a stage
lifted to the top is one move, not a move of every stage it passed.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

SIMILAR = 0.6
"""How alike two unmatched items at the same position must read to be taken as one item."""
_SHORT = 160


@dataclass
class Matching:
    """How the items of ``old`` and ``new`` correspond (indexes into each list)."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    """(old index, new index) of every matched item, in the new list's order."""
    removed: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    moved: set[tuple[int, int]] = field(default_factory=set)
    """The pairs that left their order."""
    old_keys: list[str] = field(default_factory=list)
    new_keys: list[str] = field(default_factory=list)


def unique_keys(keys: Sequence[str]) -> list[str]:
    """``keys`` with the second and later occurrences of a key suffixed ``#2``, ``#3``..."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return out


def match(
    old: Sequence[Any],
    new: Sequence[Any],
    key: Callable[[Any], str],
    text: Callable[[Any], str],
) -> Matching:
    """Match ``old`` and ``new`` items by ``key``, then by position when ``text`` reads alike."""
    result = Matching(old_keys=unique_keys([key(i) for i in old]))
    result.new_keys = unique_keys([key(i) for i in new])
    old_at = {k: i for i, k in enumerate(result.old_keys)}
    partner: dict[int, int] = {}  # new index -> old index
    for j, k in enumerate(result.new_keys):
        i = old_at.get(k)
        if i is not None:
            partner[j] = i
    taken = set(partner.values())
    for j in range(min(len(old), len(new))):
        if j in partner or j in taken:
            continue
        if similar(text(old[j]), text(new[j])):
            partner[j] = j
            taken.add(j)
    result.pairs = [(partner[j], j) for j in range(len(new)) if j in partner]
    result.added = [j for j in range(len(new)) if j not in partner]
    result.removed = [i for i in range(len(old)) if i not in taken]
    kept = set(_increasing([i for i, _ in result.pairs]))
    result.moved = {p for n, p in enumerate(result.pairs) if n not in kept}
    return result


def similar(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` read alike: :data:`SIMILAR` of difflib's ratio, over
    characters for short texts (a reworded thought) and over words for long ones (a whole
    stage, where comparing characters costs milliseconds a pair)."""
    if a == b:
        return True
    if len(a) + len(b) > _SHORT:
        a_parts: list[str] | str = a.split() if " " in a or " " in b else a[:_SHORT]
        b_parts: list[str] | str = b.split() if " " in a or " " in b else b[:_SHORT]
    else:
        a_parts, b_parts = a, b
    matcher = difflib.SequenceMatcher(None, a_parts, b_parts, autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILAR
        and matcher.quick_ratio() >= SIMILAR
        and matcher.ratio() >= SIMILAR
    )


def _increasing(values: Sequence[int]) -> list[int]:
    """Positions in ``values`` of one longest strictly increasing subsequence (O(n log n)).

    The pairs are in the new order, so their old indexes increase exactly along the items that
    kept their relative order: this is the longest common subsequence of the two orders.
    """
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_at: list[int] = []  # position in values of that tail
    before = [-1] * len(values)
    for n, value in enumerate(values):
        length = bisect.bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(n)
        else:
            tails[length] = value
            tail_at[length] = n
        before[n] = tail_at[length - 1] if length else -1
    out = []
    n = tail_at[-1] if tail_at else -1
    while n != -1:
        out.append(n)
        n = before[n]
    return out[::-1]
