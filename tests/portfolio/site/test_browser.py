"""The site in Debian's Chromium (Playwright), opened from file:// as a user would: every link
on every page resolves inside the folder, nothing is requested from outside it, no console
error, the filters work, and the action register reads back as `cjmap actions` lists it."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from cjmap.portfolio.site.build import SiteBuild

LINKS_JS = (
    "() => Array.from(document.querySelectorAll('a[href], iframe[src]'), a => a.href || a.src)"
)


def test_every_link_resolves_and_nothing_leaves_the_folder(browser: Any, built: SiteBuild) -> None:
    top = built.out.resolve()
    requests: list[str] = []
    errors: list[str] = []
    page = browser.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    seen: set[Path] = set()
    anchors = 0
    todo = [top / "index.html"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        page.goto(path.as_uri())
        for link in page.evaluate(LINKS_JS):
            parts = urlsplit(link)
            assert parts.scheme == "file", link
            target = Path(unquote(parts.path))
            assert target.is_file(), f"{path.name}: {link}"
            assert top in target.parents
            if parts.fragment:  # the anchor is there too (stage-3 in a render, errors-x)
                html = target.read_text(encoding="utf-8")
                assert f'id="{unquote(parts.fragment)}"' in html, f"{path.name}: {link}"
                anchors += 1
            if target.suffix == ".html" and not target.name.endswith(".map.html"):
                todo.append(target)
    page.close()
    pages = {p.relative_to(top).as_posix() for p in seen}
    assert {"index.html", "overview.html", "actions.html", "opportunities.html"} <= pages
    assert "maps/colleen-future.html" in pages and "personas/colleen.html" in pages
    assert all(urlsplit(url).scheme == "file" for url in requests)
    assert all(top in Path(unquote(urlsplit(url).path)).parents for url in requests)
    assert errors == []
    assert anchors >= len(built.portfolio.actions)  # every register row links to its stage


def test_the_filters_hide_what_does_not_match(browser: Any, built: SiteBuild) -> None:
    page = browser.new_page()
    page.goto((built.out / "index.html").as_uri())
    visible = "() => Array.from(document.querySelectorAll('#maps tbody tr:not([hidden]) td.title a'), a => a.textContent)"
    everything = page.evaluate(visible)
    assert len(everything) == len(built.portfolio.entries)
    page.select_option("#filter-kind", "empathy")
    assert sorted(page.evaluate(visible)) == sorted(
        e.title for e in built.portfolio.entries if e.kind == "empathy"
    )
    page.select_option("#filter-kind", "")
    page.fill("#filter-text", "ДЕБЕТОВОЙ")  # any case, Cyrillic
    assert len(page.evaluate(visible)) == 2
    page.fill("#filter-text", "空气炸锅")
    assert len(page.evaluate(visible)) == 2
    page.fill("#filter-text", "")
    page.select_option("#filter-lang", "mk")
    assert len(page.evaluate(visible)) == 2
    page.select_option("#filter-lang", "")
    page.select_option("#filter-tag", "ecommerce")
    assert 0 < len(page.evaluate(visible)) < len(everything)
    page.fill("#filter-text", "no map says this")
    assert page.evaluate(visible) == []
    assert page.is_visible("#no-match")
    page.close()


def test_the_action_register_reads_back(browser: Any, built: SiteBuild) -> None:
    page = browser.new_page()
    page.goto((built.out / "actions.html").as_uri())
    tasks = page.evaluate(
        "() => Array.from(document.querySelectorAll('table.register tbody tr'),"
        " r => r.cells[2].textContent)"
    )
    assert tasks == [row.task for row in built.portfolio.actions]
    late = page.evaluate("() => document.querySelectorAll('table.register tr.late').length")
    assert late == sum(1 for row in built.portfolio.actions if row.overdue) > 0
    page.close()
