"""From paths to the portfolio: slugs, personas shared between maps, compares links, pains no
opportunity addresses, and maps with errors kept with their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmap.portfolio.site.collect import Portfolio, collect_portfolio, slug_of, unique_slugs

from .conftest import TODAY


@pytest.fixture(scope="module")
def portfolio(project: Path) -> Portfolio:
    return collect_portfolio([project], today=TODAY)


def test_slugs_come_from_the_path_below_the_shared_folder(portfolio: Portfolio) -> None:
    slugs = {e.file.split("maps/", 1)[1]: e.slug for e in portfolio.entries}
    assert slugs["colleen/current.cjm.yaml"] == "colleen-current"
    assert slugs["zh/online-shop.cjm.yaml"] == "zh-online-shop"
    assert slugs["broken.cjm.yaml"] == "broken"


def test_slugs_are_unique_ignoring_case_and_keep_every_script(tmp_path: Path) -> None:
    paths = [tmp_path / "Map.cjm.yaml", tmp_path / "map.cjm.yaml", tmp_path / "路线 图.cjm.yaml"]
    assert list(unique_slugs(paths).values()) == ["Map", "map-2", "路线-图"]
    assert slug_of("con") == "map-con"  # a Windows device name
    assert slug_of("../..") == "map"


def test_personas_are_shared_and_link_their_maps(portfolio: Portfolio) -> None:
    colleen = next(p for p in portfolio.personas if p.name == "Curious Colleen")
    assert colleen.file is not None and colleen.file.endswith("personas/colleen.yaml")
    assert sorted(colleen.maps) == [
        "colleen-current",
        "colleen-day-in-the-life",
        "colleen-empathy",
        "colleen-future",
    ]
    hostile = portfolio.entry("hostile")
    assert hostile.persona_slug is not None
    assert portfolio.persona(hostile.persona_slug).file is None  # written inline


def test_compares_links_both_ways(portfolio: Portfolio) -> None:
    future = portfolio.entry("colleen-future")
    assert future.compares_slug == "colleen-current"
    assert portfolio.entry("colleen-current").compared_by == ["colleen-future"]


def test_pains_without_an_opportunity_and_counts(portfolio: Portfolio) -> None:
    hostile = portfolio.entry("hostile")
    assert [(p.id, p.addressed) for p in hostile.pains] == [("p1", False)]
    assert hostile.overdue_actions == 1 and hostile.open_actions == 1
    assert hostile.review_overdue  # reviewed 2026-01-01, due every 90 days
    assert [s.score for s in hostile.stages] == [-3, 0, 1]
    assert hostile.opportunities[0].scored


def test_a_map_with_errors_is_kept_with_its_located_errors(portfolio: Portfolio) -> None:
    broken = portfolio.entry("broken")
    assert not broken.has_page and broken.health == 0
    assert broken in portfolio.with_errors
    assert any(d.line == 7 and d.severity == "error" for d in broken.findings)
    assert all(r.file != broken.file for r in portfolio.actions)
