"""``cjmap site`` as a library call: read the maps, render what changed, write every page, swap.

    build = build_site([Path("maps")], Path("site"), SiteOptions(lang="ru", today=day))
    build.exit_code   # 0 built, 1 built but some maps have errors, 2 not built

The site is built in a new folder beside ``out`` and swapped in when complete, so a failed or
interrupted build leaves the previous site as it was. The previous site is also the cache
(:mod:`cjmap.portfolio.site.cache`): renders whose inputs did not change are copied from it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from io import StringIO
from pathlib import Path

from cjmap.choices import OutputFormat
from cjmap.portfolio.site.cache import MANIFEST, Manifest, read_manifest, render_key
from cjmap.portfolio.site.collect import Portfolio, collect_portfolio
from cjmap.portfolio.site.facts import MapEntry
from cjmap.portfolio.site.pages import SiteOptions
from cjmap.render.batch.plan import Job
from cjmap.render.batch.sandbox import JobOutcome, JobStatus

ASSETS = ("site.css", "site.js")


class SiteProblem(Exception):
    """The site cannot be built where asked (usage or I/O); nothing was changed."""


@dataclass
class SiteBuild:
    """What :func:`build_site` did."""

    portfolio: Portfolio
    out: Path
    rendered: list[str] = field(default_factory=list)
    """Outputs rendered this time (site paths, e.g. ``maps/checkout.map.html``)."""
    reused: list[str] = field(default_factory=list)
    """Outputs copied from the previous site because their inputs did not change."""
    failures: list[JobOutcome] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.portfolio.with_errors or self.failures else 0


def build_site(
    paths: list[Path],
    out: Path,
    options: SiteOptions,
    *,
    config: Path | None = None,
    workers: int | None = None,
    before_swap: Callable[[Path], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[JobOutcome], None] | None = None,
) -> SiteBuild:
    """Build the site of the maps under ``paths`` into the folder ``out``.

    Raises :class:`SiteProblem` (nothing written) when a path does not exist or ``out`` cannot
    take a site, and ``ConfigError`` for a bad configuration. ``before_swap`` sees the finished
    folder before it replaces ``out`` (tests use it to interrupt a build); ``on_start`` gets
    the number of renders to do, ``on_done`` each render's outcome (a progress bar).
    """
    check_out(out)
    previous = read_manifest(out) if out.is_dir() else None
    portfolio = collect_portfolio(
        paths,
        today=options.today,
        config=config,
        previous=previous.facts if previous is not None else None,
        previous_key=previous.facts_key if previous is not None else None,
    )
    if portfolio.missing:
        names = "; ".join(f"{name}: {why}" for name, why in portfolio.missing)
        raise SiteProblem(f"{names} (the site was not built: it would lack these maps)")
    _check_inputs_outside(out, portfolio)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".building", dir=out.parent))
    try:
        os.chmod(stage, 0o755)
        build = SiteBuild(portfolio, out)
        manifest = _renders(build, stage, options, previous, workers, on_start, on_done)
        manifest.facts_key = portfolio.facts_key
        manifest.facts = {e.file: e.to_json() for e in portfolio.entries if e.has_page}
        _write_pages(build, stage, options, manifest, previous)
        if before_swap is not None:
            before_swap(stage)
        _swap(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return build


def check_out(out: Path) -> None:
    """Refuse an output folder that is not ours to replace."""
    if out.is_symlink():
        raise SiteProblem(f"{out} is a symbolic link; give the site a folder of its own")
    if out.exists() and not out.is_dir():
        raise SiteProblem(f"{out} is a file; give the site a folder (e.g. -o site)")
    if not out.parent.is_dir():
        raise SiteProblem(f"the folder {out.parent} does not exist; create it first")
    if out.is_dir() and not (out / MANIFEST).is_file() and any(out.iterdir()):
        raise SiteProblem(
            f"{out} is not empty and is not a site cjmap built (it has no {MANIFEST}); "
            "give a new or empty folder, so that nothing else in it is replaced"
        )


def _check_inputs_outside(out: Path, portfolio: Portfolio) -> None:
    top = out.resolve()
    for entry in portfolio.entries:
        if top in entry.path.resolve().parents:
            raise SiteProblem(
                f"{out} holds the map {entry.file}; the site replaces its folder as a whole, "
                "so build it in a folder of its own"
            )


def _renders(
    build: SiteBuild,
    stage: Path,
    options: SiteOptions,
    previous: Manifest | None,
    workers: int | None,
    on_start: Callable[[int], None] | None,
    on_done: Callable[[JobOutcome], None] | None,
) -> Manifest:
    """Render the maps whose inputs changed, copy the others from the previous site."""
    from cjmap.load.loader import Loader
    from cjmap.render.batch.pool import render_jobs

    loader = Loader()
    maps = stage / "maps"
    maps.mkdir()
    manifest = Manifest()
    jobs: list[tuple[MapEntry, str, Job]] = []
    outputs = [("html", "map.html", OutputFormat.html)]
    if options.pdf:
        outputs.append(("pdf", "pdf", OutputFormat.pdf))
    for entry in build.portfolio.entries:
        if not entry.has_page:
            continue
        entry.pdf = options.pdf
        keys = manifest.renders.setdefault(entry.slug, {})
        for name, suffix, fmt in outputs:
            parts = [name, options.today.isoformat()]
            if fmt is OutputFormat.pdf:
                parts.append(options.paper)
            key = render_key(entry.deps, *parts)
            keys[name] = key
            target = maps / f"{entry.slug}.{suffix}"
            site_path = f"maps/{entry.slug}.{suffix}"
            old = build.out / "maps" / f"{entry.slug}.{suffix}"
            unchanged = (
                previous is not None and previous.renders.get(entry.slug, {}).get(name) == key
            )
            if unchanged and _copy(old, target):
                build.reused.append(site_path)
                continue
            if entry.loaded is None:  # its facts were reused, but this render was not
                entry.loaded = loader.load(entry.path)
            job = Job(
                entry.path,
                target,
                fmt,
                paper=options.paper,
                on=options.today,
                loaded=entry.loaded,
            )
            jobs.append((entry, site_path, job))
    if on_start is not None:
        on_start(len(jobs))
    result = render_jobs([job for _e, _p, job in jobs], workers=workers, on_done=on_done)
    for (entry, site_path, _job), outcome in zip(jobs, result.outcomes, strict=True):
        if outcome.status is JobStatus.ok:
            build.rendered.append(site_path)
            continue
        build.failures.append(outcome)
        if site_path.endswith(".pdf"):
            entry.pdf = False
        else:
            entry.render_problem = outcome.message or outcome.status.value
        manifest.renders[entry.slug].pop("pdf" if site_path.endswith(".pdf") else "html", None)
    return manifest


def _copy(old: Path, new: Path) -> bool:
    """``old`` at ``new`` (a hard link where the file system allows); False if it is gone."""
    if old.is_symlink() or not old.is_file():
        return False
    try:
        os.link(old, new)
    except OSError:
        try:
            shutil.copyfile(old, new)
        except OSError:
            return False
    return True


def _write_pages(
    build: SiteBuild,
    stage: Path,
    options: SiteOptions,
    manifest: Manifest,
    previous: Manifest | None,
) -> None:
    from cjmap.portfolio.actions_report import ActionsStyle, actions_printer
    from cjmap.portfolio.site.pages import (
        map_page,
        map_page_key,
        persona_page,
        persona_page_key,
        portfolio_pages,
    )
    from cjmap.render.html import templates_root

    portfolio = build.portfolio
    (stage / "personas").mkdir()
    for name, html in portfolio_pages(portfolio, options):
        (stage / name).write_bytes(html.encode("utf-8"))
    # A map's or persona's page whose key has not changed is linked from the previous site.
    keyed: list[tuple[str, str, Callable[[], str]]] = [
        (
            f"maps/{e.slug}.html",
            map_page_key(portfolio, e, options, manifest.facts[e.file]),
            partial(map_page, portfolio, e, options),
        )
        for e in portfolio.entries
        if e.has_page
    ]
    keyed += [
        (
            f"personas/{p.slug}.html",
            persona_page_key(portfolio, p, options),
            partial(persona_page, portfolio, p, options),
        )
        for p in portfolio.personas
    ]
    for name, key, page in keyed:
        manifest.pages[name] = key
        unchanged = previous is not None and previous.pages.get(name) == key
        if not (unchanged and _copy(build.out / name, stage / name)):
            (stage / name).write_bytes(page().encode("utf-8"))
    assets = templates_root() / "site"
    for name in ASSETS:
        (stage / name).write_bytes((assets / name).read_bytes())
    csv = StringIO()
    actions_printer("csv")(portfolio.actions, csv, ActionsStyle(color=False, today=options.today))
    (stage / "actions.csv").write_bytes(csv.getvalue().encode("utf-8"))
    (stage / MANIFEST).write_bytes(manifest.to_json().encode("utf-8"))


def _swap(stage: Path, out: Path) -> None:
    """Put the finished ``stage`` in place of ``out``; on failure ``out`` is as it was."""
    if not out.exists():
        os.replace(stage, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    old.rmdir()
    os.replace(out, old)
    try:
        os.replace(stage, out)
    except OSError:
        os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
