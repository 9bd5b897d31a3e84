"""docs/getting-started.md is run, not just read: every ``$`` command of its ``console`` blocks
runs in order in an empty folder (``cd`` moves along), must exit 0 (or the code its
``# exit code N`` comment names), and every line shown under it (but ``...``) must appear in
what it printed. The PDFs it renders are read back."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .helpers import ROOT, VENV_BIN

PAGE = ROOT / "docs" / "getting-started.md"


@dataclass
class Step:
    command: str
    exit_code: int = 0
    expected: list[str] = field(default_factory=list)


def steps(page: str) -> list[Step]:
    out: list[Step] = []
    for block in re.findall(r"```console\n(.*?)```", page, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                command = line[2:]
                code = 0
                found = re.search(r"\s+# exit code (\d+)$", command)
                if found:
                    code = int(found.group(1))
                    command = command[: found.start()]
                out.append(Step(command, code))
            elif line.strip() and line.strip() != "..." and out:
                out[-1].expected.append(line.strip())
    return out


def test_page_has_the_walk_in_every_language() -> None:
    commands = [s.command for s in steps(PAGE.read_text(encoding="utf-8"))]
    assert any(c.startswith("cjmap new") for c in commands)
    for lang in ("zh", "ru", "mk"):
        assert any(f"--lang {lang}" in c for c in commands), lang
    assert sum(c.startswith("cjmap render") and ".pdf" in c for c in commands) >= 4


def test_getting_started_commands(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    env = {
        **os.environ,
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "NO_COLOR": "1",
        "LC_ALL": "C.UTF-8",
    }
    cwd = tmp_path / "start"
    cwd.mkdir()
    for step in steps(PAGE.read_text(encoding="utf-8")):
        if step.command.startswith("cd "):
            cwd = cwd / step.command[3:].strip()
            assert cwd.is_dir(), step.command
            continue
        done = subprocess.run(
            ["bash", "-c", step.command],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        printed = done.stdout + done.stderr
        assert done.returncode == step.exit_code, f"$ {step.command}\n{printed}"
        for line in step.expected:
            assert line in printed, f"$ {step.command}\nexpected: {line}\ngot:\n{printed}"
    pdfs = {p.name: p for p in cwd.rglob("*.pdf")}
    scripts = {
        "checkout.pdf": r"[A-Za-z]{4}",
        "共情.pdf": r"[\u4e00-\u9fff]",
        "день.pdf": r"[А-Яа-я]{4}",
        "идно.pdf": r"[А-Яа-яЃѓЌќЅѕЉљЊњЏџ]{4}",
    }
    for name, pattern in scripts.items():
        assert name in pdfs, sorted(pdfs)
        text = pypdf.PdfReader(pdfs[name]).pages[0].extract_text()
        assert re.search(pattern, text), (name, text[:200])
