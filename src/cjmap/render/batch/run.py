"""``cjmap render`` as a library call: validate the maps, plan their outputs, render them.

Every map is loaded by the validation in the parent. Each job carries its loaded map, so a
forked worker (Linux) inherits it instead of reading the file again (a spawned worker, on macOS
and Windows, loads it again), and a ``--template`` that cannot show a map's kind is found here,
before any worker starts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cjmap.choices import OutputFormat
from cjmap.load.files import collect_maps
from cjmap.render.batch.plan import (
    Job,
    choose_format,
    output_folder,
    plan_outputs,
)
from cjmap.render.batch.pool import BatchResult, HeadStart, render_jobs
from cjmap.render.batch.sandbox import JobOutcome, JobStatus
from cjmap.validate import ValidationResult


@dataclass
class RenderRun:
    """What ``render_paths`` did: the validation of the inputs, then one outcome per map."""

    validation: ValidationResult
    batch: BatchResult
    blocked: list[str] = field(default_factory=list)
    """Maps not rendered because they have errors (their diagnostics are in ``validation``)."""

    @property
    def exit_code(self) -> int:
        statuses = {o.status for o in self.batch.outcomes}
        codes = [0]
        if self.blocked or JobStatus.map in statuses:
            codes.append(1)
        if self.validation.missing or statuses & {JobStatus.io, JobStatus.usage}:
            codes.append(2)
        if JobStatus.internal in statuses:
            codes.append(3)
        return max(codes)


def render_paths(
    paths: list[Path],
    *,
    out: Path | None = None,
    fmt: OutputFormat | None = None,
    template: str | None = None,
    paper: str = "a4",
    workers: int | None = None,
    on: dt.date | None = None,
    allow_missing_glyphs: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[JobOutcome], None] | None = None,
) -> RenderRun:
    """Validate the maps under ``paths`` and render the valid ones (see :func:`plan_outputs`).

    Raises :class:`PlanProblem` for a usage problem found before anything is rendered.
    """
    from cjmap.validate import validate_paths

    single_file = len(paths) == 1 and not paths[0].is_dir()
    chosen = choose_format(out, fmt, single_file)
    # One PDF: its worker starts now and imports WeasyPrint while this process validates.
    head_start = HeadStart.begin() if single_file and chosen is OutputFormat.pdf else None
    try:
        found_under, missing = _walk(paths)
        # The files found, not the folders: the folders are walked once, above. The missing
        # paths are passed on so that the validation reports them as it always does.
        validation = validate_paths([*found_under, *missing], lint=False)
        folder = output_folder(out, single_file=single_file)
        valid = [m for m in validation.maps if m.ok]
        blocked = [m.file for m in validation.maps if not m.ok]
        inputs = [(m.path, found_under.get(m.path)) for m in valid]
        pairs = plan_outputs(inputs, out, chosen, single_file=single_file) if inputs else []
        loaded = {m.path: m for m in valid}
        jobs = [
            Job(
                source,
                target,
                chosen,
                template=template,
                paper=paper,
                on=on,
                allow_missing_glyphs=allow_missing_glyphs,
                make_folders=folder,
                loaded=loaded[source],
            )
            for source, target in pairs
        ]
        if on_start:
            on_start(len(jobs))
        refused = _template_mismatches(jobs)
        for outcome in refused.values():
            if on_done:
                on_done(outcome)
        to_render = [job for index, job in enumerate(jobs) if index not in refused]
        batch = render_jobs(to_render, workers=workers, on_done=on_done, head_start=head_start)
    finally:
        if head_start is not None:
            head_start.cancel()  # a no-op once it took the job
    rendered = iter(batch.outcomes)
    outcomes = [refused[i] if i in refused else next(rendered) for i in range(len(jobs))]
    return RenderRun(validation, BatchResult(outcomes), blocked)


def _walk(paths: list[Path]) -> tuple[dict[Path, Path | None], list[Path]]:
    """The maps under ``paths`` in the order the validation finds them, each with the folder
    it was found under (None: named itself), and the paths that do not exist."""
    found_under: dict[Path, Path | None] = {}
    missing: list[Path] = []
    for arg in paths:
        folder = arg if arg.is_dir() else None
        files, gone = collect_maps([arg])
        for path in files:
            found_under.setdefault(path, folder)
        missing += [path for path, _why in gone]
    return found_under, missing


def _template_mismatches(jobs: list[Job]) -> dict[int, JobOutcome]:
    """The jobs whose template cannot show their map's kind, by index: a usage problem of
    that map (the others are still rendered), reported without starting a worker."""
    from cjmap.render.html import TemplateMismatch, check_template

    refused: dict[int, JobOutcome] = {}
    for index, job in enumerate(jobs):
        if job.loaded is None:
            continue
        try:
            check_template(job.loaded, job.template)
        except TemplateMismatch as exc:
            refused[index] = JobOutcome(job, JobStatus.usage, str(exc))
    return refused
