"""Shared helpers of the hostile-input tests: a project folder, the real CLI, a request counter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cjmap.diagnostics import Diagnostic
from cjmap.validate import validate_paths

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY_ARGS = ("--today", "2027-02-01")

VALID = """\
cjmap: 1
kind: current-state
title: Buying online
owner: CX team
reviewed: 2026-10-01
persona:
  name: Colleen
  goals: [Buy a vacuum that lasts]
  needs: [Clear comparisons]
  quote: "I have no time."
  sources:
    - kind: interview
      note: 12 interviews
stages:
  - name: Research
    feeling: -1
    actions: [Reads reviews]
    touchpoints:
      - name: Review site
        channel: reviews
    owner: Marketing
  - name: Purchase
    feeling: 1
    actions: [Pays]
    moment_of_truth: true
    touchpoints:
      - name: Checkout
        channel: website
    metrics:
      - name: Conversion
        value: 2%
        target: 3%
    owner: Web team
  - name: Delivery
    feeling: 2
    actions: [Unpacks]
    touchpoints:
      - name: Courier
        channel: other
    owner: Logistics
"""
"""A small map without errors (lint included); its persona is inline."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project root (it holds ``.git``)."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    return root


def fixture(name: str, project: Path) -> Path:
    """Copy ``fixtures/<name>`` into the project; return its path there."""
    target = project / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def errors(*paths: Path) -> list[tuple[int, int, str, str]]:
    """(line, column, code, message) of each error ``validate`` reports, in its order."""
    result = validate_paths(list(paths))
    return [
        (d.line, d.column, d.code, d.message) for d in result.diagnostics if d.severity == "error"
    ]


def diagnostics(*paths: Path) -> list[Diagnostic]:
    return validate_paths(list(paths)).diagnostics


def cli(
    *args: str | Path,
    cwd: Path | None = None,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """The real ``cjmap`` in a subprocess; a hang fails the test at ``timeout`` seconds."""
    return subprocess.run(
        [sys.executable, "-m", "cjmap", *map(str, args)],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})},
        timeout=timeout,
    )


@dataclass
class Requests:
    """What a local HTTP server on 127.0.0.1 was asked for."""

    port: int = 0
    paths: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def server() -> Iterator[Requests]:
    """A local web server that records every request (there must be none)."""
    seen = Requests()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.paths.append(self.path)
            body = b"LEAKED"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    seen.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield seen
    httpd.shutdown()
    httpd.server_close()
