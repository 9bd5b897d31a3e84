"""The polled sandbox (macOS, Windows), simulated on Linux: spawned workers that load their map,
and a parent that stops them at the CPU, memory and wall-clock limits with the usual messages.

The simulation hides ``resource`` (``import resource`` fails, as on Windows) and leaves only the
``spawn`` start method in this process; the spawned workers are ordinary Linux processes, so
what is tested is the parent's choice and its polling, and the workers' own path.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cjmap.render.batch import (
    Job,
    Limits,
    OutputFormat,
    SandboxKind,
    render_jobs,
    render_paths,
    sandbox_kind,
)
from hostile.generate import big_map

from ..conftest import EXAMPLES, ON, ROOT

OLD = b"old output\n"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """This process as on Windows (no ``resource``, only ``spawn``); the start methods asked for."""
    import psutil  # noqa: F401  (first: psutil itself imports resource on Linux)

    monkeypatch.setitem(sys.modules, "resource", None)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert sandbox_kind() is SandboxKind.POLLED
    asked: list[str] = []
    real: Callable[..., Any] = multiprocessing.get_context

    def spy(method: str | None = None) -> Any:
        asked.append(str(method))
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", spy)
    return asked


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid map of about 100 stages: ~15-20 s of CPU and ~280 MB to lay out (2026, a 2-core
    cloud machine), many times the limits the tests set."""
    folder = tmp_path_factory.mktemp("polled")
    (folder / ".git").mkdir()
    path = folder / "big.cjm.yaml"
    path.write_text(big_map(100_000))
    return path


# Every template and every script, in spawned workers: the examples themselves are rendered by
# forked workers for every render test (tests/render/conftest.py); here it is the spawned
# worker's own path that is under test, so one map of each kind is enough.
SPAWNED = [
    "colleen/day-in-the-life.cjm.yaml",
    "colleen/empathy.cjm.yaml",
    "mk/future.cjm.yaml",
    "ru/bank-card.cjm.yaml",
    "zh/online-shop.cjm.yaml",
]


def test_a_map_of_each_kind_and_script_renders_to_pdf_in_spawned_workers(
    started: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    paths = [EXAMPLES / name for name in SPAWNED]
    run = render_paths(paths, out=out, fmt=OutputFormat.pdf, workers=2, on=ON)
    assert run.exit_code == 0, [(o.job.source, o.message) for o in run.batch.failed]
    written = sorted(p.name for p in out.rglob("*.pdf"))
    assert written == sorted(
        name.split("/")[1].removesuffix(".cjm.yaml") + ".pdf" for name in SPAWNED
    )
    assert all((out / name).read_bytes().startswith(b"%PDF-") for name in written)
    assert set(started) == {"spawn"}
    assert all(o.job.loaded is not None for o in run.batch.outcomes)  # the caller's jobs


def _message(limit: str) -> str:
    variable = "CJMAP_RENDER_SECONDS" if "CPU" in limit else "CJMAP_RENDER_MEMORY_MB"
    return (
        f"rendering stopped at its limit of {limit}: the map is too large to render "
        f"(split it; {variable} raises the limit)"
    )


@dataclass(frozen=True)
class _QuickWall(Limits):
    """Not importable in a spawned worker: the parent must send plain Limits."""

    @property
    def wall_seconds(self) -> float:
        return 2.0


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (Limits(cpu_seconds=1), _message("1 s of CPU time")),
        # The worker holds ~75 MB once it has imported WeasyPrint and loaded the map; the
        # layout passes 128 MB after ~2.5 s of CPU (and would reach ~280 MB).
        (Limits(memory_mb=128), _message("128 MB of memory")),
        # The wall clock stops a worker the CPU limit has not reached yet.
        (_QuickWall(cpu_seconds=100), _message("100 s of CPU time")),
    ],
    ids=["cpu", "memory", "wall-clock"],
)
def test_the_parent_stops_a_worker_at_a_limit(
    started: list[str], big: Path, tmp_path: Path, limits: Limits, message: str
) -> None:
    target = tmp_path / "big.pdf"
    target.write_bytes(OLD)
    [outcome] = render_jobs(
        [Job(big, target, OutputFormat.pdf, on=ON)], workers=1, limits=limits
    ).outcomes
    assert (outcome.status, outcome.message) == ("map", message)
    assert outcome.seconds < 30
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["big.pdf"]  # no temporary file left
    assert started == ["spawn"]


def test_without_psutil_every_map_is_a_clean_internal_error(
    started: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "psutil", None)
    job = Job(EXAMPLES / "colleen" / "current.cjm.yaml", tmp_path / "x.pdf", OutputFormat.pdf)
    [outcome] = render_jobs([job], workers=1).outcomes
    assert (outcome.status, outcome.message) == (
        "internal",
        "rendering on this platform needs psutil to hold each map to its limits; "
        "install it (pip install 'psutil>=5.9')",
    )
    assert started == [] and not (tmp_path / "x.pdf").exists()


_AS_ON_WINDOWS = """\
import multiprocessing, sys
import psutil
sys.modules["resource"] = None
multiprocessing.get_all_start_methods = lambda: ["spawn"]
from cjmap.__main__ import main
sys.argv = ["cjmap", *sys.argv[1:]]
main()
"""


def test_the_command_renders_a_pdf_without_resource(tmp_path: Path) -> None:
    """The issue: ``cjmap render good.cjm.yaml -o x.pdf`` printed the worker's ImportError."""
    target = tmp_path / "x.pdf"
    source = EXAMPLES / "colleen" / "empathy.cjm.yaml"
    result = subprocess.run(
        [sys.executable, "-c", _AS_ON_WINDOWS, "render", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"wrote {target}\n"
    assert target.read_bytes().startswith(b"%PDF-")
