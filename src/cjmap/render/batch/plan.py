"""Where each output goes: the format, the target file of every map, and the jobs to render.

Pure decisions about paths (nothing is rendered or written here); a decision that cannot be
made is a :class:`PlanProblem`, which the command line reports as a usage error (exit 2).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.choices import OutputFormat
from cjmap.load.files import MAP_SUFFIXES, display

if TYPE_CHECKING:
    from cjmap.load.loader import LoadedMap

HTML_SUFFIXES = (".html", ".htm")


class PlanProblem(Exception):
    """The outputs cannot be planned (usage error); the message says why."""


@dataclass(frozen=True)
class Job:
    """One map to render to one file."""

    source: Path
    target: Path
    format: OutputFormat
    template: str | None = None
    paper: str = "a4"
    on: dt.date | None = None
    allow_missing_glyphs: bool = False
    make_folders: Path | None = None
    """The output folder of a batch: folders below it are created as needed."""
    loaded: LoadedMap | None = field(default=None, compare=False, repr=False)
    """The map as the parent already loaded it (``render_paths`` validates every map first): a
    forked worker inherits it instead of reading ``source`` again. None: the worker loads it."""


def output_stem(path: Path) -> str:
    """``current.cjm.yaml`` -> ``current``; ``map.yaml`` -> ``map``."""
    name = path.name
    for suffix in (*MAP_SUFFIXES, ".yaml", ".yml"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem or name


def format_from_suffix(path: Path) -> OutputFormat | None:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return OutputFormat.pdf
    if suffix in HTML_SUFFIXES:
        return OutputFormat.html
    return None


def choose_format(
    out: Path | None, requested: OutputFormat | None, single_file: bool
) -> OutputFormat:
    """The output format: ``--format``, else the suffix of ``-o`` (one file), else PDF."""
    implied = format_from_suffix(out) if out is not None and single_file else None
    if requested is not None:
        if implied is not None and implied != requested:
            raise PlanProblem(
                f"-o {out} names a {implied.value} file but --format is {requested.value}"
            )
        return requested
    if implied is not None:
        return implied
    if out is not None and single_file and out.suffix and not out.is_dir():
        raise PlanProblem(
            f"cannot tell the format from -o {out}: name it .pdf or .html, or pass --format"
        )
    return OutputFormat.pdf


def output_folder(out: Path | None, *, single_file: bool) -> Path | None:
    """The folder a batch writes into (``-o`` naming a folder, created as needed), or None: one
    map to the file ``-o`` names, or every map beside itself (no ``-o``).

    Raises :class:`PlanProblem` when ``-o`` names a file but several maps are to be written.
    """
    if out is None or (single_file and not out.is_dir()):
        return None
    if not out.is_dir():
        if out.exists():
            raise PlanProblem(f"-o {out}: is a file; several maps need a folder to go into")
        if format_from_suffix(out) is not None:
            raise PlanProblem(
                f"-o {out}: several maps need a folder to go into, not one {out.suffix} file"
            )
    return out


def plan_outputs(
    inputs: list[tuple[Path, Path | None]],
    out: Path | None,
    fmt: OutputFormat,
    *,
    single_file: bool,
) -> list[tuple[Path, Path]]:
    """(map, target) pairs. ``inputs`` holds each map with the folder it was found under.

    - ``-o FILE`` with one map file: that file.
    - ``-o FOLDER`` (or several maps): the folder, mirroring sub-folders of input folders.
    - no ``-o``: beside each map.
    """
    suffix = f".{fmt.value}"
    pairs: list[tuple[Path, Path]] = []
    if out is not None and single_file and not out.is_dir() and not str(out).endswith(os.sep):
        return [(inputs[0][0], out)]
    for path, folder in inputs:
        name = output_stem(path) + suffix
        if out is None:
            target = path.parent / name
        elif folder is not None:
            target = out / path.parent.relative_to(folder) / name
        else:
            target = out / name
        pairs.append((path, target))
    seen: dict[Path, Path] = {}
    for path, target in pairs:
        key = target.absolute()
        if key in seen:
            raise PlanProblem(
                f"{display(seen[key])} and {display(path)} would both be written to {display(target)}; "
                "render them to different folders"
            )
        seen[key] = path
    sources = {p.absolute() for p, _ in inputs}
    for _path, target in pairs:
        if target.absolute() in sources:
            raise PlanProblem(
                f"{display(target)} is a map being rendered; choose another output name"
            )
    return pairs
