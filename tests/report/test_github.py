"""``--format github``: workflow commands that a map cannot break out of."""

from __future__ import annotations

from cjmap.diagnostics import Diagnostic, Severity
from cjmap.report import github
from support import run_cli


def test_one_annotation_per_finding_with_levels() -> None:
    findings = [
        Diagnostic(
            "maps/a.cjm.yaml",
            12,
            5,
            Severity.error,
            "CJM101",
            "stage-without-touchpoints",
            "no touchpoints",
            "add some",
        ),
        Diagnostic(
            "maps/a.cjm.yaml", 3, 1, Severity.warning, "CJM106", "stale-review", "old", None
        ),
        Diagnostic(
            "maps/a.cjm.yaml",
            4,
            2,
            Severity.info,
            "CJM121",
            "persona-without-quote",
            "no quote",
            None,
        ),
    ]
    lines = github.render(findings, files=["maps/a.cjm.yaml"]).splitlines()
    assert lines[0] == (
        "::error file=maps/a.cjm.yaml,line=12,col=5,title=CJM101 stage-without-touchpoints"
        "::no touchpoints%0Ahelp: add some"
    )
    assert lines[1] == "::warning file=maps/a.cjm.yaml,line=3,col=1,title=CJM106 stale-review::old"
    assert lines[2].startswith("::notice file=maps/a.cjm.yaml,line=4,col=2,")
    assert lines[3] == "1 file checked: 1 error, 1 warning, 1 note in 1 file"


def test_escaping_keeps_each_finding_one_command() -> None:
    evil = Diagnostic(
        "maps/x,y:z%.cjm.yaml",
        1,
        1,
        Severity.error,
        "CJM010",
        "schema",
        "bad 100% value\r\n::error file=README.md::pwned",
        None,
    )
    line = github.line(evil)
    assert "\n" not in line and "\r" not in line
    assert line == (
        "::error file=maps/x%2Cy%3Az%25.cjm.yaml,line=1,col=1,title=CJM010 schema"
        "::bad 100%25 value%0D%0A::error file=README.md::pwned"
    )


def test_cli_github_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    (tmp_path / "m.cjm.yaml").write_text(
        "cjmap: 1\nkind: empathy\ntitle: Карта\nlang: mk\nowner: Тим\nreviewed: 2026-11-01\n"
        "persona: {name: Елена, goals: [a], needs: [b], quote: c, sources: [{kind: survey}]}\n"
        "empathy:\n  says: [Ќе пробам]\n  thinks: [Дали ќе стигне]\n  does: [Нарачува]\n"
        "  feels: [Олеснување]\n  pains: [Чекање]\n",
        encoding="utf-8",
    )
    result = run_cli(
        "validate", "--format", "github", "--today", "2026-11-25", "m.cjm.yaml", cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "::error file=m.cjm.yaml,line=8,col=1,title=CJM108 empathy-quadrant-empty"
        "::the `gains` quadrant is empty: nothing on the persona's gains%0Ahelp: fill `gains:` from the research notes"
    )
