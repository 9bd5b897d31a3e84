"""What the whole suite shares: markers for the tests that need a particular platform.

CI runs on Linux (.ci/run); the GitHub workflow (.github/workflows/ci.yml) also runs the suite
on macOS and Windows, where these tests are skipped with their reason:

- ``posix_only``: POSIX signals, ``resource`` limits or ``fork`` (the hostile resource bounds,
  the fuzzer's SIGALRM guard, Ctrl-C sent to a process group);
- ``linux_only``: Linux itself (``RLIMIT_AS`` honoured, Debian's packages and font paths).

The platform fallbacks themselves (no ``resource``, only ``spawn``, a legacy console encoding,
a case-insensitive disk) are tested here on Linux by simulating them.

It also gives every module that asks one real browser: ``browser``, Debian's Chromium driven by
Playwright.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

REASONS = {
    "posix_only": "needs POSIX signals, rlimits or fork",
    "linux_only": "needs Linux (RLIMIT_AS, Debian's packages)",
}


def pytest_configure(config: pytest.Config) -> None:
    for name, reason in REASONS.items():
        config.addinivalue_line("markers", f"{name}: {reason}")


def _applies(marker: str) -> bool:
    if marker == "posix_only":
        return os.name == "posix"
    return sys.platform.startswith("linux")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for marker in REASONS:
            if item.get_closest_marker(marker) is not None and not _applies(marker):
                item.add_marker(pytest.mark.skip(reason=f"{REASONS[marker]} ({sys.platform})"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's, through Playwright), one per test module that uses it.

    Without Chromium the test is skipped on a laptop; in CI (CI set) it fails: .ci/run
    installs the browser, so a missing one is a broken setup, not a reason to skip.
    """
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium package is not installed (scripts/bootstrap --test)")
        pytest.skip("needs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()
