"""``pool.HeadStart``: a one-map PDF's worker begins before the map is read, and is never left
behind: it takes the job, or is stopped when there is none, or is replaced when it is gone."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from cjmap.load.loader import Loader
from cjmap.render.batch import Job, OutputFormat, render_jobs, render_paths
from cjmap.render.batch.pool import HeadStart

from ..conftest import FIXTURES, ON, ROOT

pytestmark = pytest.mark.linux_only
BARE = FIXTURES / "bare.cjm.yaml"
"""Two stages: a PDF in a fraction of a second, where the way it is rendered is what is tested."""


def test_one_pdf_is_rendered_by_its_head_start_and_the_parent_never_imports_weasyprint(
    tmp_path: Path,
) -> None:
    target = tmp_path / "bare.pdf"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cjmap.render.batch import render_paths\n"
        f"run = render_paths([Path({str(BARE)!r})], out=Path({str(target)!r}))\n"
        "print(run.exit_code, 'weasyprint' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.stdout.split() == ["0", "False"], result.stderr
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_map_with_errors_leaves_no_worker_behind(tmp_path: Path) -> None:
    broken = tmp_path / "broken.cjm.yaml"
    broken.write_text("version: 1\nkind: current-state\ntitle: [unclosed\n", encoding="utf-8")
    run = render_paths([broken], out=tmp_path / "broken.pdf")
    assert run.exit_code == 1 and run.blocked == [str(broken)]
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "broken.pdf").exists()


def test_html_needs_no_head_start(tmp_path: Path) -> None:
    run = render_paths([BARE], out=tmp_path / "bare.html", on=ON)
    assert run.exit_code == 0
    assert multiprocessing.active_children() == []


def test_a_head_start_that_died_is_replaced_by_an_ordinary_worker(tmp_path: Path) -> None:
    head = HeadStart()
    head.process.kill()
    head.process.join()
    job = Job(BARE, tmp_path / "c.pdf", OutputFormat.pdf, on=ON, loaded=Loader().load(BARE))
    [outcome] = render_jobs([job], workers=1, head_start=head).outcomes
    assert outcome.status == "ok", outcome.message
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF-")
    assert not head.waiting and multiprocessing.active_children() == []


def test_the_head_start_renders_the_map_the_parent_validated_not_the_file_as_it_is_now(
    tmp_path: Path,
) -> None:
    source = tmp_path / "bare.cjm.yaml"
    source.write_bytes(BARE.read_bytes())
    loaded = Loader().load(source)
    source.unlink()  # changed or gone after the check: the worker must not read it again
    job = Job(source, tmp_path / "bare.pdf", OutputFormat.pdf, on=ON, loaded=loaded)
    [outcome] = render_jobs([job], workers=1, head_start=HeadStart()).outcomes
    assert outcome.status == "ok", outcome.message
    assert (tmp_path / "bare.pdf").read_bytes().startswith(b"%PDF-")


def test_a_cancelled_head_start_is_gone_and_cancelling_again_is_harmless() -> None:
    head = HeadStart()
    head.cancel()
    head.cancel()
    assert head.process.exitcode is not None and not head.waiting
