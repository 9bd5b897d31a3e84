"""`cjmap new`: every kind in every language starts a map that validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmap.lint import lint_map, settings_from
from cjmap.load.loader import load_map
from cjmap.model import CurrentStateMap, FutureStateMap
from cjmap.starter import KINDS, LANGS, starter_text
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
