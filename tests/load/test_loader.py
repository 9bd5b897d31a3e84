"""The loader: every class of bad input becomes located diagnostics, never an exception."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from cjmap.load.loader import Loader, load_map
from cjmap.model import CurrentStateMap, FutureStateMap
from support import EXAMPLES, FIXTURES

INVALID = sorted((FIXTURES / "invalid").glob("*.cjm.yaml"))
_EXPECT = re.compile(
    r"^# expect: (?:(?P<file>[^:\s]+):)?(?P<line>\d+):(?P<col>\d+) (?P<code>CJM\d+) (?P<msg>.+)$"
)


def expectations(path: Path) -> list[tuple[str, int, int, str, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _EXPECT.match(line)
        if match:
            file = match["file"] or path.name
            found.append((file, int(match["line"]), int(match["col"]), match["code"], match["msg"]))
    return found


@pytest.mark.parametrize("fixture", INVALID, ids=[p.name for p in INVALID])
def test_invalid_fixture_reports_exactly_its_errors(fixture: Path) -> None:
    expected = expectations(fixture)
    assert expected, f"{fixture.name} has no '# expect:' lines"
    loaded = load_map(fixture)
    got = [(Path(d.file).name, d.line, d.column, d.code, d.message) for d in loaded.diagnostics]
    # Messages are compared by prefix so fixtures can omit the long tail of a message.
    assert len(got) == len(expected), got
    for (g_file, g_line, g_col, g_code, g_msg), (e_file, e_line, e_col, e_code, e_msg) in zip(
        sorted(got), sorted(expected), strict=True
    ):
        assert (g_file, g_line, g_col, g_code) == (e_file, e_line, e_col, e_code), (got, expected)
        assert g_msg.startswith(e_msg), (g_msg, e_msg)
    assert not loaded.ok


def test_every_error_has_a_hint_except_syntax_context() -> None:
    for fixture in INVALID:
        for d in load_map(fixture).diagnostics:
            assert d.hint, f"{fixture.name}: {d.message} has no hint"


def test_example_loads_with_persona_file_and_compares() -> None:
    loaded = load_map(EXAMPLES / "colleen" / "future.cjm.yaml")
    assert loaded.ok, loaded.diagnostics
    assert isinstance(loaded.doc, FutureStateMap)
    assert loaded.persona is not None and loaded.persona.name == "Curious Colleen"
    assert loaded.compares is not None
    assert isinstance(loaded.compares.doc, CurrentStateMap)
    assert loaded.persona_source is not None
    assert loaded.persona_source.path.name == "colleen.yaml"


def test_shared_persona_file_is_read_once_per_loader() -> None:
    loader = Loader()
    a = loader.load(EXAMPLES / "colleen" / "current.cjm.yaml")
    b = loader.load(EXAMPLES / "colleen" / "empathy.cjm.yaml")
    assert a.persona is b.persona


def test_stage_ids_derived_from_names(tmp_path: Path) -> None:
    (tmp_path / "m.cjm.yaml").write_text(
        "cjmap: 1\nkind: current-state\ntitle: t\nstages:\n"
        "  - name: Order Online\n  - name: Доставка на дом\n  - name: '2. 付款'\n  - name: '!!!'\n",
        encoding="utf-8",
    )
    loaded = load_map(tmp_path / "m.cjm.yaml")
    assert loaded.ok, loaded.diagnostics
    assert isinstance(loaded.doc, CurrentStateMap)
    assert [s.id for s in loaded.doc.stages] == [
        "order-online",
        "доставка-на-дом",
        "付款",
        "stage-4",
    ]


def test_derived_id_collision_points_at_stage(tmp_path: Path) -> None:
    (tmp_path / "m.cjm.yaml").write_text(
        "cjmap: 1\nkind: current-state\ntitle: t\nstages:\n  - name: Buy\n  - name: buy\n",
        encoding="utf-8",
    )
    [d] = load_map(tmp_path / "m.cjm.yaml").diagnostics
    assert (d.line, d.column, d.code) == (6, 5, "CJM021")
    assert d.hint is not None and "explicit `id:`" in d.hint


def test_invalid_utf8_reports_the_bytes_line(tmp_path: Path) -> None:
    path = tmp_path / "m.cjm.yaml"
    path.write_bytes("cjmap: 1\ntitle: Пример\nkind: \xff\n".encode().replace(b"\xc3\xbf", b"\xff"))
    [d] = load_map(path).diagnostics
    assert (d.line, d.column, d.code) == (3, 7, "CJM002")
    assert "0xff" in d.message


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "m.cjm.yaml"
    path.write_bytes("cjmap: 1\n".encode("utf-16"))
    [d] = load_map(path).diagnostics
    assert d.code == "CJM002" and "UTF-16" in d.message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "m.cjm.yaml"
    path.write_bytes(b"\xef\xbb\xbfcjmap: 1\nkind: empathy\ntitle: BOM\n")
    assert load_map(path).ok


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    path = tmp_path / "m.cjm.yaml"
    path.write_text("cjmap: 1\nkind: empathy\ntitle: 研究\nempathy: {说: [x]}\n", encoding="utf-8")
    [d] = load_map(path).diagnostics
    assert (d.line, d.column, d.code) == (4, 11, "CJM011")


def test_persona_file_named_directly_is_checked_as_persona(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("name: Анна\ngoal: [x]\n", encoding="utf-8")
    [d] = load_map(path).diagnostics
    assert (d.line, d.column, d.code) == (2, 1, "CJM011")
    assert "did you mean 'goals'" in d.message


def test_all_errors_in_a_file_are_reported_in_one_run() -> None:
    loaded = load_map(FIXTURES / "invalid" / "wrong-type.cjm.yaml")
    assert len(loaded.diagnostics) == 3


def test_kind_named_like_a_key_does_not_confuse_locations(tmp_path: Path) -> None:
    # pydantic's loc starts with the union tag 'empathy', which is also a key of the map.
    path = tmp_path / "m.cjm.yaml"
    path.write_text(
        "cjmap: 1\nkind: empathy\ntitle: x\npersona:\n  name: A\n  sources:\n"
        "    - {kind: interview, note: 12 interviews, May 2026}\nempathy:\n  says: [x]\n",
        encoding="utf-8",
    )
    [d] = load_map(path).diagnostics
    assert (d.line, d.column, d.code) == (7, 46, "CJM011")
    assert d.message.startswith("unknown key 'May 2026'")


NOT_A_MAPPING = "the top level must be a mapping (key: value lines), not"


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        # Comments, blank lines and `---` before the top-level node: the node is at fault.
        ("# my journey\n- id: a\n  name: A\n", 2, 1, f"{NOT_A_MAPPING} list"),
        ("# a\n\n# b\n  just text\n", 4, 3, f"{NOT_A_MAPPING} str"),
        ("# a\n---\n- a\n", 3, 1, f"{NOT_A_MAPPING} list"),
        ("# a\n--- # b\n\n  - a\n", 4, 3, f"{NOT_A_MAPPING} list"),
        ("# a\n\n[a, b]\n", 3, 1, f"{NOT_A_MAPPING} list"),
        ("# a\r\n\r\n- a\r\n", 3, 1, f"{NOT_A_MAPPING} list"),
        ("\ufeff# a\n- a\n", 2, 1, f"{NOT_A_MAPPING} list"),
        ("# a\n--- |\n  text\n", 2, 5, f"{NOT_A_MAPPING} str"),
        ("# a\n\n~\n", 3, 1, "the map is empty"),
        # An empty document: at its `---` (libyaml's empty node is past the end of the file).
        ("# a\n\n---\n", 3, 1, "the map is empty"),
        # No node at all: the start of the file.
        ("# only a comment\n", 1, 1, "the map is empty"),
    ],
)
def test_top_level_problem_points_at_the_top_level_node(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, line: int, col: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("m.cjm.yaml").write_text(text, encoding="utf-8", newline="")
    [d] = load_map(Path("m.cjm.yaml")).diagnostics
    assert (d.file, d.line, d.column, d.code, d.message) == (
        "m.cjm.yaml",
        line,
        col,
        "CJM010",
        message,
    )


def test_persona_file_top_level_problem_points_at_its_node(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "personas").mkdir()
    Path("personas/x.yaml").write_text("# persona\n\n- name: X\n", encoding="utf-8")
    Path("m.cjm.yaml").write_text(
        "cjmap: 1\nkind: current-state\ntitle: T\npersona: personas/x.yaml\nstages:\n  - name: S\n",
        encoding="utf-8",
    )
    [d] = load_map(Path("m.cjm.yaml")).diagnostics
    assert (d.file, d.line, d.column, d.code, d.message) == (
        "personas/x.yaml",
        3,
        1,
        "CJM010",
        f"{NOT_A_MAPPING} list",
    )
    assert d.hint == "start the file with a `name:` line"  # a persona's advice, not a map's


def laptop_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project as a CX team has it: maps/ with a persona and a current-state map."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    Path("maps/personas").mkdir(parents=True)
    Path("maps/personas/colleen.yaml").write_text("name: Colleen\n", encoding="utf-8")
    Path("maps/current.cjm.yaml").write_text(
        "cjmap: 1\nkind: current-state\ntitle: Now\nstages:\n  - name: S\n", encoding="utf-8"
    )


def persona_map(persona: str) -> Path:
    path = Path("maps/m.cjm.yaml")
    path.write_text(
        f"cjmap: 1\nkind: current-state\ntitle: T\npersona: {persona}\nstages:\n  - name: S\n",
        encoding="utf-8",
    )
    return path


def compares_map(compares: str) -> Path:
    path = Path("maps/future.cjm.yaml")
    path.write_text(
        f"cjmap: 1\nkind: future-state\ntitle: T\ncompares: {compares}\nstages:\n  - name: S\n",
        encoding="utf-8",
    )
    return path


def located(path: Path) -> list[tuple[str, int, int, str, str, str | None]]:
    return [
        (d.file, d.line, d.column, d.code, d.message, d.hint) for d in load_map(path).diagnostics
    ]


CASE_NOTE = "the case differs, which works on macOS and Windows but not on Linux CI"


def test_persona_path_with_backslashes_is_located_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop_project(tmp_path, monkeypatch)
    assert located(persona_map("personas\\colleen.yaml")) == [
        (
            "maps/m.cjm.yaml",
            4,
            10,
            "CJM006",
            "persona 'personas\\colleen.yaml': the path has backslashes (\\), which only "
            "Windows reads as folder separators",
            "write 'personas/colleen.yaml': forward slashes, relative to this map's folder, "
            "work on every system",
        )
    ]


@pytest.mark.parametrize(
    ("compares", "message"),
    [
        ("C:\\maps\\current.cjm.yaml", "the path is absolute: it starts with the Windows drive C:"),
        ("C:/maps/current.cjm.yaml", "the path is absolute: it starts with the Windows drive C:"),
        (
            "\\\\server\\share\\current.cjm.yaml",
            "the path is absolute: it is a Windows network (UNC) path, \\\\server\\share\\...",
        ),
        (
            ".\\current.cjm.yaml",
            "the path has backslashes (\\), which only Windows reads as folder separators",
        ),
    ],
)
def test_compares_path_written_for_windows_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compares: str, message: str
) -> None:
    laptop_project(tmp_path, monkeypatch)
    [(file, line, column, code, text, _hint)] = located(compares_map(compares))
    assert (file, line, column, code) == ("maps/future.cjm.yaml", 4, 11, "CJM020")
    assert text == f"compares '{compares}': {message}"


def test_persona_case_variant_on_linux_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop_project(tmp_path, monkeypatch)
    assert located(persona_map("personas/Colleen.yaml")) == [
        (
            "maps/m.cjm.yaml",
            4,
            10,
            "CJM006",
            f"persona 'personas/Colleen.yaml': the file is named 'personas/colleen.yaml': "
            f"{CASE_NOTE}",
            "write 'personas/colleen.yaml', exactly as the file is named",
        )
    ]


def test_case_variants_on_a_case_insensitive_disk_are_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On macOS and Windows the wrong case opens the file; the map must still fail, as on CI."""
    from cjmap.load import files

    def case_insensitive(target: Path) -> Path:
        current = Path(target.anchor)
        for part in target.parts[1:]:
            same = [n for n in os.listdir(current) if n.casefold() == part.casefold()]
            if not same:
                raise FileNotFoundError(target)
            current = current / same[0]
        return current.resolve(strict=True)

    laptop_project(tmp_path, monkeypatch)
    monkeypatch.setattr(files, "_real_path", case_insensitive)
    assert located(persona_map("Personas/colleen.yaml"))[0][1:5] == (
        4,
        10,
        "CJM006",
        f"persona 'Personas/colleen.yaml': the file is named 'personas/colleen.yaml': {CASE_NOTE}",
    )
    assert located(compares_map("Current.cjm.yaml"))[0][1:5] == (
        4,
        11,
        "CJM020",
        f"compares 'Current.cjm.yaml': the file is named 'current.cjm.yaml': {CASE_NOTE}",
    )
    assert located(compares_map("current.cjm.yaml")) == []


def test_the_model_of_the_kind_gives_what_the_union_gives() -> None:
    # Valid maps are checked by their kind's model alone (start-up); the result must be the
    # object the discriminated union builds, for every kind.
    from cjmap.load.loader import _adapter, _validated
    from cjmap.load.yamlsource import parse

    kinds = set()
    for path in sorted(EXAMPLES.rglob("*.cjm.yaml")) + sorted(FIXTURES.rglob("*.cjm.yaml")):
        data = parse(path.read_text(encoding="utf-8"), path.name).data
        if not isinstance(data, dict):
            continue
        try:
            union = _adapter().validate_python(data)
        except Exception as exc:
            with pytest.raises(type(exc)) as raised:
                _validated(data)
            assert str(raised.value) == str(exc)  # the union's errors, not the model's
            continue
        mine = _validated(data)
        assert type(mine) is type(union) and mine == union
        kinds.add(mine.kind)
    assert kinds == {"current-state", "future-state", "day-in-the-life", "empathy"}
