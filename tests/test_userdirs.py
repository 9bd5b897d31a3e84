"""The user's cache folder on each platform, and the check that makes it safe to load code from."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from cjmap.userdirs import cache_dir, private_folder


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "/x/cache"}, "/x/cache/cjmap"),
        ("linux", {"XDG_CACHE_HOME": "relative"}, "HOME/.cache/cjmap"),  # not absolute: ignored
        ("linux", {}, "HOME/.cache/cjmap"),
        ("darwin", {}, "HOME/Library/Caches/cjmap"),
        (
            "win32",
            {"LOCALAPPDATA": "C:/Users/me/AppData/Local"},
            "C:/Users/me/AppData/Local/cjmap/Cache",
        ),
        ("win32", {}, None),
    ],
)
def test_cache_dir_per_platform(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    platform: str,
    env: dict[str, str],
    expected: str | None,
) -> None:
    for name in ("CJMAP_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", platform)
    found = cache_dir()
    want = None if expected is None else Path(expected.replace("HOME", str(tmp_path)))
    assert found == want


def test_the_override_and_turning_caches_off(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CJMAP_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.setenv("CJMAP_CACHE_DIR", "")
    assert cache_dir() is None


@pytest.mark.posix_only
def test_a_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    mine = private_folder(tmp_path / "a" / "b")
    assert mine == tmp_path / "a" / "b" and (mine.stat().st_mode & 0o777) == 0o700
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    assert private_folder(shared) is None
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert private_folder(tmp_path / "file") is None
