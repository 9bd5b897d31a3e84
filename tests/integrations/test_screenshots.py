"""docs/templates.md shows every template, with images scripts/screenshots.py makes; the script
itself runs (real render, pdftoppm, chromium) and makes images of the documented sizes."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from cjmap.render import TEMPLATES

from .helpers import ROOT


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_templates_page_shows_every_template_with_existing_images() -> None:
    page = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\((img/[^)]+)\)", page)
    for template in TEMPLATES:
        assert f"## {template}" in page
        for kind in ("pdf", "html"):
            rel = f"img/{template}.{kind}.png"
            assert rel in images, rel
            width, height = _png_size(ROOT / "docs" / rel)
            assert width >= 700 and height >= 400, (rel, width, height)
    for rel in images:
        assert (ROOT / "docs" / rel).is_file(), rel


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("chromium") is None,
    reason="needs poppler-utils and chromium",
)
def test_screenshot_script_makes_the_images(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshots.py"),
            "--out",
            str(tmp_path),
            "--only",
            "empathy",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    pdf_width, pdf_height = _png_size(tmp_path / "empathy.pdf.png")
    assert 1.35 < pdf_width / pdf_height < 1.48  # A4 landscape
    assert _png_size(tmp_path / "empathy.html.png") == (1400, 1000)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empathy.html.png", "empathy.pdf.png"]
