"""Bounded time and memory on any input (docs/security.md states the bounds).

``validate`` is bounded by the caps of the reader (8 MB, 1,000,000 values, 64 levels, 100
problems per file): these tests run it under a hard address-space limit. ``render`` runs each
map in a worker with CPU and memory limits: these tests lower them and check that a map that
needs more is a clean, reported problem with no output written.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

# The bounds tested here are Linux's rlimits (docs/security.md gives each platform's); on macOS
# and Windows the polled sandbox has its own tests (tests/render/batch/test_pool.py).
pytestmark = pytest.mark.linux_only
resource = pytest.importorskip("resource", reason="the bounds are rlimits (POSIX)")

from cjmap.render import batch  # noqa: E402
from cjmap.render.batch import Limits, sandbox  # noqa: E402

from . import generate  # noqa: E402
from .conftest import ROOT, cli  # noqa: E402

OLD = b"old output\n"
GB = 1024**3


def run_limited(
    args: list[str], memory: int, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """The CLI with a hard address-space limit: going over it fails the run."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "cjmap", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=limit,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def stages_30(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid map of about 100 stages: WeasyPrint needs ~15 s of CPU for it (2026, a 2-core
    cloud machine), many times the 1 s limit the test sets, on any machine."""
    folder = tmp_path_factory.mktemp("render-limits")
    (folder / ".git").mkdir()
    path = folder / "big.cjm.yaml"
    path.write_text(generate.big_map(100_000))
    return path


def test_render_stops_at_its_cpu_limit(stages_30: Path) -> None:
    target = stages_30.parent / "big.pdf"
    target.write_bytes(OLD)
    result = cli("render", stages_30, "-o", target, env={"CJMAP_RENDER_SECONDS": "1"}, timeout=120)
    assert result.returncode == 1, result.stderr
    assert (
        f"cjmap: {stages_30}: rendering stopped at its limit of 1 s of CPU time: the map is too "
        "large to render (split it; CJMAP_RENDER_SECONDS raises the limit)"
    ) in result.stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in stages_30.parent.iterdir()) == [".git", "big.cjm.yaml", "big.pdf"]


def test_render_stops_at_its_memory_limit(stages_30: Path) -> None:
    target = stages_30.parent / "mem.pdf"
    result = cli(
        "render", stages_30, "-o", target, env={"CJMAP_RENDER_MEMORY_MB": "200"}, timeout=120
    )
    assert result.returncode == 1, result.stderr
    assert (
        f"cjmap: {stages_30}: rendering stopped at its limit of 200 MB of memory: the map is too "
        "large to render (split it; CJMAP_RENDER_MEMORY_MB raises the limit)"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


@dataclass(frozen=True)
class _QuickWall(Limits):
    @property
    def wall_seconds(self) -> float:
        return 2.0


def _sleep_forever(job: batch.Job, before_write: object = None) -> batch.JobOutcome:
    time.sleep(60)  # waits without using CPU: only the parent's wall clock can stop it
    raise AssertionError("unreachable")


@pytest.mark.skipif(
    batch.sandbox_kind() is not batch.SandboxKind.RLIMITS,
    reason="patches render_one in the parent, which only a forked worker sees "
    "(tests/render/batch/test_pool.py covers the wall clock of spawned workers)",
)
def test_a_worker_that_waits_is_killed_at_the_wall_clock_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The forked worker calls the patched render_one: it sleeps instead of rendering.
    monkeypatch.setattr(sandbox, "render_one", _sleep_forever)
    target = tmp_path / "out.html"
    job = batch.Job(
        ROOT / "examples" / "colleen" / "current.cjm.yaml", target, batch.OutputFormat.html
    )
    limits = _QuickWall(cpu_seconds=1)
    start = time.monotonic()
    [outcome] = batch.render_jobs([job], workers=1, limits=limits).outcomes
    assert time.monotonic() - start < 30
    assert (outcome.status, outcome.message) == (
        "map",
        "rendering stopped at its limit of 1 s of CPU time: the map is too large to render "
        "(split it; CJMAP_RENDER_SECONDS raises the limit)",
    )
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_default_limits() -> None:
    assert Limits() == Limits(cpu_seconds=120, memory_mb=2048)
    assert Limits().wall_seconds == 390


def test_validate_millions_of_values_in_one_gigabyte(project: Path) -> None:
    path = project / "wide.cjm.yaml"
    path.write_text(generate.wide_list(4_000_000))
    result = run_limited(["validate", "--no-source", str(path)], memory=GB)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "error: more than 1,000,000 values in one file" in result.stdout


def test_validate_900_000_errors_in_one_gigabyte(project: Path) -> None:
    """A hundred located errors (the first items), then the total; not 900,000 lines."""
    path = project / "bad.cjm.yaml"
    path.write_text(generate.HEAD + "tags: [" + ",".join(["1"] * 900_000) + "]\n")
    result = run_limited(["validate", "--no-source", str(path)], memory=GB)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "900,000 problems in this file; only the first 100 are shown" in result.stdout
    assert result.stdout.count("error: tags must be text, got a number") == 100
    for i in (0, 99):
        assert f":4:{8 + 2 * i}: error: tags must be text, got a number" in result.stdout


def test_validate_an_8_mb_map_in_one_gigabyte(project: Path) -> None:
    path = project / "big.cjm.yaml"
    path.write_text(generate.big_map(7_900_000))
    result = run_limited(["validate", "--no-source", "--today", "2027-02-01", str(path)], memory=GB)
    # Valid: ~4,800 stages, only lint warnings (no stage owners, few metrics...).
    assert result.returncode == 0, result.stderr[-2000:]
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("1 file checked: ") and " error" not in summary


def test_a_native_allocation_failure_near_the_limit_is_the_memory_limit() -> None:
    # SystemError is what Python raises when C code returns NULL without setting MemoryError.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    failed = SystemError("error return without exception set")
    assert sandbox._near_memory_limit(failed, peak)
    assert not sandbox._near_memory_limit(failed, 4 * peak)
    assert not sandbox._near_memory_limit(ValueError("a bug"), peak)


def test_a_map_too_large_for_a_pdf_is_refused_before_layout(tmp_path: Path) -> None:
    # ~4,500 stages (7.5 MB of the example's stages): laid out, it would run ~20 minutes of CPU
    # and need ~10 GB. The estimate
    # refuses it after loading, with the numbers, and the CPU time shows no layout was started
    # (the 120 s CPU limit stays, so a test run cannot hang on it either).
    (tmp_path / ".git").mkdir()
    path = tmp_path / "huge.cjm.yaml"
    path.write_text(generate.big_map(7_500_000))
    target = tmp_path / "huge.pdf"
    target.write_bytes(OLD)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    result = cli("render", path, "-o", target, timeout=300)
    spent = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
    assert result.returncode == 1, result.stderr
    assert re.search(
        r"the map is too large to render to PDF: its [\d,]+ text boxes in \d,\d\d\d stages would "
        r"need at least [\d,]+ MB of memory, over the limit of 2,048 MB \(split it; "
        r"CJMAP_RENDER_MEMORY_MB raises the limit; HTML has no such limit\)",
        result.stderr,
    ), result.stderr
    assert target.read_bytes() == OLD
    assert spent < 60  # loading it (validate; the worker inherits the map); no layout began
