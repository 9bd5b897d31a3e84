"""From bytes to a checked model: read the file, parse YAML into data with positions, validate
it against the format's models, resolve ids and references, and load the persona and compared
map it names. Every CJM0xx problem is reported here (:mod:`cjmap.load.codes`).

    files.py         which files, read safely (project root, size, paths that stay inside)
    yamlsource.py    bytes -> libyaml events -> plain data + the position of every node
    schema_errors.py pydantic's errors -> located messages with hints
    references.py    ids, `addresses`, look-alike ids (after the schema passes)
    loader.py        the pipeline, for a map and what it refers to -> LoadedMap
    config.py        the project's .cjmap.yaml / [tool.cjmap]
    codes.py         the CJM0xx codes
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cjmap.load.loader import LoadedMap, Loader, load_map

__all__ = ["LoadedMap", "Loader", "load_map"]


def __getattr__(name: str) -> Any:
    # Lazily: importing cjmap.load.files or .codes must not import pydantic and the models.
    if name in __all__:
        from cjmap.load import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'cjmap.load' has no attribute {name!r}")
