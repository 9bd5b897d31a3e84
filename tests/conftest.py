"""What the whole suite shares: markers for the tests that need a particular platform.

CI runs on Linux (.ci/run); the GitHub workflow (.github/workflows/ci.yml) also runs the suite
on macOS and Windows, where these tests are skipped with their reason:

- ``posix_only``: POSIX signals, ``resource`` limits or ``fork`` (the hostile resource bounds,
  the fuzzer's SIGALRM guard, Ctrl-C sent to a process group);
- ``linux_only``: Linux itself (``RLIMIT_AS`` honoured, Debian's packages and font paths).

The platform fallbacks themselves (no ``resource``, only ``spawn``, a legacy console encoding,
a case-insensitive disk) are tested here on Linux by simulating them.
"""

from __future__ import annotations

import os
import sys

import pytest

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
