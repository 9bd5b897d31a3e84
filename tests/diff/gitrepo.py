"""One real git repository for the diff tests (built once per session by conftest.py).

v1  maps: shop (current state), intl (Chinese and Cyrillic stage ids), old-name, gone;
    the persona file personas/colleen.yaml
v2  shop: the sign-up stage moved to the top, its feeling -2 -> +1, a pain point resolved,
    an action item done and handed to another team, one dropped, a stage added, one
    renamed; the persona file changed in the same commit; intl: a stage moved, and the
        feeling of the stage with a Chinese id changed;
    old-name renamed (git mv) to renamed, with a new title; gone removed; new added
v3  the persona file alone changed (shop's own file untouched); broken added (a YAML error)
working tree: shop's owner changed, not committed
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

PERSONA_V1 = """\
name: Curious Colleen
goals: [Find a vacuum that lasts]
"""
PERSONA_V2 = """\
name: Curious Colleen
goals: [Find a vacuum that lasts, Save time]
"""
PERSONA_V3 = """\
name: Curious Colleen
profile: 32, self-employed
goals: [Find a vacuum that lasts, Save time]
"""

SHOP_V1 = """\
cjmap: 1
kind: current-state
title: Buying a vacuum online
owner: CX team
persona: ../personas/colleen.yaml
stages:
  - id: discover
    name: Discover
    feeling: -1
    actions: [Reads reviews]
    pain_points:
      - id: slow-site
        text: The site is slow
    opportunities:
      - id: publish-pricing
        text: Publish the pricing
        actions:
          - task: Ship new pricing page
            owner: Web team
            status: todo
          - task: Old task
            owner: Web team
  - id: sign-up
    name: Sign up
    feeling: {score: -2, label: anxious}
    touchpoints:
      - {name: Sign-up form, channel: website}
  - id: checkout
    name: Checkout
    feeling: -1
    metrics:
      - {name: Conversion, value: 2.1%, target: 3.5%}
"""
SHOP_V2 = """\
cjmap: 1
kind: current-state
title: Buying a vacuum online
owner: CX team
persona: ../personas/colleen.yaml
stages:
  - id: sign-up
    name: Sign up
    feeling: {score: 1, label: relieved}
    touchpoints:
      - {name: Sign-up form, channel: website}
  - id: discover
    name: Discover
    feeling: -1
    actions: [Reads reviews, Watches videos]
    opportunities:
      - id: publish-pricing
        text: Publish the pricing
        actions:
          - task: Ship new pricing page
            owner: Support team
            status: done
  - id: checkout
    name: Pay
    feeling: -1
    metrics:
      - {name: Conversion, value: 2.8%, target: 3.5%}
  - id: delivery
    name: Delivery
    feeling: 2
"""
SHOP_WORKTREE = SHOP_V2.replace("owner: CX team", "owner: Growth team")

INTL_V1 = """\
cjmap: 1
kind: current-state
title: 国际
lang: zh
persona: {name: 李娜}
stages:
  - {id: 发现, name: 发现, feeling: 1}
  - {id: знакомство, name: Знакомство, feeling: 0}
  - {id: оплата, name: Оплата, feeling: -2}
"""
INTL_V2 = """\
cjmap: 1
kind: current-state
title: 国际
lang: zh
persona: {name: 李娜}
stages:
  - {id: оплата, name: Оплата, feeling: -1}
  - {id: 发现, name: 发现, feeling: {score: 2, label: 好奇}}
  - {id: знакомство, name: Знакомство, feeling: 0}
"""

SMALL = """\
cjmap: 1
kind: empathy
title: {title}
empathy:
  says: [{says}]
"""

GONE = """\
cjmap: 1
kind: day-in-the-life
title: A whole day, before the app
moments:
  - {time: "07:30", activity: Commute by train, feeling: 1}
  - {time: "12:00", activity: Lunch break, feeling: 0}
"""
NEW = """\
cjmap: 1
kind: future-state
title: Sign-up next year
stages:
  - {id: sign-up, name: Sign up in one step, feeling: 2}
"""

DRAFT = """\
cjmap: 1
kind: empathy
title: Черновик
"""

BROKEN = """\
cjmap: 1
kind: current-state
title: Broken
stages:
  - name: [unclosed
"""


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "cjmap tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "cjmap tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd),
    }
    return subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@dataclass(frozen=True)
class Repo:
    root: Path


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def build(root: Path) -> Repo:
    root.mkdir(parents=True, exist_ok=True)
    git("init", "-q", cwd=root)
    _write(
        root,
        {
            "personas/colleen.yaml": PERSONA_V1,
            "maps/shop.cjm.yaml": SHOP_V1,
            "maps/intl.cjm.yaml": INTL_V1,
            "maps/old-name.cjm.yaml": SMALL.format(title="Old name", says="Hello"),
            "maps/gone.cjm.yaml": GONE,
        },
    )
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "v1", cwd=root)
    git("tag", "v1", cwd=root)
    git("mv", "maps/old-name.cjm.yaml", "maps/renamed.cjm.yaml", cwd=root)
    (root / "maps/gone.cjm.yaml").unlink()
    _write(
        root,
        {
            "personas/colleen.yaml": PERSONA_V2,
            "maps/shop.cjm.yaml": SHOP_V2,
            "maps/intl.cjm.yaml": INTL_V2,
            "maps/renamed.cjm.yaml": SMALL.format(title="New name", says="Hello"),
            "maps/new.cjm.yaml": NEW,
        },
    )
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "v2", cwd=root)
    git("tag", "v2", cwd=root)
    _write(root, {"personas/colleen.yaml": PERSONA_V3, "maps/broken.cjm.yaml": BROKEN})
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "v3", cwd=root)
    git("tag", "v3", cwd=root)
    _write(root, {"maps/shop.cjm.yaml": SHOP_WORKTREE, "maps/draft.cjm.yaml": DRAFT})
    return Repo(root)
