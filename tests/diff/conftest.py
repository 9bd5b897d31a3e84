"""The diff tests' shared git repository (see gitrepo.py), built once per session."""

from __future__ import annotations

import pytest

from .gitrepo import Repo, build


@pytest.fixture(scope="session")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    return build(tmp_path_factory.mktemp("diff-repo") / "project")
