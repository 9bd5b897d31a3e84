"""``cjmap validate`` in a real terminal (tmux) of 100 and 60 columns: what the user sees, cell
for cell, has no word broken by the terminal, every excerpt keeps its gutter, and the caret
stands under the column at fault in a Chinese line wider than the window."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cjmap.text import cells

from .helpers import VENV_BIN

TMUX = shutil.which("tmux")

pytestmark = pytest.mark.skipif(TMUX is None, reason="needs tmux (scripts/bootstrap --test)")

MAP = (
    "cjmap: 1\nkind: current-state\n"
    "title: Покупка пылесоса онлайн — путь клиента от первого поиска до отзыва 🧹\n"
    "lang: zh\nstages:\n"
    f"  - {{name: {'研究阶段' * 14} 🔍, feelin: -1}}\n"
)


def _screens(folder: Path, widths: tuple[int, ...]) -> dict[int, list[str]]:
    """The screen of a tmux window of each width after `cjmap validate` ran in it."""
    socket = str(folder / "tmux.sock")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "TMUX")}

    def tmux(*args: str) -> str:
        done = subprocess.run(
            [TMUX or "tmux", "-S", socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        return done.stdout

    try:
        for width in widths:
            command = (
                f"{VENV_BIN / 'cjmap'} validate m.cjm.yaml; "
                f"tmux -S {socket} wait-for -S done{width}; sleep 60"
            )
            tmux(
                "new-session", "-d", "-s", f"w{width}", "-x", str(width), "-y", "40",
                "-c", str(folder), command,
            )  # fmt: skip
        for width in widths:
            tmux("wait-for", f"done{width}")
        return {
            width: tmux("capture-pane", "-p", "-t", f"w{width}").rstrip("\n").splitlines()
            for width in widths
        }
    finally:
        subprocess.run([TMUX or "tmux", "-S", socket, "kill-server"], capture_output=True)


def test_validate_fits_the_terminal(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "m.cjm.yaml").write_text(MAP, encoding="utf-8")
    screens = _screens(tmp_path, (100, 60))
    for width, screen in screens.items():
        report = [line for line in screen if line.strip()]
        assert report[0].startswith("m.cjm.yaml:6:"), screen
        assert report[-1] == "1 file checked: 1 error in 1 file", screen
        assert all(cells(line) <= width for line in report)
        text = "\n".join(report)
        # Words stay whole: the terminal never had to break a line itself.
        for word in ("'feelin'", "[CJM011", "unknown-key]", "moment_of_truth,", "opportunities,"):
            assert word in text, (width, text)
        # The excerpt keeps its gutter, and the caret is under the 'f' of 'feelin'.
        at = next(i for i, line in enumerate(report) if line.startswith("    6 | "))
        shown, caret = report[at][8:], report[at + 1]
        assert caret.startswith("      | ") and caret.rstrip().endswith("^")
        target = cells(caret.rstrip()[8:]) - 1
        used = index = 0
        while used < target:
            used += cells(shown[index])
            index += 1
        assert used == target and shown[index:].startswith("feelin"), (width, shown, caret)
        help_at = next(i for i, line in enumerate(report) if line.startswith("      = help: "))
        hanging = report[help_at + 1]
        assert hanging.startswith(" " * 14) and hanging[14].isalpha(), (width, hanging)
