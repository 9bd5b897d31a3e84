"""Which sandbox a platform gets (``sandbox_kind``): kernel limits only where Linux gives them."""

from __future__ import annotations

import multiprocessing
import signal
import sys

import pytest

from cjmap.render.batch import SandboxKind, sandbox_kind


@pytest.mark.parametrize(
    ("platform", "has_resource", "methods", "has_sigxcpu", "kind"),
    [
        ("linux", True, ["fork", "spawn", "forkserver"], True, SandboxKind.RLIMITS),
        ("linux", False, ["fork", "spawn", "forkserver"], True, SandboxKind.POLLED),
        ("linux", True, ["spawn"], True, SandboxKind.POLLED),
        ("linux", True, ["fork", "spawn"], False, SandboxKind.POLLED),
        # macOS has resource, fork and SIGXCPU, but fork is unsafe there and RLIMIT_AS is not
        # enforced: spawned, polled workers.
        ("darwin", True, ["spawn", "fork", "forkserver"], True, SandboxKind.POLLED),
        ("win32", False, ["spawn"], False, SandboxKind.POLLED),
    ],
)
def test_the_sandbox_of_each_platform(
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
    has_resource: bool,
    methods: list[str],
    has_sigxcpu: bool,
    kind: SandboxKind,
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    if not has_resource:
        monkeypatch.setitem(sys.modules, "resource", None)  # import resource: ImportError
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: methods)
    if not has_sigxcpu:
        monkeypatch.delattr(signal, "SIGXCPU", raising=False)
    assert sandbox_kind() is kind


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="this machine's own answer")
def test_linux_keeps_the_kernel_limits() -> None:
    assert sandbox_kind() is SandboxKind.RLIMITS
