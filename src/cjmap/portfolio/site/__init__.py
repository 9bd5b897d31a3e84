"""``cjmap site``: a static site of every map of a team, browsable from ``file://`` or any host.

    facts.py    what the site knows about each map and persona (plain data)
    health.py   the health score, 0 to 100, and its documented formula
    collect.py  paths -> Portfolio: every map loaded and linted once, slugs, links between maps
    matrix.py   the prioritisation matrix's geometry (impact against effort)
    pages.py    Portfolio -> the HTML of every page (templates in ``templates/site/``)
    cache.py    render keys and the manifest that lets a rebuild reuse unchanged renders
    settings.py the ``site`` section of the configuration (language, title)
    build.py    build_site: collect, render what changed, write, swap in whole

Imports point one way: facts <- health <- collect <- pages <- build.
"""

from __future__ import annotations
