"""One map rendered in a worker process under CPU and memory limits, and how it went.

:func:`render_one` loads (unless the parent already did), renders and writes one map.
:func:`sandbox_kind` decides how a worker is limited on this platform (:class:`SandboxKind`):
:func:`_limited` is the body of a forked worker on Linux (the kernel enforces its limits),
:func:`.spawned.spawned` the body of a spawned worker elsewhere (the parent, :mod:`.pool`,
measures it and kills it at a limit). Either sends its :class:`JobOutcome` to the parent. A map over a limit
becomes a clean outcome with one of the messages below, and writes nothing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.choices import OutputFormat
from cjmap.load.files import display
from cjmap.render.batch.plan import Job
from cjmap.render.limits import Limits

if TYPE_CHECKING:
    from multiprocessing.connection import Connection


class JobStatus(StrEnum):
    """How one job ended; the values are what a caller printing or serialising it sees."""

    ok = "ok"
    """Rendered and written."""
    map = "map"
    """A problem in the map: errors, characters no font can draw, too large for PDF, or over
    a CPU or memory limit (exit code 1)."""
    usage = "usage"
    """The options do not fit the map: ``--template`` cannot show its kind (exit code 2)."""
    io = "io"
    """The output could not be written (exit code 2)."""
    internal = "internal"
    """A bug, or a worker that stopped without a known cause (exit code 3)."""


@dataclass
class JobOutcome:
    """How one :class:`Job` went: ``message`` says why when ``status`` is not ``ok``."""

    job: Job
    status: JobStatus
    message: str | None = None
    seconds: float = 0.0
    bytes: int = 0


# ---------------------------------------------------------------- one map


def render_one(job: Job, before_write: Callable[[], None] | None = None) -> JobOutcome:
    """Load (unless ``job.loaded``), render and write one map (in a worker or in-process).

    ``before_write`` runs between rendering and writing: the sandbox's last chance to refuse
    the output (see :class:`_CpuWatch`), so that a render over its limit writes nothing.
    """
    from cjmap.load.loader import Loader
    from cjmap.output import OutputProblem, write_atomic
    from cjmap.render.html import TemplateMismatch, render_html

    start = time.perf_counter()
    loaded = job.loaded if job.loaded is not None else Loader().load(job.source)
    if not loaded.ok:
        return JobOutcome(
            job,
            JobStatus.map,
            "the map has errors; run `cjmap validate` on it",
            time.perf_counter() - start,
        )
    try:
        if job.format is OutputFormat.pdf:
            from cjmap.render.pdf import MissingGlyphs, TooLarge, render_pdf

            try:
                data = render_pdf(
                    loaded,
                    template=job.template,
                    paper=job.paper,
                    on=job.on,
                    allow_missing_glyphs=job.allow_missing_glyphs,
                )
            except (MissingGlyphs, TooLarge) as exc:
                return JobOutcome(job, JobStatus.map, str(exc), time.perf_counter() - start)
        else:
            data = render_html(loaded, template=job.template, paper=job.paper, on=job.on).encode(
                "utf-8"
            )
    except TemplateMismatch as exc:  # render_paths finds these first; render_jobs callers may not
        return JobOutcome(job, JobStatus.usage, str(exc), time.perf_counter() - start)
    if before_write is not None:
        before_write()
    try:
        if job.make_folders is not None:
            _make_folders(job.make_folders, job.target.parent)
        write_atomic(job.target, data)
    except OutputProblem as exc:
        return JobOutcome(job, JobStatus.io, str(exc), time.perf_counter() - start)
    except OSError as exc:
        return JobOutcome(
            job,
            JobStatus.io,
            f"{job.target}: cannot write ({exc.strerror or exc})",
            time.perf_counter() - start,
        )
    return JobOutcome(job, JobStatus.ok, None, time.perf_counter() - start, len(data))


def _make_folders(top: Path, folder: Path) -> None:
    """Create ``top`` (one level) and the folders from it down to ``folder``.

    A folder below ``top`` that is a symlink is refused, not followed: ``out/`` may be committed
    in the repository with ``out/maps -> ~`` in it, and outputs must stay inside ``-o``.
    """
    from cjmap.output import OutputProblem, check_name

    if not top.is_dir():
        check_name(top)  # a folder named aux or NUL breaks a Windows checkout as a file does
        top.mkdir(exist_ok=True)
    current = top
    for part in folder.relative_to(top).parts:
        current = current / part
        check_name(current)
        if current.is_symlink():
            raise OutputProblem(
                f"{display(current)}: is a symlink; cjmap does not write through symlinks"
            )
        current.mkdir(exist_ok=True)


# ---------------------------------------------------------------- how workers are limited here


class SandboxKind(Enum):
    """How the workers of this platform are held to their :class:`Limits`."""

    RLIMITS = "rlimits"
    """Linux: forked workers; the kernel enforces ``RLIMIT_AS`` and ``RLIMIT_CPU`` (SIGXCPU at
    the CPU limit becomes a clean outcome); the parent adds the wall clock (:func:`_limited`)."""
    POLLED = "polled"
    """Everywhere else: spawned workers that load the map themselves; the parent samples each
    worker's CPU time and resident memory (psutil) and kills it at a limit, and the worker checks
    both once more before it writes (:func:`.spawned.spawned`); plus the same wall clock."""


def sandbox_kind() -> SandboxKind:
    """The sandbox this platform gets: :attr:`SandboxKind.RLIMITS` only on Linux with
    ``resource``, ``fork`` and ``SIGXCPU``; :attr:`SandboxKind.POLLED` everywhere else.

    Decided here, before any worker starts, so that a platform without one of them gets the
    polled sandbox instead of a worker's ImportError. Windows has none of the three. macOS has
    all three but gets the polled sandbox too, as the safer one there:

    - ``fork`` is unsafe on macOS once system frameworks (CoreFoundation, the Objective-C
      runtime) or threads (GLib's, under Pango) are running in the parent: a forked child may
      crash or deadlock in them. That is why Python's default start method on macOS is
      ``spawn`` (since 3.8); the forked worker would also inherit the loaded WeasyPrint stack.
    - macOS accepts ``RLIMIT_AS`` but does not enforce it: allocations past it still succeed, so
      the memory limit would silently be none.
    - ``RLIMIT_CPU`` does work there, but with spawned workers the macOS and Windows sandboxes
      are one code path, the one the tests exercise by simulating such a platform on Linux.
    """
    import multiprocessing
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return SandboxKind.POLLED
    try:
        import resource  # noqa: F401  (the capability itself: absent on Windows)
    except ImportError:
        return SandboxKind.POLLED
    if "fork" not in multiprocessing.get_all_start_methods() or not hasattr(signal, "SIGXCPU"):
        return SandboxKind.POLLED
    return SandboxKind.RLIMITS


# ---------------------------------------------------------------- the forked worker (Linux)


class _OverTime(Exception):
    pass


class _CpuWatch:
    """What the worker's SIGXCPU handler knows: whether the soft CPU limit was passed.

    The handler raises :class:`_OverTime` in whatever Python code runs at that moment. That may
    be a cffi callback of Pango or a ``try``/``except Exception`` inside WeasyPrint, which would
    swallow it and let the render go on (and even finish inside the hard limit's grace). So the
    handler raises again at every further CPU second while the render runs, and the worker
    reports the limit whenever it was passed, however the render ended.
    """

    over = False
    reporting = False


def _on_cpu_limit(signum: int, frame: object) -> None:
    # Past the soft limit the kernel sends SIGXCPU every CPU second (the hard limit kills the
    # worker 10 s later regardless).
    _CpuWatch.over = True
    if not _CpuWatch.reporting:
        raise _OverTime


def _commit() -> None:
    """From here on the worker writes and reports: no more interruptions, unless already over."""
    _CpuWatch.reporting = True
    if _CpuWatch.over:
        raise _OverTime


def _limited(job: Job, limits: Limits, send: Connection) -> None:
    """A worker: render ``job`` under ``limits``, send the outcome to the parent."""
    import resource
    import signal

    if job.format is OutputFormat.pdf:
        preload_pdf()  # before the limits: importing is not the map's work
    start = time.perf_counter()
    memory = limits.memory_mb * 1024 * 1024
    hard_as = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard_as != resource.RLIM_INFINITY:
        memory = min(memory, hard_as)
    resource.setrlimit(resource.RLIMIT_AS, (memory, hard_as))
    # SIGXCPU at the soft limit (a clean outcome); the kernel kills at the hard one.
    used = int(resource.getrusage(resource.RUSAGE_SELF).ru_utime) + 1
    hard_cpu = resource.getrlimit(resource.RLIMIT_CPU)[1]
    soft = used + limits.cpu_seconds
    wanted_hard = soft + 10
    if hard_cpu != resource.RLIM_INFINITY:
        soft, wanted_hard = min(soft, hard_cpu), min(wanted_hard, hard_cpu)
    signal.signal(signal.SIGXCPU, _on_cpu_limit)
    # Ctrl-C reaches the whole process group: the parent reports it and kills the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, wanted_hard))
    try:
        try:
            # Looked up in this module when called, so a test's monkeypatch of
            # ``sandbox.render_one`` reaches the forked worker.
            outcome = render_one(job, before_write=_commit)
        finally:
            _CpuWatch.reporting = True
    except _OverTime:
        outcome = JobOutcome(job, JobStatus.map, over_time(limits), time.perf_counter() - start)
    except MemoryError:
        outcome = JobOutcome(job, JobStatus.map, over_memory(limits), time.perf_counter() - start)
    except Exception as exc:  # a bug: reported as an internal error, the batch goes on
        if _near_memory_limit(exc, memory):
            outcome = JobOutcome(
                job, JobStatus.map, over_memory(limits), time.perf_counter() - start
            )
        else:
            outcome = JobOutcome(job, JobStatus.internal, f"{type(exc).__name__}: {exc}")
    if _CpuWatch.over:
        # Passed the limit though the render swallowed the signal: the limit is the outcome.
        outcome = JobOutcome(job, JobStatus.map, over_time(limits), time.perf_counter() - start)
    send_outcome(send, outcome)


EXIT_MEMORY = 75
"""The exit code of a worker too short of memory even to send its outcome."""


def send_outcome(send: Connection, outcome: JobOutcome) -> None:
    """A worker's last act: its outcome to the parent, without the map (the parent has it), or
    :data:`EXIT_MEMORY` when even that does not fit in its memory limit."""
    if outcome.job.loaded is not None:
        outcome = replace(outcome, job=replace(outcome.job, loaded=None))
    try:
        send.send(outcome)
        send.close()
    except MemoryError:
        os._exit(EXIT_MEMORY)  # the parent reports the memory limit


def _near_memory_limit(exc: Exception, limit_bytes: int) -> bool:
    """Whether ``exc`` is native code failing an allocation under the memory limit.

    C code (cffi, Pango, Pillow) that gets NULL from malloc often returns an error without
    setting MemoryError, and Python then raises ``SystemError("error return without exception
    set")``. Such an error while the worker's peak resident memory came within reach of its
    address-space limit (resident memory is always less than address space) is the limit.
    """
    import resource
    import sys

    if not isinstance(exc, SystemError):
        return False
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = peak_kb if sys.platform == "darwin" else peak_kb * 1024  # macOS reports bytes
    return peak >= limit_bytes // 2


def preload_pdf() -> None:
    """Import WeasyPrint and the PDF renderer ahead of a job (a no-op when inherited). A failure
    is left for the job to meet again and report as its outcome, not as a worker's traceback."""
    try:
        from cjmap.render import pdf, weasy

        weasy.load()
        del pdf
    except Exception:
        return


def _head_start(jobs_in: Connection, send: Connection) -> None:
    """A forked worker started before the parent reads the map (:class:`.pool.HeadStart`).

    It imports WeasyPrint and the renderer while the parent validates the map, then waits for
    its job, which carries the map as the parent loaded it, or for the pipe to close when there
    is nothing to render. From there it is an ordinary forked worker under the same limits,
    counted from when the job arrives.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    preload_pdf()

    try:
        job, limits = jobs_in.recv()
    except (EOFError, OSError):  # nothing to render: the parent closed the pipe
        os._exit(0)
    jobs_in.close()
    _limited(job, limits, send)


# ---------------------------------------------------------------- a map over a limit


def over_time(limits: Limits) -> str:
    """The message of a map stopped at its CPU limit."""
    return (
        f"rendering stopped at its limit of {limits.cpu_seconds} s of CPU time: the map is too "
        "large to render (split it; CJMAP_RENDER_SECONDS raises the limit)"
    )


def over_memory(limits: Limits) -> str:
    """The message of a map stopped at its memory limit."""
    return (
        f"rendering stopped at its limit of {limits.memory_mb} MB of memory: the map is too "
        "large to render (split it; CJMAP_RENDER_MEMORY_MB raises the limit)"
    )
