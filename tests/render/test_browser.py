"""The HTML of every example in real headless Chromium (Debian's, driven by Playwright).

No console errors, no network request of any kind, no element wider than its grid cell or card,
and the emotional curve is drawn. Skipped when no Chromium is installed.
"""

from __future__ import annotations

from typing import Any

from .conftest import FIXTURES, ON, Rendered, load

OVERFLOW_JS = """
() => {
  const bad = [];
  const boxes = document.querySelectorAll(
    '.grid td, .grid th, .plan-table td, .moment, .quad, .canvas-grid td, .persona, .context, .summary');
  for (const box of boxes) {
    const outer = box.getBoundingClientRect();
    if (box.scrollWidth > box.clientWidth + 1) {
      bad.push({box: box.className, text: box.textContent.slice(0, 60), why: 'scrolls'});
      continue;
    }
    for (const el of box.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.closest('.sr-only')) continue;
      if (el.ownerSVGElement) continue;  // inside an SVG: clipped by the SVG's own box, checked itself
      if (r.left < outer.left - 1 || r.right > outer.right + 1) {
        bad.push({box: box.className, el: el.tagName + '.' + el.className, text: (el.textContent || '').slice(0, 60)});
        break;
      }
    }
  }
  return bad;
}
"""

CURVE_JS = """
() => Array.from(document.querySelectorAll('path.curve-line')).map(p => ({
  length: p.getTotalLength(), width: p.getBoundingClientRect().width,
  points: p.closest('svg').querySelectorAll('circle, path:not(.curve-line):not(.curve-behind)').length,
}))
"""


def open_html(browser: Any, html: str, width: int = 1400) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(html, wait_until="load")
    return page, requests, errors


def test_example_html_in_chromium(browser: Any, example: Rendered) -> None:
    page, requests, errors = open_html(browser, example.html)
    try:
        assert requests == []
        assert errors == []
        assert page.evaluate(OVERFLOW_JS) == []
        if example.loaded.doc is not None and example.loaded.doc.kind != "empathy":
            curves = page.evaluate(CURVE_JS)
            assert curves, "no curve drawn"
            assert all(c["length"] > 20 and c["width"] > 20 and c["points"] >= 2 for c in curves), (
                curves
            )
        # The page is readable without script: the text is in the DOM as text.
        assert example.loaded.doc is not None
        assert example.loaded.doc.title in page.inner_text("h1")
    finally:
        page.close()


def test_a_wide_map_on_a_narrow_window_scrolls_inside_its_frame(browser: Any) -> None:
    from cjmap.render.html import render_html

    html = render_html(load(FIXTURES / "wide.cjm.yaml"), on=ON)
    page, requests, errors = open_html(browser, html, width=700)
    try:
        assert requests == [] and errors == []
        assert page.evaluate(OVERFLOW_JS) == []
        frame = page.evaluate(
            "() => { const f = document.querySelector('.grid-frame');"
            " f.scrollLeft = 400; const th = f.querySelector('tbody th').getBoundingClientRect();"
            " return {scrolls: f.scrollWidth > f.clientWidth, lane: th.left - f.getBoundingClientRect().left}; }"
        )
        assert frame["scrolls"] is True
        assert abs(frame["lane"]) < 2  # the lane column stays in place while the grid scrolls
    finally:
        page.close()
