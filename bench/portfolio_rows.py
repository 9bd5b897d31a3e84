"""The portfolio's rows: `cjmap site` against `cjmap render` to HTML, a rebuild after editing
one map against a full build, and `cjmap actions` against `cjmap validate` (issue: portfolio).

Kept apart from run.py so that each capability's rows read on their own; run.py calls
:func:`portfolio_rows` with its own `Command`/`Comparison`/`Goal` classes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import write_corpus


def portfolio_rows(
    args: Any,
    work: Path,
    cjmap: str,
    many: Path,
    kinds: tuple[type, type, type],
    log: Callable[[str], None],
) -> list[Any]:
    command, comparison, goal = kinds
    site_maps = write_corpus(work / "site-maps", args.site_maps, seed=args.seed + 2)
    log(f"portfolio: {len(site_maps)} maps for the site rows")
    site, html = work / "out-site", work / "out-site-html"
    full = command(
        "cjmap site",
        [cjmap, "site", str(work / "site-maps"), "-o", str(site), "--today", "2026-12-06"],
        cwd=work,
        clean=[site],
    )
    rows = [
        comparison(
            "site-build",
            f"cjmap site of {len(site_maps)} maps (HTML), whole process",
            [
                full,
                command(
                    "cjmap render html",
                    [cjmap, "render", str(work / "site-maps"), "-o", str(html), "-f", "html"],
                    cwd=work,
                    clean=[html],
                ),
            ],
            [goal("cjmap render html", "ratio", 1.2, "<= 1.2x cjmap render to HTML")],
            repeats=args.batch_repeats,
        )
    ]
    # A rebuild after one edit: each run flips one map between two versions, then rebuilds the
    # site the previous run left (the copy costs a millisecond; it is part of the sample). The
    # untimed warm-up run builds that site in full.
    edited = site_maps[len(site_maps) // 2]
    original = edited.read_text(encoding="utf-8")
    variants = [work / "variant-a.yaml", work / "variant-b.yaml"]
    variants[0].write_text(original, encoding="utf-8")
    variants[1].write_text(original.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    turn = [0]
    rebuild_site = work / "out-site-rebuild"

    def one_edit() -> list[list[str]]:
        turn[0] ^= 1
        return [
            ["cp", str(variants[turn[0]]), str(edited)],
            [
                cjmap,
                "site",
                str(work / "site-maps"),
                "-o",
                str(rebuild_site),
                "--today",
                "2026-12-06",
            ],
        ]

    rows.append(
        comparison(
            "site-rebuild",
            f"cjmap site after editing one of {len(site_maps)} maps, against a full build",
            [
                command("cjmap site, one map edited", sequence=one_edit, cwd=work),
                command(
                    "cjmap site, full",
                    [
                        cjmap,
                        "site",
                        str(work / "site-maps"),
                        "-o",
                        str(site),
                        "--today",
                        "2026-12-06",
                    ],
                    cwd=work,
                    clean=[site],
                ),
            ],
            [goal("cjmap site, full", "ratio", 0.1, "<= 0.1x a full build")],
            repeats=args.batch_repeats,
        )
    )
    rows.append(
        comparison(
            "actions-many",
            f"cjmap actions over the {args.maps} maps of validate-many, whole process",
            [
                command("cjmap actions", [cjmap, "actions", str(many), "-f", "csv"], cwd=work),
                command("cjmap validate", [cjmap, "validate", str(many)], cwd=work),
            ],
            [goal("cjmap validate", "ratio", 1.1, "<= 1.1x cjmap validate")],
            repeats=args.batch_repeats,
        )
    )
    return rows
