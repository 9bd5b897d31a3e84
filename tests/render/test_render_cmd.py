"""``cjmap render`` as a user runs it: outputs, exit codes and messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES, ROOT, write_map


def cjmap(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "cjmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_one_map_to_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "bare.pdf"
    done = cjmap("render", str(FIXTURES / "bare.cjm.yaml"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert f"wrote {out}" in done.stdout


def test_a_folder_to_a_folder_of_html(tmp_path: Path) -> None:
    done = cjmap(
        "render", str(FIXTURES), "-o", str(tmp_path / "site"), "--format", "html", "-j", "2"
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["bare.html", "wide.html"]


def test_schema_errors_print_like_validate_and_exit_1(tmp_path: Path) -> None:
    bad = write_map(
        tmp_path,
        "bad.cjm.yaml",
        "cjmap: 1\nkind: current-state\ntitle: Bad\nstages:\n  - nme: Oops\n",
    )
    done = cjmap("render", str(bad), "-o", str(tmp_path / "bad.pdf"))
    assert done.returncode == 1
    assert "bad.cjm.yaml:5:5: error:" in done.stdout
    assert "nme" in done.stdout and "name" in done.stdout  # the closest known key
    assert "not rendered" in done.stderr
    assert not (tmp_path / "bad.pdf").exists()
    validate = cjmap("validate", str(bad))
    first_error = next(line for line in validate.stdout.splitlines() if ": error:" in line)
    assert first_error in done.stdout  # the same diagnostic as `cjmap validate`


def test_usage_and_io_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    wrong_suffix = cjmap("render", str(FIXTURES / "wide.cjm.yaml"), "-o", str(tmp_path / "x.docx"))
    assert wrong_suffix.returncode == 2
    assert (
        wrong_suffix.stderr.strip().count("\n") == 0
        and "cannot tell the format" in wrong_suffix.stderr
    )
    no_folder = cjmap(
        "render", str(FIXTURES / "wide.cjm.yaml"), "-o", str(tmp_path / "missing" / "x.html")
    )
    assert no_folder.returncode == 2
    assert "does not exist" in no_folder.stderr and "Traceback" not in no_folder.stderr
    assert not (tmp_path / "missing").exists()
    missing = cjmap("render", str(tmp_path / "nope.cjm.yaml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_lint_findings_do_not_block_rendering(tmp_path: Path) -> None:
    # bare.cjm.yaml has lint errors (too few stages, no touchpoints) but no schema error.
    done = cjmap("render", str(FIXTURES / "bare.cjm.yaml"), "-o", str(tmp_path / "bare.html"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "bare.html").exists()
