"""Rendering many maps: where each output goes, and a process pool that renders them.

``plan_outputs`` decides the target of every map (one file, a folder mirroring the input
folders, or beside each map); ``render_jobs`` renders them, in parallel worker processes that
import WeasyPrint once each. Every output is written through :func:`cjmap.output.write_atomic`,
so a failed or interrupted render leaves no partial file and keeps an earlier good one.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from cjmap.load.files import MAP_SUFFIXES, display
from cjmap.render.limits import Limits
from cjmap.validate import ValidationResult

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

HTML_SUFFIXES = (".html", ".htm")


class Format(StrEnum):
    html = "html"
    pdf = "pdf"


class PlanProblem(Exception):
    """The outputs cannot be planned (usage error); the message says why."""


@dataclass(frozen=True)
class Job:
    """One map to render to one file."""

    source: Path
    target: Path
    format: Format
    template: str | None = None
    paper: str = "a4"
    on: dt.date | None = None
    allow_missing_glyphs: bool = False
    make_folders: Path | None = None
    """The output folder of a batch: folders below it are created as needed."""


@dataclass
class Outcome:
    """How one job went. ``status`` is ``ok``, ``map`` (problem in the map) or ``io``."""

    job: Job
    status: str
    message: str | None = None
    seconds: float = 0.0
    bytes: int = 0


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "ok"]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status != "ok"]


def output_stem(path: Path) -> str:
    """``current.cjm.yaml`` -> ``current``; ``map.yaml`` -> ``map``."""
    name = path.name
    for suffix in (*MAP_SUFFIXES, ".yaml", ".yml"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem or name


def format_from_suffix(path: Path) -> Format | None:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return Format.pdf
    if suffix in HTML_SUFFIXES:
        return Format.html
    return None


def choose_format(out: Path | None, requested: Format | None, single_file: bool) -> Format:
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
    return Format.pdf


def plan_outputs(
    inputs: list[tuple[Path, Path | None]],
    out: Path | None,
    fmt: Format,
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


# ---------------------------------------------------------------- rendering


def render_one(job: Job, before_write: Callable[[], None] | None = None) -> Outcome:
    """Load, render and write one map (runs in a worker process or in-process).

    ``before_write`` runs between rendering and writing: the sandbox's last chance to refuse
    the output (see :class:`_CpuWatch`), so that a render over its limit writes nothing.
    """
    from cjmap.load.loader import Loader
    from cjmap.output import OutputProblem, write_atomic
    from cjmap.render.html import TemplateMismatch, render_html

    start = time.perf_counter()
    loaded = Loader().load(job.source)
    if not loaded.ok:
        return Outcome(
            job,
            "map",
            "the map has errors; run `cjmap validate` on it",
            time.perf_counter() - start,
        )
    try:
        if job.format is Format.pdf:
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
                return Outcome(job, "map", str(exc), time.perf_counter() - start)
        else:
            data = render_html(loaded, template=job.template, paper=job.paper, on=job.on).encode(
                "utf-8"
            )
    except TemplateMismatch as exc:
        return Outcome(job, "usage", str(exc), time.perf_counter() - start)
    if before_write is not None:
        before_write()
    try:
        if job.make_folders is not None:
            _make_folders(job.make_folders, job.target.parent)
        write_atomic(job.target, data)
    except OutputProblem as exc:
        return Outcome(job, "io", str(exc), time.perf_counter() - start)
    except OSError as exc:
        return Outcome(
            job,
            "io",
            f"{job.target}: cannot write ({exc.strerror or exc})",
            time.perf_counter() - start,
        )
    return Outcome(job, "ok", None, time.perf_counter() - start, len(data))


def _make_folders(top: Path, folder: Path) -> None:
    """Create ``top`` (one level) and the folders from it down to ``folder``.

    A folder below ``top`` that is a symlink is refused, not followed: ``out/`` may be committed
    in the repository with ``out/maps -> ~`` in it, and outputs must stay inside ``-o``.
    """
    from cjmap.output import OutputProblem

    if not top.is_dir():
        top.mkdir(exist_ok=True)
    current = top
    for part in folder.relative_to(top).parts:
        current = current / part
        if current.is_symlink():
            raise OutputProblem(
                f"{display(current)}: is a symlink; cjmap does not write through symlinks"
            )
        current.mkdir(exist_ok=True)


def _init_worker(pdf: bool) -> None:
    """Import WeasyPrint once (before the workers fork), not once per map."""
    if pdf:
        from cjmap.render import weasy

        weasy.load()


def _compile_templates(langs: set[str]) -> None:
    """Compile every template for each language before the workers fork: each worker would
    otherwise import and compile them again for its one map (~0.3 s of every map)."""
    from cjmap.render.html import environment, templates_root

    names = [node.name for node in templates_root().iterdir() if node.name.endswith(".j2")]
    for lang in sorted(langs):
        env = environment(lang)
        for name in names:
            env.get_template(name)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


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
            outcome = render_one(job, before_write=_commit)
        finally:
            _CpuWatch.reporting = True
    except _OverTime:
        outcome = Outcome(job, "map", _over_time(limits), time.perf_counter() - start)
    except MemoryError:
        outcome = Outcome(job, "map", _over_memory(limits), time.perf_counter() - start)
    except Exception as exc:  # a bug: reported as an internal error, the batch goes on
        if _near_memory_limit(exc, memory):
            outcome = Outcome(job, "map", _over_memory(limits), time.perf_counter() - start)
        else:
            outcome = Outcome(job, "internal", f"{type(exc).__name__}: {exc}")
    if _CpuWatch.over:
        # Passed the limit though the render swallowed the signal: the limit is the outcome.
        outcome = Outcome(job, "map", _over_time(limits), time.perf_counter() - start)
    try:
        send.send(outcome)
        send.close()
    except MemoryError:
        os._exit(_EXIT_MEMORY)  # the parent reports the memory limit


_EXIT_MEMORY = 75


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


def _over_time(limits: Limits) -> str:
    return (
        f"rendering stopped at its limit of {limits.cpu_seconds} s of CPU time: the map is too "
        "large to render (split it; CJMAP_RENDER_SECONDS raises the limit)"
    )


def _over_memory(limits: Limits) -> str:
    return (
        f"rendering stopped at its limit of {limits.memory_mb} MB of memory: the map is too "
        "large to render (split it; CJMAP_RENDER_MEMORY_MB raises the limit)"
    )


def render_jobs(
    jobs: list[Job],
    *,
    workers: int | None = None,
    on_done: Callable[[Outcome], None] | None = None,
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
    count = min(workers or default_workers(), len(jobs))
    _init_worker(any(j.format is Format.pdf for j in jobs))
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    waiting = list(enumerate(jobs))
    running: dict[int, tuple[BaseProcess, Connection, float, float]] = {}
    by_job: dict[int, Outcome] = {}
    try:
        while waiting or running:
            while waiting and len(running) < count:
                index, job = waiting.pop(0)
                receive, send = context.Pipe(duplex=False)
                worker: BaseProcess = context.Process(
                    target=_limited, args=(job, limits, send), daemon=True
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


def _collect(
    job: Job,
    process: BaseProcess,
    receive: Connection,
    started: float,
    deadline: float,
    limits: Limits,
) -> Outcome | None:
    """The outcome of a finished (or overdue) worker; None while it is still working."""
    import signal

    outcome: Outcome | None = None
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
        return outcome
    seconds = time.monotonic() - started
    code = process.exitcode
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        return Outcome(job, "map", _over_time(limits), seconds)
    if code in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS, -signal.SIGTRAP, _EXIT_MEMORY):
        # Native code (cairo, pango) failing an allocation under the memory limit; GLib's
        # g_error() on a failed allocation raises SIGTRAP.
        return Outcome(job, "map", _over_memory(limits), seconds)
    return Outcome(job, "internal", f"the render worker stopped (exit code {code})", seconds)


@dataclass
class RenderRun:
    """What ``render_paths`` did: the validation of the inputs, then one outcome per map."""

    validation: ValidationResult
    batch: BatchResult
    blocked: list[str] = field(default_factory=list)
    """Maps not rendered because they have errors (their diagnostics are in ``validation``)."""

    @property
    def exit_code(self) -> int:
        codes = [0]
        if self.blocked or any(o.status == "map" for o in self.batch.outcomes):
            codes.append(1)
        if self.validation.missing or any(o.status in ("io", "usage") for o in self.batch.outcomes):
            codes.append(2)
        if any(o.status == "internal" for o in self.batch.outcomes):
            codes.append(3)
        return max(codes)


def render_paths(
    paths: list[Path],
    *,
    out: Path | None = None,
    fmt: Format | None = None,
    template: str | None = None,
    paper: str = "a4",
    workers: int | None = None,
    on: dt.date | None = None,
    allow_missing_glyphs: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[Outcome], None] | None = None,
) -> RenderRun:
    """Validate the maps under ``paths`` and render the valid ones (see :func:`plan_outputs`).

    Raises :class:`PlanProblem` for a usage problem found before anything is rendered.
    """
    from cjmap.load.files import collect_maps
    from cjmap.validate import validate_paths

    validation = validate_paths(paths, lint=False)
    folder_of: dict[Path, Path | None] = {}
    for arg in paths:
        if arg.is_dir():
            for found in collect_maps([arg])[0]:
                folder_of.setdefault(found, arg)
        else:
            folder_of.setdefault(arg, None)
    single_file = len(paths) == 1 and not paths[0].is_dir()
    chosen = choose_format(out, fmt, single_file)
    if out is not None and not (single_file and not out.is_dir()) and not out.is_dir():
        if out.exists():
            raise PlanProblem(f"-o {out}: is a file; several maps need a folder to go into")
        if format_from_suffix(out) is not None:
            raise PlanProblem(
                f"-o {out}: several maps need a folder to go into, not one {out.suffix} file"
            )
    valid = [m for m in validation.maps if m.ok]
    blocked = [m.file for m in validation.maps if not m.ok]
    inputs = [(m.path, folder_of.get(m.path)) for m in valid]
    pairs = plan_outputs(inputs, out, chosen, single_file=single_file) if inputs else []
    batch_folder = out if out is not None and not (single_file and not out.is_dir()) else None
    jobs = [
        Job(src, target, chosen, template, paper, on, allow_missing_glyphs, batch_folder)
        for src, target in pairs
    ]
    if on_start:
        on_start(len(jobs))
    if len(jobs) > 1:
        _compile_templates({m.doc.lang for m in valid if m.doc is not None})
    batch = render_jobs(jobs, workers=workers, on_done=on_done)
    return RenderRun(validation, batch, blocked)
