"""The app the command line runs: only the command named, the same parsing, help and errors."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cjmap.cli import app
from cjmap.cli.core import _command_name, app_for


def test_a_command_named_exactly_gets_an_app_with_it_alone() -> None:
    lean = app_for(["validate", "maps"])
    assert [_command_name(c) for c in lean.registered_commands] == ["validate"]
    assert lean.registered_callback is app.registered_callback
    assert len(app.registered_commands) > 1  # the app itself is untouched


def test_every_command_is_found_by_the_name_typer_gives_it() -> None:
    names = [_command_name(c) for c in app.registered_commands]
    assert len(set(names)) == len(names)
    assert {"validate", "import", "export", "render"} <= set(names)
    for name in names:
        assert [_command_name(c) for c in app_for([name]).registered_commands] == [name]


@pytest.mark.parametrize("args", [[], ["--version"], ["validat", "x"], ["--help"], ["Validate"]])
def test_anything_else_gets_the_whole_app(args: list[str]) -> None:
    assert app_for(args) is app


def test_shell_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_CJMAP_COMPLETE", "complete_bash")
    assert app_for(["validate"]) is app


@pytest.mark.parametrize(
    "args", [["validate", "--help"], ["validate"], ["validate", "-f", "nope", "x"]]
)
def test_help_and_usage_errors_are_the_same_as_with_every_command(args: list[str]) -> None:
    runner = CliRunner()
    whole = runner.invoke(app, args, prog_name="cjmap")
    lean = runner.invoke(app_for(args), args, prog_name="cjmap")
    assert (lean.exit_code, lean.output) == (whole.exit_code, whole.output)
    assert whole.output
