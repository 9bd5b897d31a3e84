#!/usr/bin/env python3
"""Regenerate the template screenshots in docs/img/ with cjmap's own renderer.

    .venv/bin/python scripts/screenshots.py            # writes docs/img/*.png
    .venv/bin/python scripts/screenshots.py --out DIR  # somewhere else (the test does this)
    .venv/bin/python scripts/screenshots.py --only empathy

For each template it renders an example map (English, Russian, Chinese, Macedonian: the
languages teams write in) to PDF and HTML with a fixed "today", then makes two PNGs:
the PDF's first page (pdftoppm, what people print and share) and the HTML page as a browser
shows it (headless chromium). Needs poppler-utils and chromium (scripts/bootstrap --test).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 25)  # fixed, so "review overdue" marks do not change between runs

# template -> (example map rendered with it, PDF page that shows the template's own layout,
# browser window height that shows it in the HTML page)
SHOTS = {
    "current-state": ("examples/colleen/current.cjm.yaml", 2, 1900),
    "future-state": ("examples/mk/future.cjm.yaml", 2, 1900),
    "day-in-the-life": ("examples/ru/day-in-the-life.cjm.yaml", 2, 1500),
    "empathy": ("examples/zh/empathy.cjm.yaml", 1, 1000),
}
PDF_DPI = 70
WIDTH = 1400


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        sys.exit("screenshots: chromium not found (scripts/bootstrap --test installs it)")
    return found


def shoot(
    template: str, map_path: Path, page_no: int, height: int, out: Path, work: Path
) -> list[Path]:
    from cjmap.load.loader import load_map
    from cjmap.render import render_html, render_pdf

    loaded = load_map(map_path)
    if not loaded.ok:
        sys.exit(f"screenshots: {map_path} has errors; run cjmap validate on it")
    pdf = work / f"{template}.pdf"
    pdf.write_bytes(render_pdf(loaded, template=template, on=TODAY))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(PDF_DPI),
            "-f",
            str(page_no),
            "-l",
            str(page_no),
            "-singlefile",
            str(pdf),
            str(out / f"{template}.pdf"),
        ],
        check=True,
    )
    page = work / f"{template}.html"
    page.write_text(render_html(loaded, template=template, on=TODAY), encoding="utf-8")
    html_png = out / f"{template}.html.png"
    subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--disable-background-networking",
            f"--screenshot={html_png}",
            f"--window-size={WIDTH},{height}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return [out / f"{template}.pdf.png", html_png]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--only", choices=sorted(SHOTS), action="append", help="Just these.")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for template, (example, page_no, height) in SHOTS.items():
            if args.only and template not in args.only:
                continue
            for made in shoot(template, ROOT / example, page_no, height, out, Path(tmp)):
                print(f"screenshots: wrote {made}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
