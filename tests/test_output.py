"""write_atomic refuses names a Windows checkout cannot hold, on every system."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmap.output import OutputProblem, write_atomic


@pytest.mark.parametrize(
    "name",
    [
        "CON",
        "prn",
        "Aux",
        "nul",
        "aux.pdf",
        "aux.cjm.yaml",
        "nul.pdf",
        "Con.html",
        "COM1.pdf",
        "com9",
        "LPT1.html",
        "lpt9.json",
        "nul .txt",
    ],
)
def test_windows_device_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputProblem) as caught:
        write_atomic(tmp_path / name, b"x")
    assert str(caught.value) == (
        f"{tmp_path / name}: '{name}' is a name Windows reserves for a device; choose another name"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "ending"),
    [("map.", "a dot"), ("map.pdf.", "a dot"), ("map ", "a space"), ("map.html ", "a space")],
)
def test_names_ending_in_a_dot_or_space_are_refused(tmp_path: Path, name: str, ending: str) -> None:
    with pytest.raises(OutputProblem) as caught:
        write_atomic(tmp_path / name, b"x", overwrite=False)
    assert str(caught.value) == (
        f"{tmp_path / name}: '{name}' ends in {ending}, which Windows drops from file names; "
        "choose another name"
    )
    assert list(tmp_path.iterdir()) == []
