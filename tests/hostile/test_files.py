"""Hostile files: nothing outside the project is read, nothing blocks, nothing is too large.

A pull request can add symlinks (git stores them), and CI runs ``cjmap validate maps/`` in a
checkout that sits next to secrets. ``SECRET`` below stands for such a file: its text must
never reach the output, whatever the map or persona points at.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cjmap.load.files import MAX_FILE_BYTES, FileProblem, read_bytes

from .conftest import VALID, cli, diagnostics, errors

SECRET_TEXT = "AWS_SECRET_ACCESS_KEY: hunter2-do-not-leak\n"
MAP_WITH_PERSONA = (
    VALID[: VALID.index("persona:")] + "persona: {persona}\n" + VALID[VALID.index("stages:") :]
)
PERSONA_POS = (6, 10)  # where `persona:`'s value starts in MAP_WITH_PERSONA


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file beside the project (outside its root) that must never be read."""
    path = tmp_path / "secret.yaml"
    path.write_text(SECRET_TEXT)
    return path


def located(path: Path) -> list[tuple[str, int, int, str, str]]:
    """(file relative to the project, line, column, code, message) of each error."""
    return [
        (Path(d.file).as_posix().split("/project/")[-1], d.line, d.column, d.code, d.message)
        for d in diagnostics(path)
        if d.severity == "error"
    ]


def persona_map(project: Path, reference: str) -> Path:
    path = project / "maps" / "map.cjm.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(MAP_WITH_PERSONA.format(persona=reference))
    return path


def test_map_symlink_out_of_the_project_is_refused(project: Path, secret: Path) -> None:
    maps = project / "maps"
    maps.mkdir()
    (maps / "evil.cjm.yaml").symlink_to(secret)
    assert errors(maps) == [
        (1, 1, "CJM006", "the file is a symlink that points outside the project root")
    ]
    result = cli("validate", maps)
    assert result.returncode == 1
    assert "hunter2" not in result.stdout + result.stderr


def test_map_symlink_to_proc_environ_is_refused(project: Path) -> None:
    link = project / "env.cjm.yaml"
    link.symlink_to("/proc/self/environ")
    result = cli("validate", "--format", "github", link, env={"CJMAP_TEST_SECRET": "s3cr3t"})
    assert result.returncode == 1
    assert "s3cr3t" not in result.stdout + result.stderr
    assert "the file is a symlink that points outside the project root" in result.stdout


def test_map_symlink_inside_the_project_is_fine(project: Path) -> None:
    (project / "real.yaml").write_text(VALID)
    (project / "link.cjm.yaml").symlink_to("real.yaml")
    assert errors(project / "link.cjm.yaml") == []


def test_map_in_a_symlinked_folder_pointing_out_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "m.cjm.yaml").write_text(SECRET_TEXT)
    (project / "linked").symlink_to(outside)
    # Walking the project does not follow the folder symlink; naming the file behind it is refused.
    assert errors(project) == []
    assert errors(project / "linked" / "m.cjm.yaml") == [
        (1, 1, "CJM006", "the file is a symlink that points outside the project root")
    ]


def test_persona_symlink_out_of_the_project_is_refused(project: Path, secret: Path) -> None:
    (project / "maps").mkdir()
    (project / "maps" / "p.yaml").symlink_to(secret)
    path = persona_map(project, "p.yaml")
    assert errors(path) == [
        (
            *PERSONA_POS,
            "CJM006",
            "persona 'p.yaml': the path is a symlink that points outside the project root",
        )
    ]
    assert "hunter2" not in cli("validate", path).stdout


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("../../secret.yaml", "the path leaves the project root"),
        ("../../../../../../../../etc/passwd", "the path leaves the project root"),
        ("/etc/passwd", "the path is absolute"),
        ("~/.ssh/id_rsa", "the path is absolute"),
        ("C:/Windows/win.ini", "the path is absolute"),
        ("\\\\server\\share\\x.yaml", "the path is absolute"),
        ("C:\\Users\\me\\.aws\\credentials", "it starts with the Windows drive C:"),
        ("..\\..\\secret.yaml", "the path has backslashes"),
        ('"personas/\\0.yaml"', "the path contains U+0000, a control or invisible character"),
        ('"p\\u202eyaml.lmay"', "the path contains U+202E, a control or invisible character"),
    ],
)
def test_persona_paths_that_leave_the_project(
    project: Path, secret: Path, reference: str, message: str
) -> None:
    path = persona_map(project, reference)
    [(line, column, code, text)] = errors(path)
    assert (line, column, code) == (*PERSONA_POS, "CJM006")
    assert text.startswith("persona '") and message in text
    assert "hunter2" not in cli("validate", path).stdout


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("../../secret.cjm.yaml", "the path leaves the project root"),
        ("/etc/passwd", "the path is absolute"),
        ("linked.cjm.yaml", "the path is a symlink that points outside the project root"),
        ("..\\..\\secret.cjm.yaml", "the path has backslashes"),
        ("Linked.cjm.yaml", "the file is named 'linked.cjm.yaml': the case differs"),
    ],
)
def test_compares_paths_that_leave_the_project(
    project: Path, tmp_path: Path, reference: str, message: str
) -> None:
    outside = tmp_path / "secret.cjm.yaml"
    outside.write_text(VALID.replace("hunter2", "x") + "# AWS_SECRET hunter2\n")
    (project / "maps").mkdir()
    (project / "maps" / "linked.cjm.yaml").symlink_to(outside)
    future = VALID.replace("kind: current-state", "kind: future-state")
    future = future.replace("stages:", f"compares: {reference}\nstages:", 1)
    path = project / "maps" / "future.cjm.yaml"
    path.write_text(future)
    line = future.splitlines().index(f"compares: {reference}") + 1
    [(file, *where, text)] = located(path)
    assert (file, *where) == ("maps/future.cjm.yaml", line, 11, "CJM020")
    assert text.startswith(f"compares '{reference}': {message}")  # (+ the root, for '..')
    assert "hunter2" not in cli("validate", path).stdout


def test_fifo_map_does_not_block(project: Path) -> None:
    fifo = project / "fifo.cjm.yaml"
    os.mkfifo(fifo)
    # Named on the command line: refused at once (opening a FIFO would block forever).
    result = cli("validate", "--no-source", fifo, timeout=30)
    assert result.returncode == 1
    assert "fifo.cjm.yaml:1:1: error: this is not a regular file (a FIFO, socket or device)" in (
        result.stdout
    )
    # Found in a folder: not a map file at all.
    assert cli("validate", project, timeout=30).returncode == 0


def test_fifo_persona_does_not_block(project: Path) -> None:
    (project / "maps").mkdir()
    os.mkfifo(project / "maps" / "p.yaml")
    path = persona_map(project, "p.yaml")
    result = cli("validate", "--no-source", path, timeout=30)
    assert result.returncode == 1
    assert "maps/p.yaml:1:1: error: this is not a regular file (a FIFO, socket or device)" in (
        result.stdout
    )


def test_device_is_refused(project: Path) -> None:
    assert errors(Path("/dev/zero")) == [
        (1, 1, "CJM006", "this is not a regular file (a FIFO, socket or device)")
    ]
    with pytest.raises(FileProblem, match="not a regular file"):
        read_bytes(Path("/dev/urandom"))


def test_device_inside_the_project_is_refused(project: Path) -> None:
    (project / "maps").mkdir()
    try:
        os.mknod(project / "maps" / "p.yaml", stat.S_IFCHR | 0o644, os.makedev(1, 5))  # /dev/zero
    except PermissionError:
        pytest.skip("creating a device node needs root")
    path = persona_map(project, "p.yaml")
    assert located(path) == [
        ("maps/p.yaml", 1, 1, "CJM006", "this is not a regular file (a FIFO, socket or device)")
    ]


def test_folder_as_persona(project: Path) -> None:
    (project / "maps" / "p.yaml").mkdir(parents=True)
    path = persona_map(project, "p.yaml")
    assert located(path) == [("maps/p.yaml", 1, 1, "CJM006", "this is a folder, not a file")]


def test_folder_named_like_a_map_is_skipped(project: Path) -> None:
    (project / "x.cjm.yaml").mkdir()
    (project / "ok.cjm.yaml").write_text(VALID)
    result = cli("validate", project)
    assert result.returncode == 0, result.stdout
    assert "1 file checked" in result.stdout


def test_size_cap_for_maps(project: Path) -> None:
    path = project / "big.cjm.yaml"
    path.write_bytes(VALID.encode() + b"#" * (MAX_FILE_BYTES + 1 - len(VALID)))
    assert errors(path) == [(1, 1, "CJM006", "the file is 8,388,609 bytes; the limit is 8,388,608")]


def test_size_cap_for_personas(project: Path) -> None:
    (project / "maps").mkdir()
    (project / "maps" / "p.yaml").write_bytes(b"name: Colleen\n" + b"#" * MAX_FILE_BYTES)
    path = persona_map(project, "p.yaml")
    assert errors(path) == [(1, 1, "CJM006", "the file is 8,388,622 bytes; the limit is 8,388,608")]


def test_file_names_with_control_characters(project: Path) -> None:
    (project / "ok.cjm.yaml").write_text(VALID)
    evil = project / "x\n::error file=ok.cjm.yaml,line=1::forged\x1b[31m.cjm.yaml"
    evil.write_text(VALID)
    result = cli("validate", "--no-source", ".", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert not any(line.startswith("::") for line in lines)
    assert "\x1b" not in result.stdout
    [line] = [line for line in lines if "error:" in line]
    assert line.startswith("x\\u000a::error file=ok.cjm.yaml,line=1::forged\\u001b[31m.cjm.yaml")
    assert "the file name contains U+000A, a control or invisible character" in line
    github = cli("validate", "--format", "github", project).stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in github[:-1]] == ["::error"]


@pytest.mark.parametrize("name", [".cjmap.yaml", "pyproject.toml"])
def test_configuration_symlink_out_of_the_project_is_refused(
    project: Path, secret: Path, name: str
) -> None:
    (project / name).symlink_to(secret)
    (project / "map.cjm.yaml").write_text(VALID)
    result = cli("validate", project / "map.cjm.yaml")
    assert result.returncode == 2
    assert f"{name}:1:1: error: the file is a symlink that points outside the project root" in (
        result.stdout + result.stderr
    )
    assert "AWS_SECRET" not in result.stdout + result.stderr
