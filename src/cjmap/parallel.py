"""Work on a long list of files in forked worker processes (``cjmap validate`` of a big folder).

Generic on purpose: the caller passes the work for one slice (``cjmap.validate`` checks maps
with it), so this module imports none of its callers.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

SLICES_PER_JOB = 4  # more slices than workers: a slow slice does not hold the others up


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_in_workers(work: Callable[[list[T]], R], items: list[T], jobs: int) -> list[R] | None:
    """``work(slice)`` for slices of ``items`` in ``jobs`` forked workers, in order; None where
    processes cannot be forked (the caller then works in-process).

    The parent does the first item itself before the workers fork, so they inherit the
    imported modules and whatever ``work`` built on its first call instead of paying for them
    again. ``work`` must be picklable (a module-level function or a partial of one).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    first = work(items[:1])
    rest = items[1:]
    size = max(1, -(-len(rest) // (jobs * SLICES_PER_JOB)))
    slices = [rest[i : i + size] for i in range(0, len(rest), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return [first, *pool.map(work, slices)]
