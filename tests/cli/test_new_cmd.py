"""`cjmap new`: every kind in every language starts a map that validates."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from cjmap.lint import lint_map, settings_from
from cjmap.load.loader import load_map
from cjmap.model import CurrentStateMap, FutureStateMap
from cjmap.starter import KINDS, LANGS, find_schema, starter_text
from support import run_cli

SCRIPT_SAMPLE = {"zh": "\u4e00", "ru": "\u0430", "mk": "\u0430", "en": "a"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_starter_validates(tmp_path: Path, kind: str, lang: str) -> None:
    (tmp_path / ".git").mkdir()  # the project root
    path = tmp_path / f"{kind}.{lang}.cjm.yaml"
    path.write_text(
        starter_text(kind, lang, persona_ref=None, schema_ref="cjmap.schema.json"), encoding="utf-8"
    )
    loaded = load_map(path)
    assert loaded.ok, [f"{d.line}:{d.column} {d.message}" for d in loaded.diagnostics]
    assert loaded.doc is not None and loaded.doc.kind == kind and loaded.doc.lang == lang
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=cjmap.schema.json\n")
    assert loaded.persona is not None
    # Placeholder text is in the chosen language's script.
    if lang == "zh":
        assert any("\u4e00" <= ch <= "\u9fff" for ch in loaded.doc.title)
    elif lang in ("ru", "mk"):
        assert any("\u0400" <= ch <= "\u04ff" for ch in loaded.doc.title)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["current-state", "future-state"])
def test_staged_starters_are_born_scored(tmp_path: Path, kind: str, lang: str) -> None:
    # Every opportunity has an impact and an effort, so CJM131 (opportunity-unscored) is quiet
    # and the new map can go on the prioritisation matrix as it is.
    (tmp_path / ".git").mkdir()
    path = tmp_path / f"{kind}.{lang}.cjm.yaml"
    path.write_text(
        starter_text(kind, lang, persona_ref=None, schema_ref="cjmap.schema.json"), encoding="utf-8"
    )
    loaded = load_map(path)
    assert isinstance(loaded.doc, CurrentStateMap | FutureStateMap)
    opportunities = [o for stage in loaded.doc.stages for o in stage.opportunities]
    assert opportunities
    assert all(o.impact is not None and o.effort is not None for o in opportunities)
    assert lint_map(loaded, settings_from(select=["opportunity-unscored"])) == []


def test_macedonian_starters_use_macedonian_letters() -> None:
    text = "".join(starter_text(k, "mk", persona_ref=None, schema_ref="s.json") for k in KINDS)
    assert any(ch in text for ch in "ѓќѕљњџј")
    assert not any(ch in text for ch in "ыэъё")  # Russian-only letters


def test_new_writes_file_with_persona_reference_and_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "anna.yaml").write_text("name: Анна\ngoals: [x]\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    out = tmp_path / "maps" / "empathy.cjm.yaml"
    result = run_cli(
        "new",
        "--template",
        "empathy",
        "--lang",
        "ru",
        "--persona",
        "personas/anna.yaml",
        "-o",
        "maps/empathy.cjm.yaml",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../cjmap.schema.json\n")
    assert 'persona: "../personas/anna.yaml"' in text
    loaded = load_map(out)
    assert loaded.ok, loaded.diagnostics
    assert loaded.persona is not None and loaded.persona.name == "Анна"

    out.write_text("my work\n", encoding="utf-8")
    again = run_cli("new", "-t", "empathy", "-o", "maps/empathy.cjm.yaml", cwd=tmp_path)
    assert again.returncode == 2
    assert "already exists (use --force" in again.stderr
    assert out.read_text(encoding="utf-8") == "my work\n"
    forced = run_cli("new", "-t", "empathy", "-o", "maps/empathy.cjm.yaml", "--force", cwd=tmp_path)
    assert forced.returncode == 0
    assert "kind: empathy" in out.read_text(encoding="utf-8")


def test_new_without_output_prints_to_stdout(tmp_path: Path) -> None:
    result = run_cli("new", "-t", "day-in-the-life", "-l", "zh", cwd=tmp_path)
    assert result.returncode == 0
    assert "kind: day-in-the-life" in result.stdout
    assert not list(tmp_path.iterdir())


def test_new_rejects_unknown_template() -> None:
    result = run_cli("new", "-t", "journey")
    assert result.returncode == 2
    assert "journey" in result.stderr


def test_a_new_map_is_reviewed_today_and_its_actions_are_due_a_quarter_later() -> None:
    text = starter_text(
        "current-state", "mk", persona_ref=None, schema_ref="s.json", today=dt.date(2027, 2, 27)
    )
    assert "\nreviewed: 2027-02-27 " in text
    assert "due: 2027-05-29" in text
    assert "__" not in text
    today = starter_text("empathy", "zh", persona_ref=None, schema_ref="s.json")
    assert f"\nreviewed: {dt.date.today().isoformat()} " in today


def test_the_modeline_points_at_the_nearest_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    deep = tmp_path / "maps" / "2027" / "q1"
    deep.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    ref, note = find_schema(deep, "ru")
    assert ref == "../../../cjmap.schema.json"
    assert note is not None and "`cjmap schema -o cjmap.schema.json`" in note
    (tmp_path / "maps" / "cjmap.schema.json").write_text("{}", encoding="utf-8")
    assert find_schema(deep, "ru") == ("../../cjmap.schema.json", None)
    ref, note = find_schema(deep, "zh", folder_known=False)
    assert note is not None and "$schema=" in note


def test_new_redirected_to_a_file_knows_where_the_map_is(tmp_path: Path) -> None:
    # `cjmap new > maps/x.cjm.yaml`, run by a real shell redirection.
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "cjmap.schema.json").write_text("{}", encoding="utf-8")
    target = tmp_path / "maps" / "x.cjm.yaml"
    with target.open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "cjmap", "new", "-l", "ru", "--today", "2027-01-02"],
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "reviewed: 2027-01-02" in "\n".join(lines)
    if Path("/proc/self/fd").is_dir():  # Linux says where stdout goes
        assert lines[0] == "# yaml-language-server: $schema=../cjmap.schema.json"
        assert lines[1].startswith("# Карта")
    else:  # elsewhere cjmap cannot tell, and says so under the modeline
        assert lines[0] == "# yaml-language-server: $schema=cjmap.schema.json"
        assert "$schema=" in lines[1]
