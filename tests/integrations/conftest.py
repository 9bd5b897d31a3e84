"""The ``slow`` marker for the integration tests (tests that build wheels or install environments).

``slow`` tests run when ``CI`` is set (CI=true in .ci/run) or with ``CJMAP_SLOW_TESTS=1``;
otherwise they are skipped so a local ``pytest`` stays quick.
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: builds wheels or installs environments; runs in CI (CI set) or with "
        "CJMAP_SLOW_TESTS=1",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("CI") or os.environ.get("CJMAP_SLOW_TESTS"):
        return
    skip = pytest.mark.skip(reason="slow: set CJMAP_SLOW_TESTS=1 (CI runs it)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
