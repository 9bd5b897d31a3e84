"""The fuzzer: hostile variations of the example maps through validate, the printers and render.

The only outcomes allowed are success or clean, located problems: never an exception, never a
diagnostic without a place or with raw control characters, never markup from a map in the HTML,
never a fetched URL in a PDF, never a case that takes longer than ``CASE_CPU_SECONDS`` of CPU.

The normal suite runs a few dozen cases (about 20 s). Run it longer on demand::

    CJMAP_FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/fuzz -n 0 -p no:cacheprovider -q

``CJMAP_FUZZ_PDF_ONE_IN`` (default 40) sets how often a valid map is also rendered to PDF,
``CJMAP_FUZZ_CLI_EXAMPLES`` (default 4) how many cases go through the real command line, and
``CJMAP_FUZZ_PROGRESS=FILE`` makes a long run note its progress in FILE every 100 cases.
docs/security.md records the long runs and what they found.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cjmap.diagnostics import has_errors
from cjmap.report import github, text
from cjmap.report import json as json_report
from cjmap.text import unsafe_characters
from cjmap.validate import ValidationResult, validate_paths

from .strategies import MARKER_TAG, Case, cases

pytestmark = pytest.mark.posix_only  # SIGALRM stops a hung case

EXAMPLES_N = int(os.environ.get("CJMAP_FUZZ_EXAMPLES", "40"))
PDF_ONE_IN = int(os.environ.get("CJMAP_FUZZ_PDF_ONE_IN", "40"))
CLI_N = int(os.environ.get("CJMAP_FUZZ_CLI_EXAMPLES", "4"))
CASE_CPU_SECONDS = 60.0
"""The bound of one case, in CPU seconds of this process (so that other work sharing the cores
does not fail a case): a typical case takes 50-300 ms and a PDF 1-6 s. Overlong words no longer
cost minutes of layout (``render/wrapping.py``); a case over this bound is a finding."""
CASE_WALL_SECONDS = 600.0
"""A case that waits rather than computes (it never should) is a hang after this long."""
PROGRESS = os.environ.get("CJMAP_FUZZ_PROGRESS")
"""A file that gets one line per 100 cases of a long run (cases so far, valid maps so far)."""
_count = {"cases": 0, "valid": 0}


def progress(valid: bool) -> None:
    _count["cases"] += 1
    _count["valid"] += valid
    if PROGRESS and _count["cases"] % 100 == 0:
        with open(PROGRESS, "a", encoding="utf-8") as handle:
            handle.write(
                f"{time.strftime('%H:%M:%S')} {_count['cases']} cases, {_count['valid']} valid\n"
            )


TODAY = dt.date(2027, 2, 1)

FUZZ = settings(
    max_examples=EXAMPLES_N,
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
CODE = re.compile(r"CJM\d{3}")
GITHUB_LINE = re.compile(r"::(error|warning|notice) file=[^:]*,line=\d+,col=\d+(,[^:]*)?::.*")


def materialise(case: Case, folder: Path) -> Path:
    """The case's example folder copied into ``folder`` (a project root), the mutated file in it."""
    shutil.copytree(case.seed.folder, folder, dirs_exist_ok=True)
    (folder / ".git").mkdir(exist_ok=True)
    target = folder / case.seed.relative
    target.write_bytes(case.raw)
    return target


def check_diagnostics(result: ValidationResult) -> None:
    for d in result.diagnostics:
        assert d.file and d.line >= 1 and d.column >= 1, d
        assert CODE.fullmatch(d.code), d
        assert d.message.strip(), d
        for part in (d.message, d.hint or "", d.file, d.rule):
            assert not unsafe_characters(part), d
        source = result.source_of(d.file)
        if source is not None:
            assert d.line <= source.count("\n") + 2, d
    for loaded in result.maps:
        # A map that did not load says why.
        assert loaded.ok or has_errors(loaded.diagnostics), loaded.file


def check_printers(result: ValidationResult) -> None:
    out = io.StringIO()
    text.print_text(result.diagnostics, result.source_of, out, files=result.files, color=False)
    printed = out.getvalue()
    assert "\x1b" not in printed
    for line in printed.splitlines():
        assert not line.startswith("::"), line
    annotations = github.render(result.diagnostics, files=result.checked).splitlines()
    assert len(annotations) == len(result.diagnostics) + 1
    for line in annotations[:-1]:
        assert GITHUB_LINE.fullmatch(line), line
    json_report.render(result.diagnostics, files=result.checked, today=TODAY)


def check_render(result: ValidationResult, target: Path, pdf: bool) -> None:
    from cjmap.render import render_html

    chosen = [m for m in result.maps if m.ok and m.path == target]
    if not chosen and target.suffix == ".yaml" and not target.name.endswith(".cjm.yaml"):
        chosen = [m for m in result.maps if m.ok][:1]  # a persona file: render a map using it
    for loaded in chosen:
        html = render_html(loaded, on=TODAY)
        assert MARKER_TAG not in html
        assert "<script" not in html.lower()
        assert "<img src=x" not in html
        if pdf:
            from cjmap.render.pdf import MissingGlyphs, RenderLog, render_pdf

            log = RenderLog()
            try:
                data = render_pdf(loaded, on=TODAY, log=log)
            except MissingGlyphs:
                continue  # a clean, reported refusal: no font draws some fuzzed character
            assert data.startswith(b"%PDF-")
            assert log.refused == []


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="cjmap-fuzz-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def hang_guard() -> Iterator[None]:
    """Fail a case still running after CASE_WALL_SECONDS, where it is: a hang would otherwise
    stop the run without a word."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals work in the main thread only
        return

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"a fuzz case ran for more than {CASE_WALL_SECONDS:.0f} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(int(CASE_WALL_SECONDS))
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@FUZZ
@given(case=cases(), pdf=st.integers(min_value=1, max_value=PDF_ONE_IN))
def test_validate_and_render_never_crash(workdir: Path, case: Case, pdf: int) -> None:
    folder = Path(tempfile.mkdtemp(dir=workdir))
    try:
        start, cpu = time.perf_counter(), time.process_time()
        target = materialise(case, folder)
        is_map = target.name.endswith(".cjm.yaml")
        with hang_guard():
            result = validate_paths([target if is_map else folder], today=TODAY)
            errors = sorted({d.code for d in result.diagnostics if d.severity == "error"})
            event("valid" if not errors else "errors: " + " ".join(errors[:3]))
            progress(not errors)
            check_diagnostics(result)
            check_printers(result)
            check_render(result, target, pdf == 1)
        assert time.process_time() - cpu < CASE_CPU_SECONDS
        assert time.perf_counter() - start < CASE_WALL_SECONDS
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@settings(FUZZ, max_examples=CLI_N)
@given(case=cases())
def test_cli_never_crashes(workdir: Path, case: Case) -> None:
    folder = Path(tempfile.mkdtemp(dir=workdir))
    try:
        target = materialise(case, folder)
        env = {**os.environ, "NO_COLOR": "1", "CJMAP_DEBUG": ""}
        cjmap = [sys.executable, "-m", "cjmap"]
        checked = subprocess.run(
            [*cjmap, "validate", "--format", "github", str(folder)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
        )
        assert checked.returncode in (0, 1), checked.stderr
        assert "Traceback" not in checked.stderr and "internal error" not in checked.stderr
        lines = checked.stdout.splitlines()
        for line in lines[:-1]:
            assert GITHUB_LINE.fullmatch(line), line
        assert not lines[-1].startswith("::")
        rendered = subprocess.run(
            [*cjmap, "render", "--format", "html", "-o", str(folder / "out"), str(target)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
        )
        assert rendered.returncode in (0, 1, 2), rendered.stderr
        assert "Traceback" not in rendered.stderr and "internal error" not in rendered.stderr
        assert "\x1b" not in rendered.stdout + rendered.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)
