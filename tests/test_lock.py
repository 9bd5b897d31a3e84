"""The committed locks (requirements/*.txt, tests/node/package-lock.json) are what bootstrap
installs; these checks keep them in step with pyproject.toml, so a range edited there without
running scripts/lock fails here instead of installing something else in CI."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ROOT / "requirements"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)")


def locked(name: str) -> dict[str, str]:
    """Package name -> version of one lock file; every pin must carry hashes."""
    pins: dict[str, str] = {}
    text = (LOCKS / name).read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\S)", text):
        first = block.split("\n", 1)[0]
        if first.startswith("#") or not first.strip():
            continue
        match = _PIN.match(first)
        assert match, f"{name}: not an exact pin: {first!r}"
        assert "--hash=sha256:" in block, f"{name}: {first!r} has no hash"
        pins[canonicalize_name(match[1])] = match[2]
    return pins


def _wanted(*extras: str) -> list[Requirement]:
    project = PYPROJECT["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    for extra in extras:
        found += [Requirement(r) for r in project["optional-dependencies"][extra]]
    found += [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
    return found


@pytest.mark.parametrize(
    ("lock", "extras"),
    [("runtime.txt", ()), ("test.txt", ("test",)), ("bench.txt", ("test", "bench"))],
)
def test_each_lock_pins_every_declared_dependency_within_its_range(
    lock: str, extras: tuple[str, ...]
) -> None:
    pins = locked(lock)
    for requirement in _wanted(*extras):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{lock} lacks {name}: run scripts/lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{lock} pins {name}=={pins[name]}, outside {requirement}: run scripts/lock"
        )


def test_the_locks_agree_on_every_shared_version() -> None:
    widest = locked("bench.txt")
    for lock in ("runtime.txt", "test.txt"):
        for name, version in locked(lock).items():
            assert widest.get(name) == version, f"{lock} and bench.txt differ on {name}"


def test_the_runtime_lock_holds_no_test_tool() -> None:
    assert not {"pytest", "mypy", "ruff", "hypothesis"} & set(locked("runtime.txt"))


def test_the_lock_tool_is_pinned_as_uv_in_says() -> None:
    wanted = (LOCKS / "uv.in").read_text(encoding="utf-8")
    version = re.search(r"^uv==(\S+)", wanted, re.M)
    assert version and locked("uv.txt") == {"uv": version[1]}


def test_the_npm_lock_matches_package_json() -> None:
    node = ROOT / "tests" / "node"
    declared = json.loads((node / "package.json").read_text(encoding="utf-8"))["dependencies"]
    lock = json.loads((node / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in declared.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}: pin an exact version"
        entry = lock["packages"][f"node_modules/{name}"]
        assert entry["version"] == version and entry["integrity"].startswith("sha512-")


def test_bootstrap_installs_from_the_lock_with_hashes() -> None:
    script = (ROOT / "scripts" / "bootstrap").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r" in script
    assert "requirements/test.txt" in script and "requirements/runtime.txt" in script
    assert "npm ci --prefix tests/node" in script
    assert "--upgrade pip" not in script
