"""cli/exits.py: how every run ends, on the plain validate path and the typer path alike."""

from __future__ import annotations

import errno
import sys

import pytest

from cjmap.cli import main
from cjmap.cli.exits import EXIT_INTERNAL, guarded


def _raise(exc: BaseException) -> None:
    raise exc


def test_a_bug_is_one_line_and_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        guarded(lambda: _raise(RuntimeError("boom")))
    assert stop.value.code == EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert err.startswith("cjmap: internal error (RuntimeError); this is a bug in cjmap")
    assert err.count("\n") == 1 and "boom" not in err


def test_cjmap_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CJMAP_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        guarded(lambda: _raise(RuntimeError("boom")))


def test_exits_pass_through(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        guarded(lambda: sys.exit(2))
    assert stop.value.code == 2
    assert capsys.readouterr().err == ""


def _ending(
    argv: list[str],
    exc: BaseException,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> tuple[object, str, str]:
    import cjmap.validate

    def stop(*args: object, **kwargs: object) -> None:
        raise exc

    with monkeypatch.context() as patch:
        patch.setattr(cjmap.validate, "validate_paths", stop)
        patch.setattr(sys, "argv", ["cjmap", *argv])
        patch.setattr(sys, "stdout", sys.stdout)  # a closed pipe wraps them: put them back
        patch.setattr(sys, "stderr", sys.stderr)
        with pytest.raises(SystemExit) as ended:
            main()
        sys.stdout.flush()
        sys.stderr.flush()
    out, err = capfd.readouterr()
    return ended.value.code, out, err


@pytest.mark.parametrize(
    ("exc", "code"),
    [(KeyboardInterrupt(), 130), (BrokenPipeError(errno.EPIPE, "Broken pipe"), 1), (EOFError(), 1)],
    ids=["ctrl-c", "closed-pipe", "eof"],
)
def test_the_plain_path_ends_as_the_typer_command_ends(
    exc: BaseException,
    code: int,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    fast = _ending(["validate", "m.cjm.yaml"], exc, monkeypatch, capfd)
    typed = _ending(["validate", "--", "m.cjm.yaml"], exc, monkeypatch, capfd)
    assert fast == typed
    assert fast[0] == code


def test_another_os_error_is_a_bug_on_both_paths(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    exc = PermissionError(errno.EACCES, "no")
    fast = _ending(["validate", "m.cjm.yaml"], exc, monkeypatch, capfd)
    assert fast == _ending(["validate", "--", "m.cjm.yaml"], exc, monkeypatch, capfd)
    assert fast[0] == EXIT_INTERNAL
    assert fast[2].startswith("cjmap: internal error (PermissionError)")
