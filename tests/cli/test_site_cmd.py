"""`cjmap site` end to end: exit codes 0, 1 and 2, the summary, errors reported as by
`cjmap validate`, --lang and the configuration's `site` section, and refusals that write nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjmap.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "portfolio" / "fixtures"
TODAY = ("--today", "2026-11-25")
BROKEN = "cjmap: 1\nkind: current-state\ntitle: Broken\nstages:\n  - name: A\n    touchpionts: []\n"


# The action register's small maps break two error rules; the project turns them off, as a team
# that keeps maps in progress might (the site follows the project's lint configuration).
LINT = "lint:\n  ignore: [too-few-stages, stage-without-touchpoints]\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".cjmap.yaml").write_text(LINT, encoding="utf-8")
    folder = tmp_path / "maps"
    folder.mkdir()
    for path in FIXTURES.glob("*.cjm.yaml"):
        shutil.copy(path, folder / path.name)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["site", *args])
    return result.exit_code, result.stdout, result.stderr


def test_built(project: Path) -> None:
    code, out, err = run(str(project / "maps"), "-o", str(project / "site"), *TODAY)
    assert code == 0, err
    assert out == ""
    assert "5 maps (5 with a page, 0 with errors); 5 rendered, 0 reused" in err
    again = run(str(project / "maps"), "-o", str(project / "site"), *TODAY)
    assert again[0] == 0 and "0 rendered, 5 reused" in again[2]


def test_built_with_errors_reports_them_located(project: Path) -> None:
    (project / "maps" / "broken.cjm.yaml").write_text(BROKEN, encoding="utf-8")
    code, _out, err = run(str(project / "maps"), "-o", str(project / "site"), *TODAY)
    assert code == 1
    assert "broken.cjm.yaml:6:5: error:" in err
    assert "1 with errors" in err
    assert (project / "site" / "index.html").is_file()


def test_the_configuration_sets_the_language_and_the_command_line_wins(project: Path) -> None:
    (project / ".cjmap.yaml").write_text(
        LINT + "site:\n  lang: zh\n  title: 旅程 🧭\n", encoding="utf-8"
    )
    site = project / "site"
    assert run(str(project / "maps"), "-o", str(site), *TODAY)[0] == 0
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh">' in index and "旅程 🧭" in index
    assert run(str(project / "maps"), "-o", str(site), "--lang", "mk", *TODAY)[0] == 0
    assert '<html lang="mk">' in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--lang", "de"), "--lang: cjmap has no labels in 'de'"),
        (("--today", "2026-13-01"), "--today"),
        (("-o", "missing/site"), "does not exist; create it first"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
    project: Path, args: tuple[str, ...], words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    code, _out, err = run("maps", "-o", "site", *args)
    assert code == 2
    assert words in err
    assert sorted(p.name for p in project.iterdir()) == [".cjmap.yaml", ".git", "maps"]


def test_a_bad_configuration_is_located(project: Path) -> None:
    (project / ".cjmap.yaml").write_text(LINT + "site:\n  lang: klingon\n", encoding="utf-8")
    code, _out, err = run(str(project / "maps"), "-o", str(project / "site"), *TODAY)
    assert code == 2
    assert ".cjmap.yaml:4:9" in err and "the configuration is invalid" in err
    assert not (project / "site").exists()
