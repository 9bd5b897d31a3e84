"""--format html: a standalone page, locked down like rendered maps, opened in real Chromium
(Debian's, through Playwright): both curves drawn, nothing requested, no script run."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from cjmap.diff import DiffStyle, diff_printer
from cjmap.diff.run import Run, diff_revisions

from .gitrepo import Repo
from .hostile import hostile

CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src '
    "'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
)


def html(result: Run) -> str:
    out = io.StringIO()
    diff_printer("html")(result, out, DiffStyle())
    return out.getvalue()


TEMPLATE = Path(__file__).resolve().parents[2] / "src/cjmap/render/templates/diff/diff.html.j2"


def test_the_page_is_locked_down_and_escapes_the_map(tmp_path: Path) -> None:
    source = TEMPLATE.read_text(encoding="utf-8")
    assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source
    page = html(hostile(tmp_path))
    assert CSP in page
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | @everyone" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


def test_chromium_draws_both_curves_and_requests_nothing(
    repo: Repo, tmp_path: Path, browser: Any
) -> None:
    page_file = tmp_path / "diff.html"
    page_file.write_text(html(diff_revisions("v1", "v2", cwd=repo.root)), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri(), wait_until="load")
    curves = page.evaluate(
        """() => Array.from(document.querySelectorAll('section.map')).map(s => ({
          title: s.querySelector('h2').firstChild.textContent,
          before: s.querySelector('path.curve-before')?.getTotalLength() ?? 0,
          after: s.querySelector('path.curve-after')?.getTotalLength() ?? 0,
          width: s.querySelector('svg')?.getBoundingClientRect().width ?? 0,
        }))"""
    )
    page.screenshot(path=str(tmp_path / "diff.png"), full_page=True)
    assert requests == [page_file.as_uri()]
    assert errors == []
    shop = next(c for c in curves if c["title"] == "Buying a vacuum online")
    assert shop["before"] > 300 and shop["after"] > 300 and shop["width"] > 800
    intl = next(c for c in curves if c["title"] == "国际")
    assert intl["before"] > 0 and intl["after"] > 0
    assert (tmp_path / "diff.png").stat().st_size > 10_000
