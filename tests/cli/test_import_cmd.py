"""`cjmap import`: stdout or -o, never overwriting without --force, options, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cjmap.cli import app
from cjmap.validate import validate_paths
from support import run_cli

SHEET = (
    "Этап;Поиск;Покупка;Доставка\n"
    "Действия;Читает отзывы;Платит;Ждёт\n"
    "Заметки;—;—;—\n"
    "Эмоции;2;4;5\n"
    "Каналы;Сайт;Корзина;СМС\n"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "путь.csv").write_bytes(SHEET.encode("cp1251"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, ["import", *args])


def test_writes_a_map_that_validates(folder: Path) -> None:
    done = _run("путь.csv", "-o", "maps/путь.cjm.yaml", "--lane", "Заметки=skip", "--scale", "1-5")
    assert done.exit_code == 0, done.output
    assert "read as Windows-1251, semicolon-separated" in done.stderr
    assert "lang: ru (guessed" in done.stderr
    text = (folder / "maps" / "путь.cjm.yaml").read_text(encoding="utf-8")
    # The schema path is relative to the map's folder, as `cjmap new` writes it.
    assert text.startswith("# yaml-language-server: $schema=../cjmap.schema.json\n")
    assert "# Imported by `cjmap import` from путь.csv (stages as columns)." in text
    assert "feeling: 3" in text  # 5 on 1..5
    result = validate_paths([folder / "maps"])
    assert not result.failed(), result.diagnostics


def test_prints_without_output_and_never_overwrites_without_force(folder: Path) -> None:
    done = _run("путь.csv", "--lane", "Заметки=skip", "--scale", "1-5", "--lang", "ru")
    assert done.exit_code == 0 and done.stdout.startswith("# yaml-language-server:")
    target = folder / "maps" / "x.cjm.yaml"
    target.write_text("keep me", encoding="utf-8")
    done = _run("путь.csv", "-o", str(target), "--lane", "Заметки=skip", "--scale", "1-5")
    assert done.exit_code == 2 and "exists; add --force" in done.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    done = _run(
        "путь.csv", "-o", str(target), "--lane", "Заметки=skip", "--scale", "1-5", "--force"
    )
    assert done.exit_code == 0 and "cjmap: 1" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["путь.csv"], "row header that name no lane: 'Заметки' at путь.csv:A3"),
        (["путь.csv", "--lane", "Заметки=notes"], "'notes' is not a lane"),
        (["путь.csv", "--scale", "five"], "--scale: 'five' is not a scale"),
        (["путь.csv", "--lang", "русский"], "--lang 'русский' is not a language tag"),
        (["путь.csv", "--kind", "empathy"], "Invalid value for '--kind'"),
        (["nothing.csv"], "nothing.csv: no such file"),
    ],
)
def test_bad_input_is_a_clear_error_with_exit_2(
    folder: Path, args: list[str], message: str
) -> None:
    done = _run(*args)
    assert done.exit_code == 2
    assert message in done.stderr
    assert "Traceback" not in done.output


def test_the_real_command_on_a_hostile_file(folder: Path) -> None:
    (folder / "report.xlsx").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    done = run_cli("import", "report.xlsx", cwd=folder)
    assert done.returncode == 2
    assert done.stderr.startswith("cjmap: report.xlsx: this is not an Excel workbook (it is a PDF)")
    assert "Traceback" not in done.stderr and done.stdout == ""
