"""The resources one map's render may use, from the environment or the defaults.

Its own module so that the PDF renderer (which refuses a map too large for the memory limit
before laying it out) and the sandboxed batch (which enforces the limits) share one definition.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What one map's render may use: CPU seconds and memory of its worker (address space,
    enforced by the kernel, on Linux; resident memory, sampled by the parent, on macOS and
    Windows: see ``cjmap.render.batch.sandbox_kind`` and docs/security.md).

    A map from a pull request can ask for thousands of stages; WeasyPrint lays out 66 stages in
    ~17 s and 126 in ~36 s of CPU (and ~500 MB), so without a bound an 8 MB map would hold a CI
    runner for hours and take gigabytes. Override with ``CJMAP_RENDER_SECONDS`` /
    ``CJMAP_RENDER_MEMORY_MB``. A map that could not fit the memory limit is refused before
    WeasyPrint starts (:mod:`cjmap.render.budget`).
    """

    cpu_seconds: int = 120
    memory_mb: int = 2048

    @classmethod
    def from_env(cls) -> Limits:
        def number(name: str, default: int) -> int:
            try:
                return max(1, int(os.environ.get(name, default)))
            except ValueError:
                return default

        return cls(
            number("CJMAP_RENDER_SECONDS", cls.cpu_seconds),
            number("CJMAP_RENDER_MEMORY_MB", cls.memory_mb),
        )

    @property
    def wall_seconds(self) -> float:
        """When the parent kills a worker that is not even using CPU (it never should be)."""
        return 3 * self.cpu_seconds + 30
