"""A release cannot half-happen: the version in pyproject.toml, ``cjmap --version``, the
CHANGELOG and every ref the docs tell users to pin agree (docs/release.md)."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version as installed_version

from typer.testing import CliRunner

from cjmap import __version__

from .helpers import ROOT

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
PINNING = ["README.md", "docs/ci.md", "docs/editors.md", "action.yml", ".pre-commit-hooks.yaml"]


def test_the_package_and_the_command_say_the_pyproject_version() -> None:
    from cjmap.cli import app

    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    assert __version__ == VERSION
    assert installed_version("cjmap") == VERSION, "reinstall: pip install --no-deps -e ."
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"cjmap {VERSION}\n"


def test_the_changelog_names_the_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[0] == "[Unreleased]"
    releases = []
    for heading in headings[1:]:
        m = re.fullmatch(r"\[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}", heading)
        assert m, f"CHANGELOG heading {heading!r}: write '## [X.Y.Z] - YYYY-MM-DD'"
        releases.append(m[1])
    if releases:
        assert releases[0] == VERSION, "the newest release in CHANGELOG.md is pyproject's version"
    else:  # before the first release, the version is the one the first release carries
        assert VERSION == "0.1.0"
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        for sub in re.findall(r"^### (.+)$", section, flags=re.M):
            assert sub in {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def test_the_docs_pin_the_tags_the_release_procedure_creates() -> None:
    major = VERSION.split(".")[0]
    pins = 0
    for name in PINNING:
        text = (ROOT / name).read_text(encoding="utf-8")
        for rev in re.findall(r"\brev: ([^\s`'\")]+)", text):
            assert rev == f"v{VERSION}", f"{name}: rev: {rev}"
            pins += 1
        for ref in re.findall(r"<owner>/cjmap@([^\s`'\")]+)", text):
            assert ref in (f"v{major}", f"v{VERSION}"), f"{name}: @{ref}"
            pins += 1
        for spec in re.findall(r"cjmap==(\S+?)[`\"']", text):
            assert spec == VERSION, f"{name}: cjmap=={spec}"
    assert pins >= 4
    procedure = (ROOT / "docs" / "release.md").read_text(encoding="utf-8")
    for command in ("git tag -a vX.Y.Z", "git tag -fa vX", "git push --force origin vX"):
        assert command in procedure
