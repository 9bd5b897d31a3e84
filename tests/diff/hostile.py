"""Two versions of a map whose every text is hostile to one output format or another."""

from __future__ import annotations

from pathlib import Path

from cjmap.diff.run import Run, diff_files

OLD = """\
cjmap: 1
kind: current-state
title: "<script>alert(1)</script> | @everyone"
stages:
  - id: a
    name: 'Quote " [x] | <b>bold</b>'
    feeling: -2
    pain_points: [{text: "<img src=x onerror=alert(2)>"}]
  - id: 注册
    name: "注册 %% \\u202e end"
    feeling: 0
"""
NEW = """\
cjmap: 1
kind: current-state
title: "<script>alert(1)</script> | @everyone"
stages:
  - id: 注册
    name: "注册 %% \\u202e end"
    feeling: 2
  - id: a
    name: 'Quote " [x] | <b>bold</b>'
    feeling: 1
  - id: новый
    name: "```\\n# heading"
    feeling: -1
"""


def hostile(folder: Path) -> Run:
    (folder / ".git").mkdir(exist_ok=True)
    (folder / "old.cjm.yaml").write_text(OLD, encoding="utf-8")
    (folder / "new.cjm.yaml").write_text(NEW, encoding="utf-8")
    result = diff_files(folder / "old.cjm.yaml", folder / "new.cjm.yaml")
    assert result.problems == [], result.problems
    return result
