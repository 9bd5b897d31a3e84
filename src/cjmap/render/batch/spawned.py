"""The spawned worker of the polled sandbox (macOS, Windows; :attr:`.SandboxKind.POLLED`).

It inherits nothing from the parent, so it imports WeasyPrint and loads the map itself. The
parent (:mod:`.pool`) samples its CPU time and memory and kills it at a limit; the worker checks
both once more before it writes. Linux's forked worker is :func:`.sandbox._limited`.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from cjmap.choices import OutputFormat
from cjmap.render.batch.plan import Job
from cjmap.render.batch.sandbox import (
    JobOutcome,
    JobStatus,
    over_memory,
    over_time,
    render_one,
    send_outcome,
)
from cjmap.render.limits import Limits

if TYPE_CHECKING:
    from multiprocessing.connection import Connection


class _OverLimit(Exception):
    """Raised just before writing by a worker over a limit; the message is the outcome's."""


WRITING = "writing"
"""What a spawned worker sends once it passed its last check of the limits, before it writes."""


def spawned(job: Job, limits: Limits, send: Connection) -> None:
    """The worker's body: load and render ``job``, send the outcome.

    It sends its CPU time (a float) before rendering: the parent counts the CPU limit from
    there, as a forked worker's limit starts after the parent's imports and load. Between the
    parent's samples the worker could finish a render that went over, so it checks its own CPU
    time and memory once more before writing, and tells the parent it is writing
    (:data:`WRITING`) so that a late sample does not kill it mid-write.
    """
    import signal

    # Ctrl-C reaches every process of the console: the parent reports it and kills the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start = time.perf_counter()
    memory = limits.memory_mb * 1024 * 1024
    try:
        if job.format is OutputFormat.pdf:
            from cjmap.render import weasy

            weasy.load()
        from cjmap.load.loader import Loader

        loaded = Loader().load(job.source)
        cpu_start = time.process_time()
        send.send(cpu_start)

        def before_write() -> None:
            if time.process_time() - cpu_start > limits.cpu_seconds:
                raise _OverLimit(over_time(limits))
            if _resident_peak() > memory:
                raise _OverLimit(over_memory(limits))
            send.send(WRITING)  # within both limits: the parent lets it write

        outcome = render_one(replace(job, loaded=loaded), before_write=before_write)
    except _OverLimit as over:
        outcome = JobOutcome(job, JobStatus.map, str(over), time.perf_counter() - start)
    except MemoryError:
        outcome = JobOutcome(job, JobStatus.map, over_memory(limits), time.perf_counter() - start)
    except Exception as exc:  # a bug: reported as an internal error, the batch goes on
        outcome = JobOutcome(job, JobStatus.internal, f"{type(exc).__name__}: {exc}")
    send_outcome(send, outcome)


def _resident_peak() -> int:
    """This process's resident memory in bytes as the parent samples it; on Windows its peak
    working set, which also holds a peak the samples missed."""
    import psutil

    info = psutil.Process().memory_info()
    return int(max(info.rss, getattr(info, "peak_wset", 0)))
