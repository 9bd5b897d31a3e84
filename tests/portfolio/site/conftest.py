"""The site's tests share one project: the bundled examples, a map with errors and a map whose
every text is hostile markup, in a folder with a ``.git`` marker (its own project root)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from cjmap.portfolio.site.build import SiteBuild, build_site
from cjmap.portfolio.site.pages import SiteOptions
from support import EXAMPLES

TODAY = dt.date(2026, 12, 6)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'

BROKEN = """\
cjmap: 1
kind: current-state
title: A map with a typo
lang: en
stages:
  - name: Research
    feeling: 9
"""

# Loads, but breaks an error-level lint rule (2 stages): no page either. Its first findings
# are warnings at 1:1; its first error is at 5:1.
LINT_ERROR = """\
cjmap: 1
kind: current-state
title: Two stages only
lang: en
stages:
  - {name: A, feeling: 1, actions: [a], touchpoints: [{name: t, channel: website}]}
  - {name: B, feeling: 1, actions: [b], touchpoints: [{name: t, channel: website}]}
"""

HOSTILE_MAP = f"""\
cjmap: 1
kind: current-state
title: '{HOSTILE.replace("'", "''")} title'
lang: en
owner: '{HOSTILE.replace("'", "''")} owner'
tags: ['{HOSTILE.replace("'", "''")}']
reviewed: 2026-01-01
persona:
  name: '{HOSTILE.replace("'", "''")} persona'
  goals: [g]
  needs: [n]
stages:
  - name: '{HOSTILE.replace("'", "''")} stage'
    feeling: -3
    actions: [a]
    touchpoints: [{{name: t, channel: website}}]
    pain_points: [{{id: p1, text: '{HOSTILE.replace("'", "''")} pain'}}]
    opportunities:
      - text: '{HOSTILE.replace("'", "''")} opportunity'
        impact: 5
        effort: 1
        actions: [{{task: '{HOSTILE.replace("'", "''")} task', owner: 'Mallory', due: 2026-01-02}}]
  - name: Two
    feeling: 0
    actions: [a]
    touchpoints: [{{name: t, channel: website}}]
  - name: Three
    feeling: 1
    actions: [a]
    touchpoints: [{{name: t, channel: website}}]
"""


def make_project(folder: Path) -> Path:
    """``folder``/maps: the examples plus ``broken.cjm.yaml``, ``lint-error.cjm.yaml`` and
    ``hostile.cjm.yaml``."""
    maps = folder / "maps"
    shutil.copytree(EXAMPLES, maps)
    (folder / ".git").mkdir()
    (maps / "broken.cjm.yaml").write_text(BROKEN, encoding="utf-8")
    (maps / "lint-error.cjm.yaml").write_text(LINT_ERROR, encoding="utf-8")
    (maps / "hostile.cjm.yaml").write_text(HOSTILE_MAP, encoding="utf-8")
    return maps


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("site-project"))


@pytest.fixture(scope="session")
def built(project: Path, tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The site of ``project`` in English, built once per test process."""
    out = tmp_path_factory.mktemp("built") / "site"
    return build_site([project], out, SiteOptions(today=TODAY), workers=2)
