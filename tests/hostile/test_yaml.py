"""Hostile YAML: every trick is a located error (or, for a BOM, simply works), never a crash.

Each small fixture is a file in ``fixtures/``; the large ones (50,000 levels of nesting, a line
of millions of characters, millions of values, a map of megabytes) come from ``generate.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cjmap.load.loader import load_map

from . import generate
from .conftest import ROOT, errors, fixture

ANCHOR = "CJM004"

CASES = {
    "alias-bomb.cjm.yaml": [
        (5, 1, "CJM011", "unknown key 'lol1'"),
        (5, 7, ANCHOR, "anchor &lol1 is not supported in maps"),
        (6, 1, "CJM011", "unknown key 'lol2'"),
        (6, 7, ANCHOR, "anchor &lol2 is not supported in maps"),
        (6, 14, ANCHOR, "alias *lol1 is not supported in maps"),
        (7, 1, "CJM011", "unknown key 'lol3'"),
        (7, 7, ANCHOR, "anchor &lol3 is not supported in maps"),
        (7, 14, ANCHOR, "alias *lol2 is not supported in maps"),
        (8, 10, ANCHOR, "alias *lol3 is not supported in maps"),
    ],
    "alias-self.cjm.yaml": [
        (4, 9, ANCHOR, "anchor &loop is not supported in maps"),
        (6, 14, ANCHOR, "alias *loop is not supported in maps"),
    ],
    "alias-merge.cjm.yaml": [
        (5, 5, ANCHOR, "anchor &base is not supported in maps"),
        (7, 5, "CJM011", "unknown key '<<'"),
        (7, 9, ANCHOR, "alias *base is not supported in maps"),
    ],
    "duplicate-key.cjm.yaml": [
        (7, 5, "CJM003", "duplicate key 'feeling' (first defined at line 6)"),
    ],
    "python-tag.cjm.yaml": [
        (
            3,
            8,
            ANCHOR,
            "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not supported",
        ),
    ],
    "custom-tag.cjm.yaml": [
        # The tagged path is not followed: one error, not a second one about the path.
        (4, 10, ANCHOR, "YAML tag '!include' is not supported"),
    ],
    # One error per value: not also "must be text" (the text branch of a metric value) or
    # "must be a mapping" (the {score, label} form of a feeling).
    "nan-inf.cjm.yaml": [
        (6, 14, "CJM010", "feeling must be a whole number from -3 to +3, got nan"),
        (9, 16, "CJM010", "value must be a finite number, got inf"),
        (10, 17, "CJM010", "target must be a finite number, got -inf"),
    ],
    "second-document.cjm.yaml": [
        (5, 1, ANCHOR, "a second YAML document ('---') in one file"),
    ],
    "long-number.cjm.yaml": [(4, 15, "CJM010", "number with 5000 digits is too long")],
    "long-hex.cjm.yaml": [(8, 16, "CJM010", "number with 5002 digits is too long")],
    "invalid-utf8.cjm.yaml": [(5, 14, "CJM002", "invalid UTF-8 byte 0xe9")],
    "utf16.cjm.yaml": [(1, 1, "CJM002", "the file is encoded as UTF-16; cjmap reads UTF-8")],
    "utf16-no-bom.cjm.yaml": [
        (
            1,
            1,
            "CJM002",
            "the file looks encoded as UTF-16 (without a byte-order mark); cjmap reads UTF-8",
        )
    ],
    "control-character.cjm.yaml": [
        (5, 14, "CJM001", "control characters are not allowed U+0007"),
    ],
    "ansi-escape.cjm.yaml": [(5, 14, "CJM001", "control characters are not allowed U+001B")],
    "nul-byte.cjm.yaml": [(5, 14, "CJM001", "control characters are not allowed U+0000")],
    # Positions after LINE SEPARATOR / PARAGRAPH SEPARATOR / NEL are counted as editors do.
    "line-separator.cjm.yaml": [(7, 14, "CJM010", "feeling must be between -3 and +3, got 9")],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_gives_exactly_these_errors(name: str, project: Path) -> None:
    assert errors(fixture(name, project)) == CASES[name]


def test_a_utf8_bom_is_fine(project: Path) -> None:
    loaded = load_map(fixture("bom.cjm.yaml", project))
    assert loaded.ok and loaded.diagnostics == []
    assert loaded.source.text is not None and loaded.source.text.startswith("cjmap: 1")


def test_no_tag_is_ever_constructed(project: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        "cjmap: 1\nkind: empathy\n"
        f"title: !!python/object/apply:os.system ['touch {marker}']\n"
        f"owner: !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n"
        "empathy: !!python/name:os.system\n"
    )
    (project / "tags.cjm.yaml").write_text(text)
    assert [code for _, _, code, _ in errors(project / "tags.cjm.yaml")] == [ANCHOR] * 3
    assert not marker.exists()


def test_second_document_is_never_read(project: Path) -> None:
    loaded = load_map(fixture("second-document.cjm.yaml", project))
    assert loaded.doc is None
    assert "Smuggled" not in repr(loaded.source.data)


def test_aliases_are_never_expanded(project: Path) -> None:
    loaded = load_map(fixture("alias-bomb.cjm.yaml", project))
    # *lol3 became one null each: nine items, not 9**4.
    assert loaded.source.data["stages"] == [None] * 9


def test_50000_levels_of_flow_nesting(project: Path) -> None:
    path = project / "deep.cjm.yaml"
    path.write_text(generate.deep_flow(50_000))
    # "stages: " is 8 columns; the root mapping is level 1, so the 64th "[" is one too many.
    assert errors(path) == [(4, 72, ANCHOR, "nesting deeper than 64 levels")]


def test_deep_block_nesting(project: Path) -> None:
    path = project / "deep.cjm.yaml"
    path.write_text(generate.deep_block(2_000))  # 2 MB: as deep as block style fits in the cap
    assert errors(path) == [(68, 65, ANCHOR, "nesting deeper than 64 levels")]


@pytest.mark.posix_only
def test_deep_nesting_needs_no_stack(project: Path) -> None:
    """With a 256 KB C stack (1/32 of the usual), 50,000 levels are still one located error."""
    (project / "flow.cjm.yaml").write_text(generate.deep_flow(50_000))
    (project / "block.cjm.yaml").write_text(generate.deep_block(2_000))

    def small_stack() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_STACK, (256 * 1024, 256 * 1024))

    result = subprocess.run(
        [sys.executable, "-m", "cjmap", "validate", "--no-source", str(project)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=small_stack,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "block.cjm.yaml:68:65: error: nesting deeper than 64 levels" in result.stdout
    assert "flow.cjm.yaml:4:72: error: nesting deeper than 64 levels" in result.stdout
    assert "RecursionError" not in result.stderr and "Traceback" not in result.stderr


def test_a_line_of_five_million_characters(project: Path) -> None:
    path = project / "long.cjm.yaml"
    path.write_text(generate.long_line(5_000_000))
    loaded = load_map(path)
    assert loaded.ok
    assert loaded.doc is not None and len(loaded.doc.title) == 5_000_000


def test_millions_of_values_stop_at_the_cap(project: Path) -> None:
    path = project / "wide.cjm.yaml"
    path.write_text(generate.wide_list(4_000_000))
    # 9 values before the list (the root, 7 scalars, the list); each item takes 2 columns.
    assert errors(path) == [
        (4, 8 + 2 * (1_000_000 - 9), ANCHOR, "more than 1,000,000 values in one file")
    ]


def test_thousands_of_aliases_give_one_error_and_stop(project: Path) -> None:
    path = project / "aliases.cjm.yaml"
    anchors = "".join(f"a{i}: &x{i} 1\n" for i in range(200))
    path.write_text(generate.HEAD + anchors + "tags: [" + ", ".join(["*x1"] * 100_000) + "]\n")
    found = errors(path)
    assert len(found) == 101
    assert found[-1][3] == "more than 100 problems; the rest of the file was not checked"
