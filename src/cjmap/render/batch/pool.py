"""Many jobs on worker processes, one map per worker (:mod:`.sandbox`).

A worker per map, not a long-lived pool: each map gets its own CPU and memory limits, and a
worker that hits one, or dies, costs only its own map. On Linux (:attr:`SandboxKind.RLIMITS`)
the workers are forked and the parent imports what they share (WeasyPrint) first, so each
inherits it instead of importing it. Elsewhere (:attr:`SandboxKind.POLLED`) they are spawned,
and the parent samples each one's CPU time and memory with psutil and kills it at a limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from cjmap.choices import OutputFormat
from cjmap.parallel import default_jobs
from cjmap.render.batch import sandbox, spawned
from cjmap.render.batch.plan import Job
from cjmap.render.batch.sandbox import (
    EXIT_MEMORY,
    JobOutcome,
    JobStatus,
    SandboxKind,
    over_memory,
    over_time,
    sandbox_kind,
)
from cjmap.render.limits import Limits

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    import psutil

POLL_SECONDS = 0.1
"""How often the parent samples each spawned worker's CPU time and memory (``POLLED``)."""


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
    head_start: HeadStart | None = None,
) -> BatchResult:
    """Render ``jobs`` in worker processes, each map under :class:`Limits` of CPU and memory.

    Several run in parallel (``workers``, default: all cores); outcomes come in the order of
    ``jobs``. A worker that hits a limit, or dies, costs only its own map. ``head_start``, a
    worker begun before the maps were read, takes the first PDF job (its owner cancels it when
    there was none).
    """
    from multiprocessing.connection import wait

    result = BatchResult()
    if not jobs:
        return result
    limits = limits or Limits.from_env()
    count = min(workers or default_jobs(), len(jobs))
    kind = sandbox_kind()
    if kind is SandboxKind.RLIMITS:
        # One map: its worker imports WeasyPrint (the head start, while the parent validates);
        # several: the parent imports it once and every forked worker inherits it.
        if len(jobs) > 1 and any(j.format is OutputFormat.pdf for j in jobs):
            sandbox.preload_pdf()
        if len(jobs) > 1:
            _compile_templates({j.loaded.doc.lang for j in jobs if j.loaded and j.loaded.doc})
    elif (missing := _psutil_missing()) is not None:
        result.outcomes = [JobOutcome(job, JobStatus.internal, missing) for job in jobs]
        for outcome in result.outcomes:
            if on_done:
                on_done(outcome)
        return result
    # The biggest maps first: the batch then ends on small ones, instead of one core laying out
    # a large map alone after the other finished. Outcomes keep the order of ``jobs``.
    waiting = sorted(enumerate(jobs), key=lambda pair: -_weight(pair[1]))
    running: dict[int, _Worker] = {}
    by_job: dict[int, JobOutcome] = {}
    try:
        while waiting or running:
            while waiting and len(running) < count:
                index, job = waiting.pop(0)
                taken = None
                if head_start is not None and job.format is OutputFormat.pdf:
                    taken = head_start.take(job, limits)
                running[index] = taken or _start(kind, job, limits)
            wait(
                [w.receive for w in running.values()]
                + [w.process.sentinel for w in running.values()],
                timeout=1.0 if kind is SandboxKind.RLIMITS else POLL_SECONDS,
            )
            for index in list(running):
                busy = running[index]
                done = (
                    _collect(
                        jobs[index], busy.process, busy.receive, busy.started, busy.deadline, limits
                    )
                    if kind is SandboxKind.RLIMITS
                    else _collect_polled(jobs[index], busy, limits)
                )
                if done is None:
                    continue
                del running[index]
                by_job[index] = done
                if on_done:
                    on_done(done)
    finally:
        for left in running.values():
            left.process.kill()
            left.process.join()
            left.receive.close()
    result.outcomes = [by_job[i] for i in range(len(jobs))]
    return result


def _weight(job: Job) -> int:
    """How much work ``job`` is, roughly: the size of its map's text (layout time grows with
    it), or of its file when the worker loads it."""
    if job.loaded is not None and job.loaded.source.text is not None:
        return len(job.loaded.source.text)
    try:
        return job.source.stat().st_size
    except OSError:
        return 0


@dataclass
class _Worker:
    """A running worker as the parent sees it."""

    process: BaseProcess
    receive: Connection
    started: float
    deadline: float
    """When the wall clock stops it (``time.monotonic()``)."""
    watch: _Watch | None = None
    """Its measurements (:attr:`SandboxKind.POLLED`), None when the worker could not be found."""
    outcome: JobOutcome | None = None
    """What a spawned worker sent at the end."""


def _start(kind: SandboxKind, job: Job, limits: Limits) -> _Worker:
    """Start the worker of ``job``."""
    import multiprocessing

    worker: BaseProcess
    if kind is SandboxKind.RLIMITS:
        forked = multiprocessing.get_context("fork")
        receive, send = forked.Pipe(duplex=False)
        # Forked, the worker inherits ``job`` (and the map it holds) without pickling.
        worker = forked.Process(target=sandbox._limited, args=(job, limits, send), daemon=True)
    else:
        spawning = multiprocessing.get_context("spawn")
        receive, send = spawning.Pipe(duplex=False)
        # Spawned, the worker gets pickled copies of its arguments: not the map (it loads it
        # itself), and plain limits (a subclass of Limits may not be importable there).
        plain = Limits(limits.cpu_seconds, limits.memory_mb)
        worker = spawning.Process(
            target=spawned.spawned, args=(replace(job, loaded=None), plain, send), daemon=True
        )
    worker.start()
    send.close()
    started = time.monotonic()
    watch = _Watch.of(worker) if kind is SandboxKind.POLLED else None
    return _Worker(worker, receive, started, started + limits.wall_seconds, watch)


class HeadStart:
    """A forked worker begun before the parent reads the maps, for a one-map PDF.

    Importing WeasyPrint (~0.5 s) is most of a worker's start; begun early, it runs on the
    other core while the parent validates the map and plans the output, instead of after. The
    worker then waits for its job (:func:`.sandbox._head_start`). Only where workers are forked
    (:attr:`SandboxKind.RLIMITS`): a spawned worker starts from nothing anyway.
    """

    def __init__(self) -> None:
        import multiprocessing

        forked = multiprocessing.get_context("fork")
        self.receive, send = forked.Pipe(duplex=False)
        jobs_in, self.jobs_out = forked.Pipe(duplex=False)
        self.process: BaseProcess = forked.Process(
            target=sandbox._head_start, args=(jobs_in, send), daemon=True
        )
        self.process.start()
        send.close()
        jobs_in.close()
        self.waiting = True
        """True until it takes a job or is cancelled."""

    @classmethod
    def begin(cls) -> HeadStart | None:
        """A head start on this platform, or None where workers are not forked."""
        return cls() if sandbox_kind() is SandboxKind.RLIMITS else None

    def take(self, job: Job, limits: Limits) -> _Worker | None:
        """Give the worker ``job``, with the map as this process loaded and validated it
        (forked before the load, the worker does not have it): pickled, the 12-stage map is
        78 KB, 2 ms to send and 6 ms to read back, where loading it again took ~40-90 ms and a
        validator of its own (~2.5 MB of peak memory). None when it has taken a job already or
        is gone: the pool starts an ordinary worker."""
        if not self.waiting:
            return None
        try:
            self.jobs_out.send((job, limits))
        except OSError:  # it died (killed from outside): nothing to lose but the head start
            self.cancel()
            return None
        self.waiting = False
        self.jobs_out.close()
        started = time.monotonic()
        return _Worker(self.process, self.receive, started, started + limits.wall_seconds)

    def cancel(self) -> None:
        """Nothing for the worker to do: it is stopped (it may still be importing). A no-op
        once it took a job: that worker is the pool's."""
        if not self.waiting:
            return
        self.waiting = False
        self.jobs_out.close()
        self.process.kill()
        self.process.join()
        self.receive.close()


def _compile_templates(langs: set[str]) -> None:
    """Compile every template for each language before the workers fork: each worker would
    otherwise import and compile them again for its one map (~0.3 s of every map). Spawned
    workers inherit nothing, so this is only done for forked ones."""
    from cjmap.render.html import environment, templates_root
    from cjmap.render.i18n import label_language

    names = [node.name for node in templates_root().iterdir() if node.name.endswith(".j2")]
    for lang in sorted({label_language(lang) for lang in langs}):
        env = environment(lang)
        for name in names:
            env.get_template(name)


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


# ---------------------------------------------------------------- spawned workers, measured


def _psutil_missing() -> str | None:
    """Why the polled sandbox cannot run (psutil is not installed), or None."""
    try:
        import psutil  # noqa: F401
    except ImportError:
        return (
            "rendering on this platform needs psutil to hold each map to its limits; "
            "install it (pip install 'psutil>=5.9')"
        )
    return None


class _Watch:
    """The parent's measurements of one spawned worker, sampled every :data:`POLL_SECONDS`."""

    def __init__(self, process: psutil.Process) -> None:
        self.process = process
        self.cpu_start: float | None = None
        """The worker's CPU time when it began to render (it sends it): None while it imports
        and loads the map, which only the wall clock and the memory limit bound."""
        self.writing = False
        """The worker passed its own last check of both limits and writes its output: from
        here only the wall clock stops it (a kill now could leave a temporary file)."""

    @classmethod
    def of(cls, worker: BaseProcess) -> _Watch | None:
        import psutil

        try:
            return cls(psutil.Process(worker.pid))
        except psutil.Error:  # already gone: its exit is collected as any other
            return None

    def over(self, limits: Limits) -> str | None:
        """The message of the limit the worker is over, or None (also when it is gone)."""
        import psutil

        if self.writing:
            return None
        try:
            with self.process.oneshot():
                times = self.process.cpu_times()
                resident = int(self.process.memory_info().rss)
        except psutil.Error:
            return None
        if resident > limits.memory_mb * 1024 * 1024:
            return over_memory(limits)
        cpu = float(times.user + times.system)
        if self.cpu_start is not None and cpu - self.cpu_start > limits.cpu_seconds:
            return over_time(limits)
        return None


def _receive(worker: _Worker) -> None:
    """Read what a spawned worker sent: its CPU time as it begins to render, :data:`WRITING`
    once it passed its last check, and its outcome (kept in ``worker.outcome``)."""
    try:
        while worker.outcome is None and worker.receive.poll():
            message = worker.receive.recv()
            if isinstance(message, JobOutcome):
                worker.outcome = message
            elif worker.watch is None:
                continue
            elif message == spawned.WRITING:
                worker.watch.writing = True
            else:
                worker.watch.cpu_start = float(message)
    except (EOFError, OSError):
        pass


def _collect_polled(job: Job, worker: _Worker, limits: Limits) -> JobOutcome | None:
    """The outcome of a finished spawned worker, or of one the parent stops at a limit; None
    while it is still working within its limits."""
    _receive(worker)
    stopped: str | None = None
    if worker.outcome is None and worker.process.is_alive():
        if worker.watch is not None and worker.watch.over(limits) is not None:
            _receive(worker)  # one last look: it may have just passed its own last check
            stopped = worker.watch.over(limits) if worker.outcome is None else None
        if stopped is None and time.monotonic() >= worker.deadline:
            stopped = over_time(limits)
        if stopped is None:
            return None
        worker.process.kill()
    worker.process.join()
    _receive(worker)  # finished, or sent its outcome just before it was stopped
    worker.receive.close()
    if worker.outcome is not None:
        # The caller's job, with the map the worker did not send.
        return replace(worker.outcome, job=job)
    seconds = time.monotonic() - worker.started
    if stopped is not None:
        return JobOutcome(job, JobStatus.map, stopped, seconds)
    code = worker.process.exitcode
    if code == EXIT_MEMORY:
        return JobOutcome(job, JobStatus.map, over_memory(limits), seconds)
    return JobOutcome(
        job, JobStatus.internal, f"the render worker stopped (exit code {code})", seconds
    )
