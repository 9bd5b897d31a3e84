"""Walk the text a person wrote in a map: every string of the raw YAML data, with its path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cjmap.load.yamlsource import Path_

# Keys whose values are codes, dates, numbers, references or names rather than prose.
NOT_PROSE = frozenset(
    {
        "cjmap",
        "kind",
        "lang",
        "id",
        "channel",
        "icon",
        "status",
        "due",
        "reviewed",
        "review_every",
        "time",
        "addresses",
        "tags",
        "owner",
        "value",
        "target",
        "with_brand",
        "moment_of_truth",
        "score",
        "compares",
    }
)


def strings(data: Any, prefix: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string value below ``data`` (depth first, in file order), with its path."""
    stack: list[tuple[Path_, Any]] = [(prefix, data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack.extend(reversed([((*path, k), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))


def prose(data: Any) -> Iterator[tuple[Path_, str]]:
    """The strings of a map that are sentences or labels in the map's language.

    Skipped: codes and references (ids, channels, dates, ``persona:`` paths), tags, owners
    (team and people's names), metric values, and the persona's name.
    """
    # strings() without the branches under a NOT_PROSE key: the same strings in the same
    # order, without building and testing the path of every string below them.
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if path != ("persona",) and path != ("persona", "name"):
                yield path, value
        elif isinstance(value, dict):
            stack.extend(
                reversed([((*path, k), v) for k, v in value.items() if k not in NOT_PROSE])
            )
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))
