"""The icons' SVG path data: path commands and numbers only, nothing a browser could run."""

from __future__ import annotations

import re

from cjmap.render.icon_data import PATHS


def test_every_shape_is_path_data_only() -> None:
    assert PATHS
    for name, paths in PATHS.items():
        assert paths, name
        assert all(re.fullmatch(r"[MmLlHhVvCcSsQqTtAaZz0-9 .,\-]+", d) for d in paths), name
