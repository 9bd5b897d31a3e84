"""Messages that quote the map cannot forge CI log lines or drive the terminal.

A GitHub runner turns any stdout line that starts with ``::error`` into an annotation, and a
terminal obeys ANSI and OSC escapes. What a message quotes from a map is truncated and its
control characters are shown as ``\\uXXXX``, in every output format.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cjmap.text import echo

from .conftest import cli, errors, fixture

KEY = "\x1b[31m::error file=README.md,line=1::forged " + "x" * 300
SPOOF = [
    (4, 1, "CJM011", f"unknown key {echo(KEY)}"),
    (
        5,
        7,
        "CJM010",
        "'\\u001b]8;;http://127.0.0.1/\\u0007click\\u001b]8;;\\u0007' is not a language tag",
    ),
    (
        8,
        14,
        "CJM010",
        "feeling must be a whole number from -3 to +3, got '\\u2028::error::forged\\u001b[0m'",
    ),
]
ANNOTATION = re.compile(r"::error file=[^,:]+,line=\d+,col=\d+,title=CJM\d{3} [a-z-]+::[^\r\n]*")
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_quoted_input_is_truncated_and_escaped(project: Path) -> None:
    assert errors(fixture("spoof.cjm.yaml", project)) == SPOOF
    unknown = SPOOF[0][3]
    assert unknown == (
        "unknown key '\\u001b[31m::error file=README.md,line=1::forged xxxxxxxxxxxxxxxxx…'"
    )


def test_kind_with_a_newline_and_an_annotation(project: Path) -> None:
    assert errors(fixture("spoof-kind.cjm.yaml", project)) == [
        (
            2,
            7,
            "CJM010",
            "'current-state\\u001b[2J\\u000d\\u000a::error file=README.md,line=1::forged' "
            "is not a valid kind",
        )
    ]


@pytest.mark.parametrize("name", ["spoof.cjm.yaml", "spoof-kind.cjm.yaml"])
def test_text_output_has_no_control_characters_and_no_forged_lines(
    project: Path, name: str
) -> None:
    result = cli("validate", fixture(name, project))
    assert result.returncode == 1
    assert not RAW_CONTROLS.search(result.stdout + result.stderr)
    assert not [line for line in result.stdout.splitlines() if line.lstrip().startswith("::")]


@pytest.mark.parametrize("name", ["spoof.cjm.yaml", "spoof-kind.cjm.yaml"])
def test_github_output_has_one_annotation_per_problem(project: Path, name: str) -> None:
    path = fixture(name, project)
    expected = errors(path)
    result = cli("validate", "--format", "github", path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected) + 1  # the summary line closes the output
    for line, (row, column, code, _) in zip(lines, expected, strict=False):
        assert ANNOTATION.fullmatch(line), line
        assert line.startswith(f"::error file={path},line={row},col={column},title={code} ")
    assert not lines[-1].startswith("::")
    assert not RAW_CONTROLS.search(result.stdout)


def test_json_and_sarif_carry_the_escaped_text(project: Path) -> None:
    path = fixture("spoof.cjm.yaml", project)
    report = json.loads(cli("validate", "--format", "json", path).stdout)
    text = json.dumps(report, ensure_ascii=False)
    assert "\\\\u001b[31m::error" in text  # the escape is in the message, not ESC itself
    assert not RAW_CONTROLS.search(text)
    sarif = json.loads(cli("validate", "--format", "sarif", path).stdout)
    results = json.dumps(sarif["runs"][0]["results"], ensure_ascii=False)
    assert "\\\\u001b[31m::error" in results
    assert not RAW_CONTROLS.search(results)


def test_source_excerpt_is_clipped_and_cleaned(project: Path) -> None:
    result = cli("validate", fixture("spoof.cjm.yaml", project))
    [excerpt] = [line for line in result.stdout.splitlines() if line.startswith("    4 | ")]
    # The source line is shown, but clipped (it is 350 characters long) and without its ESC.
    assert len(excerpt) <= len("    4 | ") + 121
    assert "\x1b" not in excerpt


@pytest.mark.parametrize(
    "value",
    [
        "\x1b[2J",
        "\r\n::error::x",
        "\u202e",
        "\u2028",
        "\x85",
        "\ud800",
        "\U000e0041",
        "a" * 10_000,
        16**5000,
    ],
    ids=lambda value: f"{type(value).__name__}-{len(str(value)) if isinstance(value, str) else 0}",
)
def test_echo_is_short_and_printable(value: object) -> None:
    shown = echo(value)
    assert len(shown) <= 6 * 60 + 12
    assert not RAW_CONTROLS.search(shown)
    assert "\n" not in shown and "\r" not in shown
