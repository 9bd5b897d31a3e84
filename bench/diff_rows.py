"""The journey diff's row: `cjmap diff` of two versions of a 12-stage map against `cjmap
validate` of the same two files (issue 15: at most 1.2x).

Kept apart from run.py so that each capability's rows read on their own; run.py calls
:func:`diff_rows` with its own `Command`/`Comparison`/`Goal` classes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import write_big_map

_STAGE = re.compile(r"(?m)^(?=  - id: )")
_FEELING = re.compile(r"(?m)^(    feeling: )(?:\{score: (-?\d), label: [^}]*\}|(-?\d))$")


def _turned(m: re.Match[str]) -> str:
    """A stage's feeling turned around: -3 -> 3, 1 -> -1, 0 -> 2 (labelled ones relabelled)."""
    score = -int(m[2] if m[2] is not None else m[3]) or 2
    return f"{m[1]}{{score: {score}, label: relieved}}" if m[2] is not None else f"{m[1]}{score}"


def edited(text: str) -> str:
    """The map a pull request might make of ``text``: the last stage moved to the top, the
    feeling of every other stage changed, the first pain point resolved (removed, and the
    opportunities that addressed it no longer say so)."""
    head, stages = text.split("stages:\n", 1)
    blocks = _STAGE.split(stages)
    first, blocks = blocks[0], [b if b.endswith("\n\n") else b + "\n" for b in blocks[1:]]
    blocks.insert(0, blocks.pop())
    changed = [_FEELING.sub(_turned, b) if n % 2 == 0 else b for n, b in enumerate(blocks)]
    body = head + "stages:\n" + first + "".join(changed)
    pain = re.search(r"(?m)^      - id: (pain-[\w-]+)\n(?:        .*\n)+", body)
    assert pain, "the generated map has no pain point"
    body = body[: pain.start()] + body[pain.end() :]
    # An opportunity must not address a pain point that is gone (a validation error).
    body = re.sub(rf"(?m)^        addresses: \[{re.escape(pain[1])}\]\n", "", body)
    return body.replace(f"{pain[1]}, ", "").replace(f", {pain[1]}", "")


def diff_rows(
    args: Any,
    work: Path,
    cjmap: str,
    kinds: tuple[type, type, type],
    log: Callable[[str], None],
) -> list[Any]:
    command, comparison, goal = kinds
    folder = work / "diff"
    old = write_big_map(folder, args.lang, seed=args.seed + 3, stages=args.stages)
    new = old.with_name(f"edited-{old.name}")
    new.write_text(edited(old.read_text(encoding="utf-8")), encoding="utf-8")
    log(f"diff: {old.name} and an edited copy ({args.stages} stages)")
    return [
        comparison(
            "diff-two",
            f"cjmap diff of two {args.stages}-stage maps (a stage moved, feelings changed, a pain "
            "point resolved), whole process",
            [
                command("cjmap diff", [cjmap, "diff", str(old), str(new)], cwd=work),
                command("cjmap validate", [cjmap, "validate", str(old), str(new)], cwd=work),
            ],
            [goal("cjmap validate", "ratio", 1.2, "<= 1.2x cjmap validate of the two maps")],
            repeats=args.repeats,
        )
    ]
