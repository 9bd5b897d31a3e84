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
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cjmap.project import MAP_SUFFIXES, display
from cjmap.validate import ValidationResult

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


def render_one(job: Job) -> Outcome:
    """Load, render and write one map (runs in a worker process or in-process)."""
    from cjmap.loader import Loader
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
            from cjmap.render.pdf import MissingGlyphs, render_pdf

            try:
                data = render_pdf(
                    loaded,
                    template=job.template,
                    paper=job.paper,
                    on=job.on,
                    allow_missing_glyphs=job.allow_missing_glyphs,
                )
            except MissingGlyphs as exc:
                return Outcome(job, "map", str(exc), time.perf_counter() - start)
        else:
            data = render_html(loaded, template=job.template, paper=job.paper, on=job.on).encode(
                "utf-8"
            )
    except TemplateMismatch as exc:
        return Outcome(job, "usage", str(exc), time.perf_counter() - start)
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
    """Create ``top`` (one level) and the folders from it down to ``folder``."""
    if not top.is_dir():
        top.mkdir(exist_ok=True)
    folder.mkdir(parents=True, exist_ok=True)


def _init_worker(pdf: bool) -> None:
    """Import WeasyPrint once per worker process, not once per map."""
    if pdf:
        import weasyprint  # type: ignore[import-untyped]  # noqa: F401


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def render_jobs(
    jobs: list[Job],
    *,
    workers: int | None = None,
    on_done: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Render ``jobs``, in parallel when there are several; outcomes in the order of ``jobs``."""
    result = BatchResult()
    if not jobs:
        return result
    count = min(workers or default_workers(), len(jobs))
    if count <= 1:
        for job in jobs:
            outcome = render_one(job)
            result.outcomes.append(outcome)
            if on_done:
                on_done(outcome)
        return result
    pdf = any(j.format is Format.pdf for j in jobs)
    by_job: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=count, initializer=_init_worker, initargs=(pdf,)) as pool:
        pending: dict[Future[Outcome], int] = {
            pool.submit(render_one, job): i for i, job in enumerate(jobs)
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                try:
                    outcome = future.result()
                except Exception as exc:  # a crash in a worker: report it, go on with the rest
                    outcome = Outcome(jobs[index], "internal", f"{type(exc).__name__}: {exc}")
                by_job[index] = outcome
                if on_done:
                    on_done(outcome)
    result.outcomes = [by_job[i] for i in range(len(jobs))]
    return result


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
    from cjmap.project import collect_maps
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
    batch = render_jobs(jobs, workers=workers, on_done=on_done)
    return RenderRun(validation, batch, blocked)
