"""Many jobs on a pool of forked worker processes, one map per worker (:mod:`.sandbox`).

A worker per map, not a long-lived pool: each map gets its own CPU and memory limits, and a
worker that hits one, or dies, costs only its own map. The parent imports what the workers
share (WeasyPrint) before forking them, so each worker inherits it instead of importing it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from cjmap.choices import OutputFormat
from cjmap.parallel import default_jobs
from cjmap.render.batch import sandbox
from cjmap.render.batch.plan import Job
from cjmap.render.batch.sandbox import (
    EXIT_MEMORY,
    JobOutcome,
    JobStatus,
    over_memory,
    over_time,
)
from cjmap.render.limits import Limits

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess


@dataclass
class BatchResult:
    outcomes: list[JobOutcome] = field(default_factory=list)
    """One per job, in the order of the jobs."""

    @property
    def ok(self) -> list[JobOutcome]:
        return [o for o in self.outcomes if o.status == JobStatus.ok]

    @property
    def failed(self) -> list[JobOutcome]:
        return [o for o in self.outcomes if o.status != JobStatus.ok]


def render_jobs(
    jobs: list[Job],
    *,
    workers: int | None = None,
    on_done: Callable[[JobOutcome], None] | None = None,
    limits: Limits | None = None,
) -> BatchResult:
    """Render ``jobs`` in worker processes, each map under :class:`Limits` of CPU and memory.

    Several run in parallel (``workers``, default: all cores); outcomes come in the order of
    ``jobs``. A worker that hits a limit, or dies, costs only its own map.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    result = BatchResult()
    if not jobs:
        return result
    limits = limits or Limits.from_env()
    count = min(workers or default_jobs(), len(jobs))
    _import_weasyprint(any(j.format is OutputFormat.pdf for j in jobs))
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    waiting = list(enumerate(jobs))
    running: dict[int, tuple[BaseProcess, Connection, float, float]] = {}
    by_job: dict[int, JobOutcome] = {}
    try:
        while waiting or running:
            while waiting and len(running) < count:
                index, job = waiting.pop(0)
                receive, send = context.Pipe(duplex=False)
                # Forked, the worker inherits ``job`` (and the map it holds) without pickling.
                worker: BaseProcess = context.Process(
                    target=sandbox._limited, args=(job, limits, send), daemon=True
                )
                worker.start()
                send.close()
                started = time.monotonic()
                running[index] = (worker, receive, started, started + limits.wall_seconds)
            wait(
                [r for _, r, _, _ in running.values()] + [p.sentinel for p, *_ in running.values()],
                timeout=1.0,
            )
            for index in list(running):
                busy, receive, started, deadline = running[index]
                outcome = _collect(jobs[index], busy, receive, started, deadline, limits)
                if outcome is None:
                    continue
                del running[index]
                by_job[index] = outcome
                if on_done:
                    on_done(outcome)
    finally:
        for left, receive, _, _ in running.values():
            left.kill()
            left.join()
            receive.close()
    result.outcomes = [by_job[i] for i in range(len(jobs))]
    return result


def _import_weasyprint(pdf: bool) -> None:
    """Import WeasyPrint once (before the workers fork), not once per map."""
    if pdf:
        from cjmap.render import weasy

        weasy.load()


def _collect(
    job: Job,
    process: BaseProcess,
    receive: Connection,
    started: float,
    deadline: float,
    limits: Limits,
) -> JobOutcome | None:
    """The outcome of a finished (or overdue) worker; None while it is still working."""
    import signal

    outcome: JobOutcome | None = None
    try:
        if receive.poll():
            outcome = receive.recv()
    except (EOFError, OSError):
        pass
    if outcome is None and process.is_alive():
        if time.monotonic() < deadline:
            return None
        process.kill()
    process.join()
    receive.close()
    if outcome is not None:
        return replace(outcome, job=job)  # the caller's job, with the map the worker did not send
    seconds = time.monotonic() - started
    code = process.exitcode
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        return JobOutcome(job, JobStatus.map, over_time(limits), seconds)
    if code in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS, -signal.SIGTRAP, EXIT_MEMORY):
        # Native code (cairo, pango) failing an allocation under the memory limit; GLib's
        # g_error() on a failed allocation raises SIGTRAP.
        return JobOutcome(job, JobStatus.map, over_memory(limits), seconds)
    return JobOutcome(
        job, JobStatus.internal, f"the render worker stopped (exit code {code})", seconds
    )
