"""The action register's tests share small maps in four languages (fixtures/*.cjm.yaml)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A project folder holding a copy of every fixture map (en, zh, ru, mk, a day map)."""
    (tmp_path / ".git").mkdir()
    for path in FIXTURES.glob("*.cjm.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path
