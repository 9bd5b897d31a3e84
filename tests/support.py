"""Helpers shared by the tests (import as `from support import ...`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

WARNINGS_ONLY_MAP = """\
cjmap: 1
kind: empathy
title: Colleen choosing a vacuum
owner: CX research
reviewed: 2026-11-01
persona: {name: Curious Colleen, goals: [a], needs: [b], quote: c, sources: []}
empathy:
  says: [a]
  thinks: [b]
  does: [c]
  feels: [d]
  pains: [e]
  gains: [f]
"""
"""A valid empathy map whose only findings are warnings and notes (no sources, no research)."""


def run_cli(
    *args: str, cwd: Path | None = None, input_text: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``cjmap`` command in a subprocess, as a user would."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "cjmap", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        input=input_text,
        timeout=120,
    )


def fontconfig_env(folder: Path, fonts: list[Path]) -> dict[str, str]:
    """An environment whose fontconfig sees only ``fonts`` (copied into ``folder``/fonts)."""
    import shutil

    found = folder / "fonts"
    found.mkdir()
    for font in fonts:
        shutil.copy(font, found)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{found}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def mermaid_parse(text: str) -> dict[str, object]:
    """What Mermaid's own parser (tests/node, npm) makes of a diagram: ``{"ok": ..., "type":
    ..., ...}`` (see tests/node/mermaid_parse.mjs). Skips the test without node or the
    npm packages (scripts/bootstrap --test installs both)."""
    import json
    import shutil

    import pytest

    node = shutil.which("node")
    folder = ROOT / "tests" / "node"
    if node is None or not (folder / "node_modules" / "mermaid").is_dir():
        pytest.skip("needs node and tests/node/node_modules (scripts/bootstrap --test)")
    done = subprocess.run(
        [node, str(folder / "mermaid_parse.mjs")],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    parsed: dict[str, object] = json.loads(done.stdout)
    return parsed
