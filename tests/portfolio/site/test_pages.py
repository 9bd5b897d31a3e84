"""The pages: hostile map text stays text everywhere (index, matrix, register, map page), and
every label and date is in the site's language."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cjmap.portfolio.site.build import SiteBuild
from cjmap.portfolio.site.collect import Portfolio
from cjmap.portfolio.site.pages import SiteOptions, site_pages, spark
from cjmap.render.i18n import format_date

from .conftest import HOSTILE, TODAY


class Parsed(HTMLParser):
    """The elements, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize(
    "name",
    ["index.html", "opportunities.html", "actions.html", "overview.html", "maps/hostile.html"],
)
def test_hostile_text_stays_text(built: SiteBuild, name: str) -> None:
    parsed = Parsed((built.out / name).read_text(encoding="utf-8"))
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts in ([], [{"src": "site.js", "defer": None}])
    assert not [t for t, _a in parsed.tags if t in ("img", "object", "embed", "base")]
    assert not [a for _t, attrs in parsed.tags for a in attrs if a.startswith("on")]
    assert HOSTILE in "".join(parsed.text)


def test_hostile_text_in_data_attributes_is_only_data(built: SiteBuild) -> None:
    parsed = Parsed((built.out / "index.html").read_text(encoding="utf-8"))
    rows = [attrs for tag, attrs in parsed.tags if tag == "tr" and "data-owner" in attrs]
    assert any(HOSTILE in (attrs["data-owner"] or "") for attrs in rows)


LABELS = {
    "en": ("Maps", "Action items"),
    "zh": ("地图", "行动项"),
    "ru": ("Карты", "Задачи"),
    "mk": ("Мапи", "Задачи"),
}


@pytest.mark.parametrize("lang", sorted(LABELS))
def test_labels_and_dates_in_the_site_language(built: SiteBuild, lang: str) -> None:
    portfolio: Portfolio = built.portfolio
    pages = dict(site_pages(portfolio, replace(SiteOptions(today=TODAY), lang=lang)))
    maps, actions = LABELS[lang]
    # The date as the locale writes it (CLDR's spelling is Babel's business, not ours).
    date = format_date(TODAY, lang)
    assert "2026" in date and (lang == "en" or "Dec" not in date)
    index = Parsed(pages["index.html"])
    assert index.tags[0] == ("html", {"lang": lang})
    nav = [t for t in index.text if t.strip()]
    assert maps in nav and actions in nav
    assert date in pages["index.html"]
    if lang != "en":
        for page in ("overview.html", "opportunities.html", "actions.html"):
            text = " ".join(Parsed(pages[page]).text)
            for english in ("Quick wins", "Overdue", "The lowest moments", "Open items by owner"):
                assert english not in text, (page, english)


def test_the_sparkline_follows_the_curve(built: SiteBuild) -> None:
    line = spark(built.portfolio.entry("hostile"))
    assert line is not None and line.label == "-3 0 +1"
    ys = [float(p.split(",")[1]) for p in line.points.split()]
    assert ys[0] > ys[1] > ys[2]  # -3 is lowest on the page (largest y)


def test_no_page_for_a_map_with_errors(built: SiteBuild, tmp_path: Path) -> None:
    names = dict(site_pages(built.portfolio, SiteOptions(today=TODAY)))
    assert "maps/broken.html" not in names and "maps/hostile.html" in names
