"""Files a map refers to: paths written on macOS and Windows laptops must work on Linux CI."""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

import pytest

from cjmap.load import files
from cjmap.load.files import FileProblem, display, resolve_reference

RELATIVE_ADVICE = (
    "write the path relative to this map's folder, with forward slashes, e.g. personas/colleen.yaml"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with maps/m.cjm.yaml, maps/personas/colleen.yaml and shared/Team Persona.yaml."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps" / "personas").mkdir(parents=True)
    (tmp_path / "maps" / "m.cjm.yaml").write_text("cjmap: 1\n", encoding="utf-8")
    (tmp_path / "maps" / "personas" / "colleen.yaml").write_text("name: C\n", encoding="utf-8")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "Team Persona.yaml").write_text("name: T\n", encoding="utf-8")
    return tmp_path


def problem(project: Path, reference: str) -> FileProblem:
    with pytest.raises(FileProblem) as caught:
        resolve_reference(project / "maps" / "m.cjm.yaml", reference, project)
    return caught.value


def case_insensitive(target: Path) -> Path:
    """``Path.resolve(strict=True)`` as on a macOS or Windows disk: any case opens the file."""
    current = Path(target.anchor)
    for part in target.parts[1:]:
        if part == "..":
            current = current.parent
            continue
        names = os.listdir(current) if current.is_dir() else []
        same = [name for name in names if name.casefold() == part.casefold()]
        if not same:
            raise FileNotFoundError(target)
        current = current / same[0]
    return current.resolve(strict=True)


@pytest.mark.parametrize(
    ("reference", "hint"),
    [
        ("personas\\colleen.yaml", "write 'personas/colleen.yaml'"),
        (".\\personas\\colleen.yaml", "write './personas/colleen.yaml'"),
        ("..\\shared\\Team Persona.yaml", "write '../shared/Team Persona.yaml'"),
        ("personas/sub\\colleen.yaml", "write 'personas/sub/colleen.yaml'"),
    ],
)
def test_backslashes_are_refused_with_the_forward_slash_spelling(
    project: Path, reference: str, hint: str
) -> None:
    found = problem(project, reference)
    assert found.message == (
        "the path has backslashes (\\), which only Windows reads as folder separators"
    )
    assert found.hint == (
        f"{hint}: forward slashes, relative to this map's folder, work on every system"
    )


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("C:\\maps\\p.yaml", "the path is absolute: it starts with the Windows drive C:"),
        ("C:/maps/p.yaml", "the path is absolute: it starts with the Windows drive C:"),
        ("d:personas\\p.yaml", "the path is absolute: it starts with the Windows drive d:"),
        (
            "\\\\server\\share\\p.yaml",
            "the path is absolute: it is a Windows network (UNC) path, \\\\server\\share\\...",
        ),
        (
            "//server/share/p.yaml",
            "the path is absolute: it is a Windows network (UNC) path, \\\\server\\share\\...",
        ),
        (
            "\\maps\\p.yaml",
            "the path is absolute: a leading backslash is the top of the drive on Windows",
        ),
    ],
)
def test_windows_absolute_paths_say_which_kind_and_the_fix(
    project: Path, reference: str, message: str
) -> None:
    found = problem(project, reference)
    assert (found.message, found.hint) == (message, RELATIVE_ADVICE)


CASE_NOTE = "the case differs, which works on macOS and Windows but not on Linux CI"


@pytest.mark.parametrize(
    ("reference", "spelled"),
    [
        ("personas/Colleen.yaml", "personas/colleen.yaml"),
        ("Personas/COLLEEN.YAML", "personas/colleen.yaml"),
        ("./Personas/colleen.yaml", "./personas/colleen.yaml"),
        ("../Shared/team persona.yaml", "../shared/Team Persona.yaml"),
    ],
)
def test_case_variant_on_linux_names_the_real_file(
    project: Path, reference: str, spelled: str
) -> None:
    # On Linux the path as written does not exist: not "no such file", but its real name.
    found = problem(project, reference)
    assert found.message == f"the file is named '{spelled}': {CASE_NOTE}"
    assert found.hint == f"write '{spelled}', exactly as the file is named"


def test_case_variant_on_a_case_insensitive_disk_is_refused(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # macOS and Windows open personas/Colleen.yaml; the map would still break on Linux CI.
    monkeypatch.setattr(files, "_real_path", case_insensitive)
    found = problem(project, "Personas/Colleen.yaml")
    assert found.message == f"the file is named 'personas/colleen.yaml': {CASE_NOTE}"
    map_file = project / "maps" / "m.cjm.yaml"
    exact = resolve_reference(map_file, "personas/colleen.yaml", project)
    assert exact == project / "maps" / "personas" / "colleen.yaml"


def test_display_of_a_relative_windows_path_uses_forward_slashes() -> None:
    assert display(PureWindowsPath("maps\\personas\\..\\colleen.yaml")) == "maps/colleen.yaml"
    assert display(PureWindowsPath("maps/sub\\a.cjm.yaml")) == "maps/sub/a.cjm.yaml"


def test_folders_are_walked_once_for_both_suffixes_sorted_hidden_skipped(tmp_path: Path) -> None:
    for name in ("b/z.cjm.yml", "a.cjm.yaml", "b/a.cjm.yaml", ".hidden/x.cjm.yaml", "c.cjm.yxml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("cjmap: 1\n", encoding="utf-8")
    (tmp_path / "d.cjm.yaml").mkdir()  # a folder named like a map is not a map
    found, missing = files.collect_maps([tmp_path, tmp_path / "a.cjm.yaml", tmp_path / "nope"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.cjm.yaml",
        "b/a.cjm.yaml",
        "b/z.cjm.yml",
    ]
    assert missing == [(tmp_path / "nope", "no such file or folder")]


def test_one_run_looks_each_folder_up_once_and_forgets_after(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    a, b = tmp_path / "maps" / "a.cjm.yaml", tmp_path / "maps" / "b.cjm.yaml"
    with files.one_run():
        assert files.find_root(a) == files.find_root(b) == tmp_path / "maps"
        (tmp_path / ".cjmap.yaml").write_text("lint: {}\n", encoding="utf-8")
        assert files.find_root(b) == tmp_path / "maps"  # remembered for this run
        with files.one_run():  # nested: the same run
            assert files.find_root(a) == tmp_path / "maps"
    assert files.find_root(a) == tmp_path  # the next run looks again
