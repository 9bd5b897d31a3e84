"""``cjmap site``: a static site of every map (index, maps, personas, actions, opportunities)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from cjmap.choices import Paper
from cjmap.cli.core import app
from cjmap.cli.options import MapPaths, parse_date
from cjmap.cli.output import bad_configuration, fail
from cjmap.cli.progress import BatchProgress


@app.command()
def site(
    paths: MapPaths,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="The site's folder: new, empty, or a site cjmap built before (it is replaced "
            "whole once the new one is complete).",
        ),
    ],
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help="The site's labels and dates: en, zh, ru or mk (default: the `site` section "
            "of .cjmap.yaml, else en). Each map keeps its own language.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="TEXT",
            help="The site's name on every page (default: the configuration's, else "
            "'Journey maps').",
            show_default=False,
        ),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also render a PDF of every map, linked from its page.")
    ] = False,
    paper: Annotated[Paper, typer.Option("--paper", help="Paper size of the PDFs.")] = Paper.a4,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="YYYY-MM-DD",
            help="The date reviews and action items are judged against (default: today).",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Use this configuration file for every map (.cjmap.yaml or pyproject.toml).",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", min=1, help="Maps rendered in parallel. Default: all cores."),
    ] = None,
) -> None:
    """Build a static site of the maps under PATH: an index with filters, a page per map and
    per persona, the action register, the opportunities' matrix and an overview.

    Maps with errors are listed with their errors and get no page; the site is still built.
    A rebuild renders only the maps whose inputs changed. Exit codes: 0 built, 1 built but
    some maps have errors (or could not be rendered), 2 usage or I/O error (nothing changed).
    """
    from cjmap.load.config import ConfigError
    from cjmap.portfolio.site.build import SiteProblem, build_site
    from cjmap.portfolio.site.pages import SiteOptions
    from cjmap.portfolio.site.settings import check_lang, settings_for

    day = parse_date("--today", today) or dt.date.today()
    progress = BatchProgress()
    if lang is not None:
        try:
            lang = check_lang(lang)
        except ValueError as exc:
            raise fail(f"--lang: {exc}") from None
    try:
        settings = settings_for(paths, config)
        options = SiteOptions(
            lang=lang or settings.lang or "en",
            title=title or settings.title,
            today=day,
            pdf=pdf,
            paper=paper.value,
        )
        build = build_site(
            paths,
            output,
            options,
            config=config,
            workers=jobs,
            on_start=progress.start,
            on_done=progress.done,
        )
    except ConfigError as exc:
        raise bad_configuration(exc.diagnostics) from None
    except SiteProblem as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{output}: cannot write the site ({exc.strerror or exc})") from None
    finally:
        progress.stop()
    portfolio = build.portfolio
    if portfolio.with_errors:
        from cjmap.report.text import print_text

        problems = [d for e in portfolio.with_errors for d in e.findings if d.severity == "error"]
        print_text(
            problems,
            portfolio.sources.get,
            sys.stderr,
            files=len(portfolio.entries),
            color=sys.stderr.isatty(),
            summary_line=False,
        )
    for outcome in build.failures:
        print(f"cjmap: {outcome.job.source}: not rendered: {outcome.message}", file=sys.stderr)
    pages = sum(1 for e in portfolio.entries if e.has_page)
    broken = len(portfolio.with_errors)
    print(
        f"site: {len(portfolio.entries)} map{'s' if len(portfolio.entries) != 1 else ''} "
        f"({pages} with a page, {broken} with errors); {len(build.rendered)} rendered, "
        f"{len(build.reused)} reused -> {output}/index.html",
        file=sys.stderr,
    )
    raise typer.Exit(build.exit_code)
