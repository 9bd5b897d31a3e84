"""Rendering many maps: where each output goes, and worker processes that render them.

``render_paths`` validates the maps under some paths, plans an output for each valid one and
renders them, each in its own worker under CPU and memory limits (forked with kernel limits on
Linux, spawned and measured by the parent elsewhere: ``sandbox_kind``). Every output is
written through :func:`cjmap.output.write_atomic`, so a failed or interrupted render leaves no
partial file and keeps an earlier good one.

    plan.py     where each output goes: OutputFormat, Job, plan_outputs (no rendering, no writing)
    sandbox.py  one job in one worker under limits -> JobOutcome (render_one, sandbox_kind,
                _limited: Linux's forked worker, _head_start: a one-map PDF's early one)
    spawned.py  the spawned worker of macOS and Windows, which the parent measures
    pool.py     many jobs on workers, polled where the kernel cannot limit them -> BatchResult
                (render_jobs)
    run.py      render_paths: validate (the only load of each map), plan, render -> RenderRun

Imports point one way: plan <- sandbox <- spawned <- pool <- run.
"""

from __future__ import annotations

from cjmap.choices import OutputFormat
from cjmap.render.batch.plan import (
    Job,
    PlanProblem,
    choose_format,
    format_from_suffix,
    output_folder,
    output_stem,
    plan_outputs,
)
from cjmap.render.batch.pool import BatchResult, render_jobs
from cjmap.render.batch.run import RenderRun, render_paths
from cjmap.render.batch.sandbox import JobOutcome, JobStatus, SandboxKind, sandbox_kind
from cjmap.render.limits import Limits

__all__ = [
    "BatchResult",
    "Job",
    "JobOutcome",
    "JobStatus",
    "Limits",
    "OutputFormat",
    "PlanProblem",
    "RenderRun",
    "SandboxKind",
    "choose_format",
    "format_from_suffix",
    "output_folder",
    "output_stem",
    "plan_outputs",
    "render_jobs",
    "render_paths",
    "sandbox_kind",
]
