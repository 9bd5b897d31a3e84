"""Configuration: found at the project root, applied per rule, and every mistake in it is a
located error that stops the run with exit code 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cjmap.diagnostics import Severity
from cjmap.lint import UsageError, lint_map, settings_from
from cjmap.load.codes import CONFIG
from cjmap.load.config import ConfigError, find_config, load_config
from cjmap.load.loader import load_map
from cjmap.validate import validate_paths
from support import run_cli

TODAY = dt.date(2026, 11, 25)
TWO_STAGES = """\
cjmap: 1
kind: current-state
title: Buying a vacuum online
stages:
  - name: Purchase
    touchpoints: [{name: Checkout, channel: website}]
  - name: Delivery
"""


def _project(tmp_path: Path, config_name: str | None = None, config: str = "") -> Path:
    (tmp_path / ".git").mkdir()
    if config_name:
        (tmp_path / config_name).write_text(config, encoding="utf-8")
    maps = tmp_path / "maps"
    maps.mkdir()
    path = maps / "journey.cjm.yaml"
    path.write_text(TWO_STAGES, encoding="utf-8")
    return path


def _codes(path: Path, **kwargs: object) -> dict[str, Severity]:
    result = validate_paths([path], today=TODAY, **kwargs)  # type: ignore[arg-type]
    return {d.code: d.severity for d in result.diagnostics}


def _error(exc: pytest.ExceptionInfo[ConfigError]) -> tuple[str, int, int, str]:
    d = exc.value.diagnostics[0]
    assert d.code == CONFIG[0]
    return Path(d.file).name, d.line, d.column, d.message


def test_defaults_without_configuration(tmp_path: Path) -> None:
    codes = _codes(_project(tmp_path))
    assert codes["CJM107"] is Severity.error  # 2 stages < 3
    assert codes["CJM101"] is Severity.error  # Delivery has no touchpoints
    assert codes["CJM112"] is Severity.warning


def test_cjmap_yaml_at_the_project_root_applies_to_maps_below(tmp_path: Path) -> None:
    path = _project(
        tmp_path,
        ".cjmap.yaml",
        "lint:\n"
        "  ignore: [no-moment-of-truth]\n"
        "  rules:\n"
        "    CJM107: {min_stages: 2}\n"
        "    stage-without-touchpoints: {severity: warning}\n",
    )
    assert find_config(tmp_path) == tmp_path / ".cjmap.yaml"
    codes = _codes(path)
    assert "CJM107" not in codes and "CJM112" not in codes
    assert codes["CJM101"] is Severity.warning
    assert "CJM109" in codes  # other rules still run


def test_select_runs_only_the_named_rules(tmp_path: Path) -> None:
    path = _project(
        tmp_path, ".cjmap.yaml", "lint:\n  select: [CJM107, stage-without-touchpoints]\n"
    )
    assert set(_codes(path)) == {"CJM107", "CJM101"}


def test_pyproject_tool_cjmap(tmp_path: Path) -> None:
    path = _project(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "maps"\n\n[tool.cjmap.lint]\nselect = ["CJM107"]\n\n'
        '[tool.cjmap.lint.rules.too-few-stages]\nseverity = "info"\nmin_stages = 3\n',
    )
    assert _codes(path) == {"CJM107": Severity.info}


def test_pyproject_without_tool_cjmap_means_defaults(tmp_path: Path) -> None:
    path = _project(tmp_path, "pyproject.toml", '[project]\nname = "maps"\n')
    assert find_config(tmp_path) is None
    assert "CJM107" in _codes(path)


def test_cjmap_yaml_wins_over_pyproject(tmp_path: Path) -> None:
    path = _project(tmp_path, "pyproject.toml", '[tool.cjmap.lint]\nselect = ["CJM101"]\n')
    (tmp_path / ".cjmap.yaml").write_text("lint:\n  select: [CJM107]\n", encoding="utf-8")
    assert set(_codes(path)) == {"CJM107"}


def test_explicit_config_file_replaces_the_project_one(tmp_path: Path) -> None:
    path = _project(tmp_path, ".cjmap.yaml", "lint:\n  select: [CJM101]\n")
    other = tmp_path / "ci.yaml"
    other.write_text("lint:\n  select: [CJM112]\n", encoding="utf-8")
    assert set(_codes(path, config=other)) == {"CJM112"}


def test_command_line_select_and_ignore(tmp_path: Path) -> None:
    path = _project(tmp_path, ".cjmap.yaml", "lint:\n  ignore: [CJM101]\n")
    # --select replaces the configured selection (its ignore list too); --ignore adds to it.
    assert set(_codes(path, select=["CJM101,CJM107", "too-few-stages"])) == {"CJM101", "CJM107"}
    assert "CJM107" not in _codes(path, ignore=["CJM107"])
    assert "CJM101" not in _codes(path, ignore=["CJM107"])
    assert set(_codes(path, select=["all"], ignore=["CJM107"])) >= {"CJM101", "CJM112"}
    with pytest.raises(UsageError, match="unknown rule 'CJM999'"):
        _codes(path, select=["CJM999"])


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            "lnt:\n  select: [all]\n",
            (1, 1),
            "unknown configuration section 'lnt' (did you mean 'lint'?)",
        ),
        (
            "lint:\n  selct: [all]\n",
            (2, 3),
            "unknown key 'selct' in `lint` (did you mean 'select'?)",
        ),
        (
            "lint:\n  ignore: [CJM112, CJM1O1]\n",
            (2, 20),
            "unknown rule 'CJM1O1' (did you mean 'CJM101'?)",
        ),
        (
            "lint:\n  rules:\n    stale-reveiw: {}\n",
            (3, 5),
            "unknown rule 'stale-reveiw' (did you mean 'stale-review'?)",
        ),
        (
            "lint:\n  rules:\n    CJM106: {severity: fatal}\n",
            (3, 24),
            "severity 'fatal' is not one of error, warning, info",
        ),
        (
            "lint:\n  rules:\n    CJM107:\n      min_stage: 4\n",
            (4, 7),
            "CJM107 (too-few-stages) has no option 'min_stage' (did you mean 'min_stages'?)",
        ),
        (
            "lint:\n  rules:\n    CJM107: {min_stages: four}\n",
            (3, 26),
            "CJM107 option `min_stages` must be a whole number",
        ),
        (
            "lint:\n  rules:\n    CJM107: {min_stages: 0}\n",
            (3, 26),
            "CJM107 option `min_stages` must be between 1 and 100",
        ),
        (
            "lint:\n  rules:\n    CJM106: {review_every: true}\n",
            (3, 28),
            "must be a whole number or null, not true/false",
        ),
        ("lint:\n  select: CJM101, CJM102\n", (2, 11), "unknown rule 'CJM101, CJM102'"),
        ("lint: [a, b]\n", (1, 1), "`lint` must be a mapping of settings"),
        ("lint:\n  rules: [CJM101]\n", (2, 3), "`rules` must be a mapping"),
        ("lint:\n  select: [CJM101\n", (2, 11), "the '[' opened here is never closed"),
        ("- lint\n", (1, 1), "the configuration must be a mapping"),
    ],
)
def test_bad_yaml_config_is_a_located_error(
    tmp_path: Path, text: str, where: tuple[int, int], message: str
) -> None:
    (tmp_path / ".cjmap.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        settings_from(load_config(tmp_path / ".cjmap.yaml"))
    name, line, column, got = _error(exc)
    assert name == ".cjmap.yaml"
    assert message in got
    assert (line, column) == where


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            '[tool.cjmap.lint]\nignore = [\n  "CJM112",\n  "CJM999",\n]\n',
            (4, 3),
            "unknown rule 'CJM999'",
        ),
        ('[tool.cjmap.lint]\nselect = ["CJM101", "nope"]\n', (2, 21), "unknown rule 'nope'"),
        (
            '[tool.cjmap.lint.rules.stale-review]\nreview_every = "sixty"\n',
            (2, 1),
            "must be a whole number or null",
        ),
        (
            "[tool.cjmap.lint.rules]\nCJM107 = { min_stages = 4, bogus = 1 }\n",
            (2, 1),
            "has no option 'bogus'",
        ),
        ("[tool.cjmap]\nrender = {}\n", (2, 1), "unknown configuration section 'render'"),
        (
            '[tool.cjmap]\nlint = { select = ["CJM101"] \n',
            (2, 30),
            "TOML syntax: Unclosed inline table",
        ),
    ],
)
def test_bad_pyproject_config_is_a_located_error(
    tmp_path: Path, text: str, where: tuple[int, int], message: str
) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n' + text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        settings_from(load_config(tmp_path / "pyproject.toml"))
    name, line, column, got = _error(exc)
    assert name == "pyproject.toml"
    assert message in got
    assert (line - 3, column) == where


def test_cli_reports_a_bad_config_with_its_location_and_exits_2(tmp_path: Path) -> None:
    path = _project(tmp_path, ".cjmap.yaml", "lint:\n  ignore: [CJM1O1]\n")
    result = run_cli("validate", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert (
        ".cjmap.yaml:2:12: error: unknown rule 'CJM1O1' (did you mean 'CJM101'?) [CJM009 config]"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_cli_unknown_rule_on_the_command_line_exits_2(tmp_path: Path) -> None:
    path = _project(tmp_path)
    result = run_cli("validate", "--ignore", "stale-reveiw", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert "--ignore: unknown rule 'stale-reveiw' (did you mean 'stale-review'?)" in result.stderr


def test_options_reach_the_rule(tmp_path: Path) -> None:
    path = _project(tmp_path)
    settings = settings_from(
        load_config_text(
            tmp_path, "lint:\n  select: [CJM107]\n  rules:\n    CJM107: {min_stages: 2}\n"
        )
    )
    assert settings.options_of(next(r for r in settings.rules())) == {"min_stages": 2}
    assert lint_map(load_map(path), settings, TODAY) == []


def load_config_text(folder: Path, text: str):  # type: ignore[no-untyped-def]
    path = folder / "cfg.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)
