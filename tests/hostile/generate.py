"""Generators for the hostile fixtures too large (or too regular) to keep as files.

Each returns the text of a map; tests write it into a temporary project. Run this module to
write them to a folder for manual experiments::

    python tests/hostile/generate.py /tmp/hostile
"""

from __future__ import annotations

import copy
import io
import sys
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HEAD = "cjmap: 1\nkind: current-state\ntitle: Hostile\n"


def deep_flow(levels: int) -> str:
    """``stages: [[[[...]]]]`` nested ``levels`` deep, on one line."""
    return HEAD + "stages: " + "[" * levels + "]" * levels + "\n"


def deep_block(levels: int) -> str:
    """Block mappings nested ``levels`` deep (one more indent per line)."""
    lines = [" " * i + "a:" for i in range(levels)]
    return HEAD + "stages:\n" + "\n".join(" " + line for line in lines) + " 1\n"


def long_line(chars: int) -> str:
    """One title line of ``chars`` characters."""
    return "cjmap: 1\nkind: current-state\ntitle: " + "x" * chars + "\nstages: []\n"


def wide_list(items: int) -> str:
    """``tags: [a, a, a, ...]``: the most nodes per byte YAML allows."""
    return HEAD + "tags: [" + ",".join("a" * items) + "]\n"


def _load(path: Path) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def _suffix_ids(stage: dict[str, Any], n: int | str) -> dict[str, Any]:
    stage = copy.deepcopy(stage)
    stage["id"] = f"{stage['id']}-{n}"
    stage["name"] = f"{stage['name']} {n}"
    for pain in stage.get("pain_points", []):
        if "id" in pain:
            pain["id"] = f"{pain['id']}-{n}"
    for opp in stage.get("opportunities", []):
        if "id" in opp:
            opp["id"] = f"{opp['id']}-{n}"
        opp["addresses"] = [f"{ref}-{n}" for ref in opp.get("addresses", [])]
    return stage


def big_map(target_bytes: int, source: Path = EXAMPLES / "colleen" / "current.cjm.yaml") -> str:
    """A valid current-state map of about ``target_bytes``: the example's stages, repeated.

    Every copy of a stage gets its ids suffixed, so the map stays valid (ids unique, every
    ``addresses`` resolves). With the default example, 1 MB holds about 600 stages.
    """
    from ruamel.yaml import YAML

    data = _load(source)
    data.pop("persona", None)
    stages = data["stages"]
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096

    def dump(value: Any) -> str:
        out = io.StringIO()
        yaml.dump(value, out)
        return out.getvalue()

    head = dump({k: v for k, v in data.items() if k != "stages"})
    # Dump the stages once with a placeholder suffix, then copy the text (dumping each copy
    # with the pure-Python emitter took a minute for 8 MB).
    template = dump([_suffix_ids(stage, "@N@") for stage in stages])
    parts = [head, "stages:\n"]
    size = len(head.encode())
    n = 0
    while size < target_bytes:
        chunk = template.replace("@N@", str(n))
        parts.append(chunk)
        size += len(chunk.encode())
        n += 1
    return "".join(parts)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-generated")
    out.mkdir(parents=True, exist_ok=True)
    (out / ".cjmap.yaml").write_text("")
    (out / "deep-flow.cjm.yaml").write_text(deep_flow(50_000))
    (out / "deep-block.cjm.yaml").write_text(deep_block(2_000))
    (out / "long-line.cjm.yaml").write_text(long_line(5_000_000))
    (out / "wide-list.cjm.yaml").write_text(wide_list(4_000_000))
    for mb in (1, 4, 8):
        (out / f"big-{mb}mb.cjm.yaml").write_text(big_map(mb * 1_000_000 - 20_000))
    print(f"wrote {out}")
