"""The rules reference cannot drift: docs/rules.md is generated, and each rule's example
really triggers the rule."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from cjmap.lint import lint_map, settings_from
from cjmap.lint.docs import rule_markdown, rule_text, rules_markdown
from cjmap.lint.registry import RULES
from cjmap.lint.rule import SECTIONS
from cjmap.load.loader import load_map
from support import ROOT

# Examples that need a second file (the compared current-state map) cannot run on their own.
PARTIAL_EXAMPLES = {"CJM114"}


def test_rules_md_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "docs/rules.md is stale: run `python -m cjmap.docgen`"


def test_docgen_writes_the_page_and_the_committed_one_is_current() -> None:
    from cjmap.docgen import generators

    assert generators()["docs/rules.md"] is rules_markdown
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_every_rule_is_documented_in_full() -> None:
    page = rules_markdown()
    for rule in RULES:
        assert f"\n## {rule.code} {rule.name}\n" in page
        for title in SECTIONS:
            assert rule.section(title).strip(), f"{rule.code}: empty section {title!r}"
        for option in rule.options:
            assert f"| `{option}` |" in rule_markdown(rule)
            assert option in rule_text(rule)


def _example(rule_code: str) -> str:
    rule = next(r for r in RULES if r.code == rule_code)
    match = re.search(r"```yaml\n(.*?)```", rule.section("Example"), re.S)
    assert match, f"{rule_code}: the Example section has no ```yaml block"
    return match.group(1)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_example_triggers_its_rule(rule, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = _example(rule.code)
    if rule.code in PARTIAL_EXAMPLES:
        assert not text.startswith("cjmap:")
        return
    (tmp_path / ".git").mkdir()  # the project root
    path = tmp_path / "example.cjm.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_map(path)
    assert loaded.ok, [d.message for d in loaded.diagnostics]
    findings = lint_map(loaded, settings_from(), dt.date(2026, 11, 25))
    assert rule.code in {d.code for d in findings}, f"{rule.code}'s example does not trigger it"
