"""Shared fixtures of the render tests: every example rendered once per session.

Rendering is the slow part (a PDF takes one to four seconds), so the examples are rendered once,
in parallel through the real batch code (``render_jobs``), and every test reads the same files
(every xdist worker too).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest

from cjmap.load.loader import LoadedMap, Loader
from cjmap.render.batch import Job, OutputFormat, render_jobs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ON = dt.date(2027, 2, 1)
"""The day the tests render on: some action items are overdue then, some are not."""

EXAMPLE_MAPS = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*.cjm.yaml"))


@dataclass
class Rendered:
    """One example map, loaded, and rendered to HTML and PDF."""

    name: str
    loaded: LoadedMap
    html_path: Path
    pdf_path: Path

    @property
    def html(self) -> str:
        return self.html_path.read_text(encoding="utf-8")

    @property
    def pdf(self) -> bytes:
        return self.pdf_path.read_bytes()

    @property
    def lang(self) -> str:
        assert self.loaded.doc is not None
        return self.loaded.doc.lang


def _render_examples(out: Path) -> None:
    jobs = []
    for name in EXAMPLE_MAPS:
        stem = name.replace("/", "__").removesuffix(".cjm.yaml")
        for fmt in (OutputFormat.html, OutputFormat.pdf):
            jobs.append(Job(EXAMPLES / name, out / f"{stem}.{fmt.value}", fmt, on=ON))
    result = render_jobs(jobs, workers=os.cpu_count() or 2)
    failed = [(o.job.source, o.message) for o in result.failed]
    assert not failed, failed


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    # Rendered once per test run: under pytest-xdist the workers share one folder (the first
    # to take the lock renders, the others wait and read), instead of each rendering them all.
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    out = shared / "rendered-examples"
    with FileLock(str(shared / "rendered-examples.lock")):
        if not (out / "done").exists():
            out.mkdir(exist_ok=True)
            _render_examples(out)
            (out / "done").touch()
    loader = Loader()
    rendered = {}
    for name in EXAMPLE_MAPS:
        stem = name.replace("/", "__").removesuffix(".cjm.yaml")
        loaded = loader.load(EXAMPLES / name)
        rendered[name] = Rendered(name, loaded, out / f"{stem}.html", out / f"{stem}.pdf")
    return rendered


@pytest.fixture(params=EXAMPLE_MAPS)
def example(request: pytest.FixtureRequest, rendered_examples: dict[str, Rendered]) -> Rendered:
    return rendered_examples[request.param]


def load(path: Path) -> LoadedMap:
    loaded = Loader().load(path)
    assert loaded.ok, [d.message for d in loaded.diagnostics]
    return loaded


def pdf_text(data: bytes) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def squash(text: str) -> str:
    """Text without whitespace: extraction breaks lines where the layout wraps them."""
    return re.sub(r"\s+", "", text)


def write_map(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
