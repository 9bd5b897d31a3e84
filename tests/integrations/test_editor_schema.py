"""The schema in a real editor: yaml-language-server (what VS Code's YAML extension runs) gives
completion of nested keys, per-kind keys, enum values, hover docs and errors for a map made by
``cjmap new`` whose modeline points at ``cjmap schema -o cjmap.schema.json``.

yaml-language-server comes from $CJMAP_YAML_LANGUAGE_SERVER, else from tests/node, where
``scripts/bootstrap --test`` installs the version package-lock.json locks (``npm ci``), else
``npm ci`` of that lock into a temporary folder (skipped when there is no npm).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import ROOT, VENV_BIN
from .lsp import LspClient

CJMAP = str(VENV_BIN / "cjmap")
NODE = ROOT / "tests" / "node"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    given = os.environ.get("CJMAP_YAML_LANGUAGE_SERVER")
    if given:
        return [given, "--stdio"]
    installed = NODE / "node_modules" / ".bin" / "yaml-language-server"
    if installed.exists():
        return [str(installed), "--stdio"]
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("needs yaml-language-server or npm to install it")
    prefix = tmp_path_factory.mktemp("yamlls")
    for name in ("package.json", "package-lock.json"):
        shutil.copy(NODE / name, prefix / name)
    subprocess.run(
        [npm, "ci", "--prefix", str(prefix), "--no-audit", "--no-fund", "--silent"],
        check=True,
        timeout=600,
    )
    return [str(prefix / "node_modules" / ".bin" / "yaml-language-server"), "--stdio"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project as the docs set it up: a git root with the schema, a map made by cjmap new."""
    root = tmp_path_factory.mktemp("editor") / "team"
    (root / ".git").mkdir(parents=True)
    (root / "maps").mkdir()
    for args in (
        ["schema", "-o", "cjmap.schema.json"],
        ["schema", "--persona", "-o", "cjmap.persona.schema.json"],
        ["new", "--template", "current-state", "-o", "maps/journey.cjm.yaml"],
    ):
        subprocess.run([CJMAP, *args], cwd=root, check=True, capture_output=True)
    return root


@pytest.fixture
def lsp(server: list[str], project: Path) -> Iterator[LspClient]:
    client = LspClient(server, project)
    yield client
    client.close()


def _doc(project: Path, name: str, body: str) -> tuple[Path, str]:
    """A map under maps/ with the modeline cjmap new writes there."""
    made = (project / "maps" / "journey.cjm.yaml").read_text(encoding="utf-8")
    modeline = made.splitlines()[0]
    assert modeline == "# yaml-language-server: $schema=../cjmap.schema.json"
    return project / "maps" / name, f"{modeline}\n{body}"


def _line_of(text: str, marker: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if marker in line)


def test_map_from_cjmap_new_is_clean_in_the_editor(lsp: LspClient, project: Path) -> None:
    path = project / "maps" / "journey.cjm.yaml"
    text = path.read_text(encoding="utf-8")
    lsp.open(path, text)
    # Wait until validation ran (a hover answers from the loaded schema) and nothing is flagged.
    assert "stage" in lsp.hover(path, _line_of(text, "stages:"), 1).lower()
    assert lsp.diagnostics(path, until=lambda d: True, timeout=5) == []


def test_completion_of_nested_keys_and_values(lsp: LspClient, project: Path) -> None:
    path, text = _doc(
        project,
        "nested.cjm.yaml",
        "cjmap: 1\nkind: current-state\ntitle: T\npersona:\n  name: C\n  \n"
        "stages:\n  - name: Research\n    \n"
        "    touchpoints:\n      - name: Shop\n        channel: \n"
        "    opportunities:\n      - text: x\n        actions:\n          - task: y\n            \n"
        "    feeling:\n      score: 1\n      \n",
    )
    lsp.open(path, text)
    lines = text.splitlines()
    persona = lsp.completion(path, _line_of(text, "name: C") + 1, 2)
    assert {"goals", "frustrations", "sources", "quote"} <= persona
    assert "name" not in persona  # already written
    stage = lsp.completion(path, _line_of(text, "name: Research") + 1, 4)
    assert {"pain_points", "metrics", "moment_of_truth", "icon", "thoughts"} <= stage
    assert not stage & {"name", "opportunities", "touchpoints"}  # already written
    channel_line = _line_of(text, "channel:")
    channels = lsp.completion(path, channel_line, len(lines[channel_line]))
    assert {"website", "word-of-mouth", "reviews", "other"} <= channels
    action = lsp.completion(path, _line_of(text, "task: y") + 1, 12)
    assert {"owner", "status", "due"} <= action
    feeling = lsp.completion(path, _line_of(text, "score: 1") + 1, 6)
    assert "label" in feeling


def test_kind_decides_which_keys_are_offered(lsp: LspClient, project: Path) -> None:
    path, text = _doc(project, "day.cjm.yaml", "cjmap: 1\nkind: day-in-the-life\ntitle: T\n\n")
    lsp.open(path, text)
    keys = lsp.completion(path, _line_of(text, "title: T") + 1, 0)
    assert "moments" in keys
    assert not keys & {"stages", "empathy", "compares"}

    path, text = _doc(project, "future.cjm.yaml", "cjmap: 1\nkind: future-state\ntitle: T\n\n")
    lsp.open(path, text)
    keys = lsp.completion(path, _line_of(text, "title: T") + 1, 0)
    assert {"stages", "compares"} <= keys
    assert "moments" not in keys

    path, text = _doc(project, "blank.cjm.yaml", "cjmap: 1\nkind: \n")
    lsp.open(path, text)
    assert lsp.completion(path, _line_of(text, "kind:"), 6) >= {
        "current-state",
        "future-state",
        "day-in-the-life",
        "empathy",
    }


def test_hover_shows_descriptions_from_the_models(lsp: LspClient, project: Path) -> None:
    path, text = _doc(
        project,
        "hover.cjm.yaml",
        "cjmap: 1\nkind: empathy\ntitle: T\nreview_every: 30\nempathy:\n  pains: [x]\n",
    )
    lsp.open(path, text)
    assert "Days between reviews." in lsp.hover(path, _line_of(text, "review_every"), 3)
    assert "Fears, frustrations, obstacles." in lsp.hover(path, _line_of(text, "pains"), 4)
    kind = lsp.hover(path, _line_of(text, "kind:"), 1)
    assert "current-state | future-state | day-in-the-life | empathy" in kind
    assert "says, thinks, does and feels" in kind

    # One heading, one description, one set of examples per key: an optional field's type
    # used to repeat its own ("Stage || Stage", every example twice).
    staged = (
        "cjmap: 1\nkind: current-state\ntitle: T\nstages:\n  - name: Поиск\n    id: poisk\n"
        "    icon: search\n    feeling: -1\n    metrics:\n      - name: NPS\n        value: 3\n"
    )
    path, text = _doc(project, "hover-stage.cjm.yaml", staged)
    lsp.open(path, text)
    for key, heading, example in [
        ("feeling", "Feeling", "label: anxious"),
        ("id", "Id", "research"),
        ("icon", "Icon", "search"),
        ("value", "Value", "42"),
    ]:
        line = _line_of(text, f" {key}: ")
        shown = lsp.hover(path, line, text.splitlines()[line].index(key) + 1)
        assert shown.startswith(f"#### {heading}\n"), shown
        assert shown.count("Example:") == len(set(re.findall(r"```yaml\n(.*?)```", shown, re.S)))
        assert shown.count(f"```yaml\n{example}") == 1, shown
    description = lsp.hover(path, _line_of(text, "feeling"), 5)
    assert description.count("The customer's emotion") == 1, description


def test_editor_flags_a_typo_and_a_bad_value(lsp: LspClient, project: Path) -> None:
    path, text = _doc(
        project,
        "typo.cjm.yaml",
        "cjmap: 1\nkind: current-state\ntitle: T\nstages:\n  - name: R\n    feelin: -1\n"
        "    touchpoints:\n      - name: Shop\n        channel: fax\n",
    )
    lsp.open(path, text)
    found = lsp.diagnostics(path, until=lambda d: len(d) >= 2)
    by_line = {d["range"]["start"]["line"]: d["message"] for d in found}
    assert "feelin" in by_line.get(_line_of(text, "feelin"), ""), found
    assert _line_of(text, "channel: fax") in by_line, found


def test_persona_file_schema(lsp: LspClient, project: Path) -> None:
    path = project / "maps" / "personas" / "colleen.yaml"
    text = "# yaml-language-server: $schema=../../cjmap.persona.schema.json\nname: C\n\nfoo: 1\n"
    lsp.open(path, text)
    assert {"goals", "needs", "sources"} <= lsp.completion(path, 2, 0)
    found = lsp.diagnostics(path, until=lambda d: bool(d))
    assert any("foo" in d["message"] for d in found), found


def test_empty_file_offers_a_whole_map_per_kind(lsp: LspClient, project: Path) -> None:
    path, text = _doc(project, "empty.cjm.yaml", "\n")
    lsp.open(path, text)
    items = {i["label"]: i for i in lsp.completion_items(path, 1, 0)}
    for kind in ("current-state", "future-state", "day-in-the-life", "empathy"):
        snippet = items[f"kind: {kind}"].get("insertText", "")
        assert f"kind: {kind}" in snippet and "cjmap: 1" in snippet and "title:" in snippet


def test_vscode_settings_from_editors_page_associate_maps_without_modeline(
    server: list[str], project: Path
) -> None:
    """The yaml.schemas setting docs/editors.md gives, resolved as VS Code does (relative to the
    workspace folder), makes completion work in a map that has no modeline."""
    page = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```json\n(.*?)```", page, flags=re.S)
    settings = json.loads(block)
    # Passed as written: yaml-language-server resolves "./" against the workspace root.
    client = LspClient(server, project, {"schemas": settings["yaml.schemas"]})
    try:
        path = project / "maps" / "plain.cjm.yaml"
        text = "cjmap: 1\nkind: empathy\ntitle: T\nempathy:\n  \n"
        client.open(path, text)
        persona = project / "maps" / "personas" / "dana.yaml"
        client.open(persona, "name: Dana\n\n")
        quadrants = {"says", "thinks", "does", "feels", "pains", "gains"}
        # The server applies settings asynchronously after asking for them: retry a while.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not quadrants <= client.completion(path, 4, 2):
            time.sleep(0.2)
        assert quadrants <= client.completion(path, 4, 2)
        assert {"goals", "sources"} <= client.completion(persona, 1, 0)
    finally:
        client.close()


def test_ids_in_every_script_are_accepted_and_a_bad_id_is_flagged(
    lsp: LspClient, project: Path
) -> None:
    # JSON Schema patterns are JavaScript regexes, where \w is ASCII only: a pattern written
    # for Python would flag every Chinese, Russian or Macedonian id in the editor.
    stages = "".join(
        f"  - id: {sid}\n    name: {sid}\n    touchpoints: [{{name: Web, channel: website}}]\n"
        for sid in ("比较", "свесност", "ѓаконија_2", "naïve-step", "ステージ")
    )
    path, text = _doc(
        project, "ids.cjm.yaml", f"cjmap: 1\nkind: current-state\ntitle: T\nstages:\n{stages}"
    )
    lsp.open(path, text)
    assert "stage" in lsp.hover(path, _line_of(text, "stages:"), 1).lower()
    assert lsp.diagnostics(path, until=lambda d: True, timeout=5) == []
    bad_path, bad = _doc(
        project,
        "bad-id.cjm.yaml",
        "cjmap: 1\nkind: current-state\ntitle: T\nstages:\n  - id: 1st stage\n    name: S\n",
    )
    lsp.open(bad_path, bad)
    found = lsp.diagnostics(bad_path, until=lambda d: len(d) >= 1)
    assert [d["range"]["start"]["line"] for d in found] == [_line_of(bad, "1st stage")], found
