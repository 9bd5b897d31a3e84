"""Building a site: every page written, maps with errors listed without a page, the exit codes,
a rebuild that renders only what changed, and a failed build that leaves the old site alone."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from cjmap.portfolio.site.build import SiteBuild, SiteProblem, build_site
from cjmap.portfolio.site.cache import MANIFEST
from cjmap.portfolio.site.pages import SiteOptions

from .conftest import TODAY

OPTIONS = SiteOptions(today=TODAY)


def test_every_page_is_written(built: SiteBuild) -> None:
    out = built.out
    for name in ("index.html", "overview.html", "actions.html", "actions.csv", "site.js"):
        assert (out / name).is_file(), name
    pages = {p.name for p in (out / "maps").iterdir()}
    assert "colleen-current.html" in pages and "colleen-current.map.html" in pages
    assert "broken.html" not in pages and "broken.map.html" not in pages
    assert sorted(p.name for p in (out / "personas").iterdir()) == sorted(
        f"{p.slug}.html" for p in built.portfolio.personas
    )
    assert built.exit_code == 1  # built, but a map has errors
    assert len(built.rendered) == 11 and built.reused == []


def test_the_index_lists_the_broken_map_with_its_located_error(built: SiteBuild) -> None:
    index = (built.out / "index.html").read_text(encoding="utf-8")
    assert 'href="#errors-broken"' in index
    assert "broken.cjm.yaml:7:" in index
    # A map that loads but breaks an error-level rule has no page either; its row shows its
    # first error (5:1), not its first finding (a warning at 1:1).
    assert 'href="#errors-lint-error"' in index
    assert '<span class="first-error">5:1 the map has 2 stages' in index
    assert not (built.out / "maps" / "lint-error.html").exists()


def test_the_csv_is_the_action_registers(built: SiteBuild, project: Path) -> None:
    from typer.testing import CliRunner

    from cjmap.cli import app

    result = CliRunner().invoke(
        app, ["actions", str(project), "--format", "csv", "--today", TODAY.isoformat()]
    )
    assert result.exit_code == 1  # the broken map
    assert (built.out / "actions.csv").read_bytes() == result.stdout_bytes


def test_a_rebuild_renders_only_the_changed_map(project: Path, tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    shutil.copytree(project, maps)
    (tmp_path / ".git").mkdir()
    out = tmp_path / "site"
    first = build_site([maps], out, OPTIONS)
    old_index = (out / "index.html").read_bytes()
    edited = maps / "ru" / "bank-card.cjm.yaml"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("title: ", "title: Изменено — ", 1),
        encoding="utf-8",
    )
    second = build_site([maps], out, OPTIONS)
    assert second.rendered == ["maps/ru-bank-card.map.html"]
    assert len(second.reused) == len(first.rendered) - 1
    assert "Изменено — " in (out / "maps" / "ru-bank-card.map.html").read_text(encoding="utf-8")
    assert (out / "index.html").read_bytes() != old_index
    # The persona file is an input of every map that uses it.
    persona = maps / "colleen" / "personas" / "colleen.yaml"
    persona.write_text(persona.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    third = build_site([maps], out, replace(OPTIONS, lang="zh"))
    assert sorted(third.rendered) == [
        "maps/colleen-current.map.html",
        "maps/colleen-day-in-the-life.map.html",
        "maps/colleen-empathy.map.html",
        "maps/colleen-future.map.html",
    ]
    # A manifest that is not ours (or is damaged) is not trusted: everything renders again.
    (out / MANIFEST).write_text("{not json", encoding="utf-8")
    fourth = build_site([maps], out, OPTIONS)
    assert fourth.reused == [] and len(fourth.rendered) == len(first.rendered)


def test_pdfs_are_rendered_linked_and_reused(tmp_path: Path) -> None:
    from .conftest import make_project

    maps = make_project(tmp_path)
    for path in maps.rglob("*.cjm.yaml"):
        if path.name != "hostile.cjm.yaml":
            path.unlink()
    out = tmp_path / "site"
    first = build_site([maps], out, replace(OPTIONS, pdf=True))
    assert sorted(first.rendered) == ["maps/hostile.map.html", "maps/hostile.pdf"]
    assert (out / "maps" / "hostile.pdf").read_bytes().startswith(b"%PDF-")
    assert 'href="hostile.pdf"' in (out / "maps" / "hostile.html").read_text(encoding="utf-8")
    again = build_site([maps], out, replace(OPTIONS, pdf=True))
    assert again.rendered == [] and sorted(again.reused) == sorted(first.rendered)


def test_a_failed_build_leaves_the_old_site(
    built: SiteBuild, project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    shutil.copytree(built.out, out)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def interrupt(stage: Path) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_site([project], out, replace(OPTIONS, lang="ru"), before_swap=interrupt)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert "Карты" not in (out / "index.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no half-built folder left


def test_refusals_change_nothing(project: Path, tmp_path: Path) -> None:
    mine = tmp_path / "docs"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SiteProblem, match="not a site cjmap built"):
        build_site([project], mine, OPTIONS)
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    with pytest.raises(SiteProblem, match=r"no such file or folder.*the site was not built"):
        build_site([project / "nope"], tmp_path / "site", OPTIONS)
    assert not (tmp_path / "site").exists()
    with pytest.raises(SiteProblem, match="does not exist; create it first"):
        build_site([project], tmp_path / "a" / "b", OPTIONS)
    with pytest.raises(SiteProblem, match="is a file"):
        build_site([project], mine / "notes.txt", OPTIONS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_the_site_is_never_built_over_its_maps(tmp_path: Path) -> None:
    from .conftest import make_project

    maps = make_project(tmp_path)
    (maps / MANIFEST).write_text(json.dumps({"cjmap-site": 1}), encoding="utf-8")
    with pytest.raises(SiteProblem, match="holds the map"):
        build_site([maps], maps, OPTIONS)
    assert (maps / "broken.cjm.yaml").is_file()


def _pages(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*.html"))
        if not p.name.endswith(".map.html")
    }


def test_a_rebuild_reuses_the_facts_of_unchanged_maps_and_writes_the_same_pages(
    project: Path, tmp_path: Path
) -> None:
    maps = tmp_path / "maps"
    shutil.copytree(project, maps)
    (tmp_path / ".git").mkdir()
    out = tmp_path / "site"
    first = build_site([maps], out, OPTIONS)
    assert len(first.portfolio.reloaded) == 13
    full = _pages(out)
    page = out / "maps" / "colleen-current.html"
    inode = page.stat().st_ino
    persona_page = out / "personas" / "colleen.html"
    persona_inode = persona_page.stat().st_ino
    again = build_site([maps], out, OPTIONS)
    # Only the maps with errors are read again (their errors are reported on every build).
    assert sorted(Path(f).name for f in again.portfolio.reloaded) == [
        "broken.cjm.yaml",
        "lint-error.cjm.yaml",
    ]
    assert _pages(out) == full
    assert page.stat().st_ino == inode  # an unchanged map's page is linked, not written again
    assert persona_page.stat().st_ino == persona_inode
    # A persona file is one of its maps' files.
    persona = maps / "mk" / "personas" / "elena.yaml"
    persona.write_bytes(persona.read_bytes() + b"\n# edited\n")
    third = build_site([maps], out, OPTIONS)
    assert sorted(Path(f).as_posix().split("maps/", 1)[1] for f in third.portfolio.reloaded) == [
        "broken.cjm.yaml",
        "lint-error.cjm.yaml",
        "mk/current.cjm.yaml",
        "mk/future.cjm.yaml",  # compares with mk/current, whose persona it shares
    ]
    # A configuration file applies to every map: all are read again.
    (tmp_path / ".cjmap.yaml").write_text("lint:\n  ignore: [CJM122]\n", encoding="utf-8")
    fourth = build_site([maps], out, OPTIONS)
    assert len(fourth.portfolio.reloaded) == 13


def test_damaged_facts_are_read_again_not_trusted(project: Path, tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    shutil.copytree(project, maps)
    (tmp_path / ".git").mkdir()
    out = tmp_path / "site"
    build_site([maps], out, OPTIONS)
    full = _pages(out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    record = next(v for k, v in manifest["facts"].items() if k.endswith("hostile.cjm.yaml"))
    record["opportunities"][0][3] = "5"  # impact as text: the matrix would fail on it
    record["title"] = {"not": "text"}
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    again = build_site([maps], out, OPTIONS)
    assert sorted(Path(f).name for f in again.portfolio.reloaded) == [
        "broken.cjm.yaml",
        "hostile.cjm.yaml",
        "lint-error.cjm.yaml",
    ]
    assert _pages(out) == full
