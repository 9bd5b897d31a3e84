"""The command line as a user meets it: output, exit codes, start-up weight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support import EXAMPLES, FIXTURES, ROOT, run_cli


def test_validate_examples_is_clean() -> None:
    result = run_cli("validate", "--today", "2026-11-25", "examples")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


def test_validate_reports_compiler_style_with_excerpt_and_caret() -> None:
    result = run_cli("validate", "tests/fixtures/invalid/unknown-key.cjm.yaml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "tests/fixtures/invalid/unknown-key.cjm.yaml:7:5: error: unknown key 'touchpionts' "
        "(did you mean 'touchpoints'?) [CJM011 unknown-key]"
    )
    assert lines[1].endswith("|     touchpionts:")
    assert lines[2].endswith("|     ^")
    assert "\x1b[" not in result.stdout  # piped: no ANSI colour
    assert lines[-1] == "1 file checked: 1 error in 1 file"


def test_invalid_fixtures_exit_1_each_reported() -> None:
    fixtures = sorted((FIXTURES / "invalid").glob("*.cjm.yaml"))
    result = run_cli("validate", "--no-source", "tests/fixtures/invalid")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    reported = {
        Path(line.split(":")[0]).name for line in result.stdout.splitlines() if ": error:" in line
    }
    assert reported == {f.name for f in fixtures}


def test_missing_path_exits_2() -> None:
    result = run_cli("validate", "no/such/map.cjm.yaml")
    assert result.returncode == 2
    assert "no/such/map.cjm.yaml: no such file or folder" in result.stderr


def test_folder_is_searched_for_cjm_yaml_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.cjm.yaml").write_text(
        "cjmap: 1\nkind: empathy\ntitle: [\n", encoding="utf-8"
    )
    (tmp_path / "a.cjm.yaml").write_text("cjmap: 1\nkind: empathy\n", encoding="utf-8")
    (tmp_path / "persona.yaml").write_text("not: a map\n", encoding="utf-8")
    result = run_cli("validate", "--no-source", str(tmp_path))
    assert result.returncode == 1
    files = [line.split(":")[0] for line in result.stdout.splitlines() if ": error:" in line]
    assert [Path(f).name for f in files] == ["a.cjm.yaml", "z.cjm.yaml"]
    assert result.stdout.splitlines()[-1] == "2 files checked: 2 errors in 2 files"


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip().startswith("cjmap ")


def test_validate_does_not_import_render_stack() -> None:
    code = (
        "import sys\n"
        "from cjmap.cli import main\n"
        "sys.argv = ['cjmap', 'validate', 'examples/colleen/current.cjm.yaml']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "heavy = sorted(m for m in ('weasyprint', 'jinja2', 'babel', 'pypdf', 'watchfiles') if m in sys.modules)\n"
        "print(__import__('json').dumps({'code': code, 'heavy': heavy}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}


def test_the_command_skips_pydantics_plugin_scan_unless_the_user_asks_for_it() -> None:
    # pydantic reads every installed distribution's entry points for plugins at the first
    # validator; the command sets PYDANTIC_DISABLE_PLUGINS (an empty value keeps the scan).
    code = (
        "import os, sys\n"
        "from cjmap.cli import main\n"
        "sys.argv = ['cjmap', 'validate', 'examples/colleen/current.cjm.yaml']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "scanned = sys.modules['pydantic.plugin._loader']._plugins is not None\n"
        "print(code, scanned, repr(os.environ['PYDANTIC_DISABLE_PLUGINS']))\n"
    )

    def run(**env: str) -> list[str]:
        environ = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={**environ, **env},
        )
        return result.stdout.splitlines()[-1].split()

    assert run() == ["0", "False", "'__all__'"]
    assert run(PYDANTIC_DISABLE_PLUGINS="") == ["0", "True", "''"]


def test_the_command_line_starts_without_the_models() -> None:
    # Every command module is imported when the typer app is assembled (they register on it):
    # none may load pydantic, the models or a printer before its command runs (--version,
    # --help, new). Importing the package alone loads not even typer (the plain validate path).
    code = (
        "import sys\n"
        "import cjmap.cli\n"
        "bare = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click'))\n"
        "from cjmap.cli import app\n"
        "heavy = sorted(m for m in sys.modules if m in ('pydantic', 'cjmap.model', 'psutil',"
        " 'icalendar', 'cjmap.load.loader', 'cjmap.portfolio.actions', 'cjmap.report.sarif'))\n"
        "print(bare, heavy, len(app.registered_commands) > 10, 'cjmap.cli.export_cmd' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[] [] True True", result.stdout + result.stderr


def test_schema_command_prints_json_schema_of_all_kinds() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    text = result.stdout
    for key in ("touchpoints", "moments", "empathy", "compares", "moment_of_truth"):
        assert f'"{key}"' in text
    # Descriptions become hover docs in editors.
    assert "-3 (worst)" in text


def test_internal_error_is_one_line_and_exit_3(tmp_path: Path) -> None:
    # Simulate a bug deep in the library: the CLI must turn it into one line and exit 3.
    code = (
        "import sys\n"
        "import cjmap.validate as v\n"
        "def boom(*args, **kwargs): raise RuntimeError('boom')\n"
        "v.validate_paths = boom\n"
        "from cjmap.cli import main\n"
        "sys.argv = ['cjmap', 'validate', 'x']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("cjmap: internal error (RuntimeError)")
    assert EXAMPLES.exists()


def test_one_kind_enum_for_the_models_the_templates_and_the_commands() -> None:
    from cjmap import choices
    from cjmap.model import MODEL_BY_KIND, Kind
    from cjmap.render.html import TEMPLATES

    assert Kind is choices.Kind
    assert list(MODEL_BY_KIND) == list(TEMPLATES) == [k.value for k in choices.Kind]
