"""docs/output-formats.md and docs/configuration.md cannot drift: their examples are rerun."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from cjmap.lint import settings_from
from cjmap.load.config import load_config
from support import ROOT, run_cli

PAGE = (ROOT / "docs" / "output-formats.md").read_text(encoding="utf-8")
CONFIG_PAGE = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")


def _blocks(page: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", page, re.S)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    (root / ".git").mkdir()
    (root / "maps" / "personas").mkdir(parents=True)
    (root / "maps" / "checkout.cjm.yaml").write_text(_blocks(PAGE, "yaml")[0], encoding="utf-8")
    (root / "maps" / "personas" / "colleen.yaml").write_text(
        'name: Curious Colleen\ngoals: [A vacuum that lasts]\nneeds: [Comparisons]\nquote: "No time."\n',
        encoding="utf-8",
    )
    return root


def _run(project: Path, fmt: str) -> str:
    result = run_cli("validate", "-f", fmt, "--today", "2026-11-25", "maps", cwd=project)
    assert result.returncode == 1, result.stderr
    return result.stdout


def test_text_example_is_real_output(project: Path) -> None:
    assert _blocks(PAGE, "text")[0] == _run(project, "text")


def test_json_example_is_real_output(project: Path) -> None:
    shown = json.loads(_blocks(PAGE, "json")[0])
    real = json.loads(_run(project, "json"))
    assert shown["diagnostics"][0] in real["diagnostics"]
    assert {k: v for k, v in shown.items() if k != "diagnostics"} == {
        k: v for k, v in real.items() if k != "diagnostics"
    }
    for key in shown["diagnostics"][0]:
        assert f"`diagnostics[].{key}`" in PAGE or f"`.{key}`" in PAGE


def test_github_example_is_real_output(project: Path) -> None:
    real = _run(project, "github").splitlines()
    shown = _blocks(PAGE, "text")[1].splitlines()
    assert all(line in real for line in shown)


def test_sarif_example_matches_real_output(project: Path) -> None:
    shown = json.loads(_blocks(PAGE, "json")[1])
    real = json.loads(_run(project, "sarif"))
    shown_result = shown["runs"][0]["results"][0]
    real_result = next(r for r in real["runs"][0]["results"] if r["ruleId"] == "CJM101")
    assert {k: v for k, v in shown_result.items() if k != "ruleIndex"} == {
        k: v for k, v in real_result.items() if k != "ruleIndex"
    }
    rule = shown["runs"][0]["tool"]["driver"]["rules"][0]
    real_rule = real["runs"][0]["tool"]["driver"]["rules"][real_result["ruleIndex"]]
    assert {k: v for k, v in rule.items() if k != "help"} == {
        k: v for k, v in real_rule.items() if k != "help"
    }
    assert shown["runs"][0]["artifacts"] == real["runs"][0]["artifacts"]


def test_configuration_examples_are_valid(tmp_path: Path) -> None:
    yaml_config = next(b for b in _blocks(CONFIG_PAGE, "yaml") if b.startswith("# .cjmap.yaml"))
    (tmp_path / ".cjmap.yaml").write_text(yaml_config, encoding="utf-8")
    settings = settings_from(load_config(tmp_path / ".cjmap.yaml"))
    assert "CJM112" not in settings.enabled and "CJM121" not in settings.enabled
    assert settings.options["CJM107"] == {"min_stages": 4}
    toml_config = _blocks(CONFIG_PAGE, "toml")[0]
    tomllib.loads(toml_config)
    (tmp_path / "pyproject.toml").write_text(toml_config, encoding="utf-8")
    from_toml = settings_from(load_config(tmp_path / "pyproject.toml"))
    assert from_toml.enabled == settings.enabled
    assert from_toml.options["CJM106"] == {"review_every": 60}


def test_configuration_error_example_is_real(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.cjm.yaml").write_text(
        "cjmap: 1\nkind: empathy\ntitle: X\n", encoding="utf-8"
    )
    (tmp_path / ".cjmap.yaml").write_text(
        "# .cjmap.yaml\nlint:\n  ignore: [CJM112, CJM1O1]\n", encoding="utf-8"
    )
    shown = next(b for b in _blocks(CONFIG_PAGE, "text") if "CJM1O1" in b).splitlines()
    result = run_cli("validate", "maps/", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == shown[1:]


def test_suppression_example_in_configuration_doc_works(tmp_path: Path) -> None:
    example = next(b for b in _blocks(CONFIG_PAGE, "yaml") if b.startswith("stages:"))
    (tmp_path / ".git").mkdir()
    path = tmp_path / "m.cjm.yaml"
    path.write_text("cjmap: 1\nkind: current-state\ntitle: X\n" + example, encoding="utf-8")
    result = run_cli(
        "validate",
        "-f",
        "json",
        "--select",
        "CJM100,CJM101,CJM105,CJM109",
        "m.cjm.yaml",
        cwd=tmp_path,
    )
    found = [(d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]]
    # Word of mouth: no touchpoints, suppressed; it has no feeling (not suppressed). Returns: no
    # touchpoints (not suppressed), no feeling (suppressed). The file-level CJM105 is unused.
    assert sorted(found) == [("CJM100", 11), ("CJM101", 9), ("CJM109", 5)]
