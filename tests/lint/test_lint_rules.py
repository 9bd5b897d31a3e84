"""Every lint rule against its fixtures: tests/lint/fixtures/<code>/*.cjm.yaml.

A fixture is a small map. Comments at its top say what to expect:

    # expect: LINE:COL CODE MESSAGE   one finding, at that exact line and column; MESSAGE is a
                                      substring of the message, or a pattern with * wildcards
    # today: YYYY-MM-DD               the date to judge against (default 2026-11-25)
    # options: {key: value}           the rule's options
    # select: CODE, CODE              the rules to run (default: the folder's rule only)

A fixture with no `expect` line must produce no finding. Findings in a persona file are
expected in that file's own `# expect:` lines.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from cjmap.lint import lint_map, settings_from
from cjmap.lint.registry import RULES, resolve
from cjmap.load.config import ConfigFile
from cjmap.load.loader import Loader
from cjmap.load.yamlsource import parse
from support import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
MAPS = sorted(FIXTURES.glob("cjm1*/*.cjm.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (CJM\d{3}) (.+)$")


def _header(path: Path, key: str) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith(f"# {key}: "):
            out.append(line[len(f"# {key}: ") :])
    return out


def _expected(path: Path) -> set[tuple[str, int, int, str, str]]:
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = EXPECT.match(line)
        if match:
            row, col, code, message = match.groups()
            found.add((str(path.resolve()), int(row), int(col), code, message))
    return found


def matches(message: str, pattern: str) -> bool:
    """``pattern`` is a substring of ``message``, or matches it with ``*`` wildcards."""
    if "*" not in pattern:
        return pattern in message
    parts = pattern.split("*")
    if not message.startswith(parts[0]) or not message.endswith(parts[-1]):
        return False
    at = len(parts[0])
    for part in parts[1:-1]:
        at = message.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return len(message) - len(parts[-1]) >= at


def _settings(path: Path):  # type: ignore[no-untyped-def]
    code = path.parent.name.upper()
    select = [c.strip() for c in (_header(path, "select") or [code])[0].split(",")]
    options = _header(path, "options")
    lint: dict[str, object] = {"select": select}
    if options:
        parsed = parse(options[0], "<options>")
        assert not parsed.diagnostics, parsed.diagnostics
        lint["rules"] = {code: parsed.data}
    return settings_from(ConfigFile(file="<test>", data={"lint": lint}))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    today = dt.date.fromisoformat((_header(path, "today") or ["2026-11-25"])[0])
    loaded = Loader().load(path)
    assert loaded.ok, [d.message for d in loaded.diagnostics]  # fixtures are valid maps
    findings = lint_map(loaded, _settings(path), today)
    expected = _expected(path)
    if loaded.persona_source is not None:
        expected |= _expected(loaded.persona_source.path)
    got = {(str(Path(d.file).resolve()), d.line, d.column, d.code, d.message) for d in findings}
    unmatched = set(got)
    for file, line, column, code, pattern in expected:
        hit = [
            g for g in unmatched if g[:4] == (file, line, column, code) and matches(g[4], pattern)
        ]
        assert hit, f"expected {code} at {line}:{column} ({pattern!r}); got {sorted(got)}"
        unmatched.discard(hit[0])
    assert not unmatched, f"unexpected findings: {sorted(unmatched)}"


def test_every_rule_has_a_passing_and_a_failing_fixture() -> None:
    for rule in RULES:
        maps = list((FIXTURES / rule.code.lower()).glob("*.cjm.yaml"))
        assert any(p.name.startswith("fail") for p in maps), f"{rule.code} has no failing fixture"
        assert any(p.name.startswith("pass") for p in maps), f"{rule.code} has no passing fixture"
    for path in MAPS:
        assert path.name.startswith(("pass", "fail", "current")), path
        if path.name.startswith("pass"):
            assert not _expected(path), f"{path}: a passing fixture expects findings"
        if path.name.startswith("fail"):
            persona = Loader().load(path).persona_source
            assert _expected(path) or (persona and _expected(persona.path)), path


def test_messages_name_real_rules() -> None:
    for path in MAPS:
        for _, _, _, code, _ in _expected(path):
            assert resolve(code) is not None, f"{path}: {code}"
