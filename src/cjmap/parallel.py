"""Checking a long list of maps in worker processes: ``cjmap validate`` on a big folder.

Each worker runs :func:`cjmap.validate.validate_paths` on a contiguous slice of the files and
sends back what a report needs (the diagnostics, the names checked, the sources of the files
with problems), not the loaded maps: pickling a loaded map costs as much as loading it. The
parent checks the first map itself before the workers fork, so they inherit the imported
modules and the built validator instead of paying for them again.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cjmap.validate import ValidationResult

SLICES_PER_JOB = 4  # more slices than workers: a slow slice does not hold the others up


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def validate_in_workers(
    files: list[Path], jobs: int, options: dict[str, Any]
) -> list[ValidationResult] | None:
    """``validate_paths(slice, **options)`` for slices of ``files`` in ``jobs`` forked workers,
    in file order; None where processes cannot be forked (the caller checks in-process)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    first = _part(files[:1], options)
    rest = files[1:]
    size = max(1, -(-len(rest) // (jobs * SLICES_PER_JOB)))
    slices = [rest[i : i + size] for i in range(0, len(rest), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return [first, *pool.map(_part, slices, [options] * len(slices))]


def _part(files: list[Path], options: dict[str, Any]) -> ValidationResult:
    from cjmap.validate import validate_paths

    part = validate_paths(files, jobs=1, **options)
    wanted = {d.file for d in part.diagnostics}
    part.sources = {f: text for f, text in part.sources.items() if f in wanted}
    part.maps = []
    return part
