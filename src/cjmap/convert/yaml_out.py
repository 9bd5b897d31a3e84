"""Writing an imported map as YAML a person will go on editing.

ruamel.yaml's round-trip dumper quotes every string that would read back as another type
(``no``, ``2026-01-01``, ``-2``), keeps Unicode as it is, and lets the head of the file carry
comments: the ``yaml-language-server`` line that gives editors completion, where the map came
from, and the suppressions ``build.draft`` decided on.
"""

from __future__ import annotations

import io
from typing import Any

from cjmap.convert.build import Draft
from cjmap.text import printable


def _commented(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _commented(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_commented(item) for item in value)
    return value


def to_yaml(result: Draft, schema_ref: str) -> str:
    """The map's text: the schema line, where it came from, suppressions, then the data."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.default_flow_style = False
    head = [
        f"# yaml-language-server: $schema={printable(schema_ref)}",
        f"# Imported by `cjmap import` from {_one_line(result.origin)}.",
        "# Check it with `cjmap validate`; add what the source could not hold (persona, "
        "pain point ids, action plans).",
    ]
    head += [f"# {_one_line(c)}" for c in result.comments]
    if result.suppress:
        todo = "; ".join(result.suppress.values())
        head.append(
            f"# cjmap: disable-file={','.join(result.suppress)} -- to do: add {_one_line(todo)}, "
            "then delete this line"
        )
    out = io.StringIO()
    yaml.dump(_commented(result.data), out)
    return "\n".join(head) + "\n" + out.getvalue()


def _one_line(text: str) -> str:
    return printable(" ".join(text.split()))
