"""`cjmap actions` end to end: formats, filters, -o, --fail-on-overdue, a map with errors, a
missing path, usage errors, and hostile text in every format."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from support import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "portfolio" / "fixtures"
TODAY = ("--today", "2026-11-25")
BROKEN = "cjmap: 1\nkind: current-state\ntitle: Broken\nstages:\n  - name: A\n    touchpionts: []\n"


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "maps"
    folder.mkdir()
    for path in FIXTURES.glob("*.cjm.yaml"):
        shutil.copy(path, folder / path.name)
    return tmp_path


def test_table_by_default_and_exit_0(maps: Path) -> None:
    done = run_cli("actions", "maps", *TODAY, cwd=maps)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == "E-commerce team (1 item, 1 overdue)"
    assert "Команда сайта (1 item, 1 overdue)" in lines
    assert lines[-1] == "9 action items, 3 overdue (as of 2026-11-25)"
    assert "\x1b" not in done.stdout  # piped: no colour


def test_json_shape_and_filters(maps: Path) -> None:
    done = run_cli("actions", "maps", *TODAY, "-f", "json", "--owner", "команда", cwd=maps)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {
            "file": "maps/ru.cjm.yaml",
            "map": "Оформление дебетовой карты онлайн",
            "stage": "application",
            "stage_name": "Оформление заявки",
            "opportunity": "short-form",
            "opportunity_text": "Короткая анкета",
            "task": "Переработать форму заявки",
            "owner": "Команда сайта",
            "status": "todo",
            "due": "2026-11-24",
            "overdue": True,
        }
    ]
    overdue = run_cli("actions", "maps", *TODAY, "-f", "json", "--overdue", cwd=maps)
    assert [r["task"] for r in json.loads(overdue.stdout)] == [
        "Enable guest checkout",
        "整理常见问题及标准答案",
        "Переработать форму заявки",
    ]
    chosen = run_cli("actions", "maps", *TODAY, "-f", "json", "--status", "done,dropped", cwd=maps)
    assert {r["status"] for r in json.loads(chosen.stdout)} == {"done", "dropped"}
    before = run_cli(
        "actions", "maps", *TODAY, "-f", "json", "--due-before", "2026-10-01", cwd=maps
    )
    assert [r["task"] for r in json.loads(before.stdout)] == [
        "Enable guest checkout",
        "Survey buyers",
    ]
    chinese = run_cli("actions", "maps", *TODAY, "-f", "json", "--owner", "赵磊", cwd=maps)
    assert [r["task"] for r in json.loads(chinese.stdout)] == ["上线智能客服"]


def test_today_decides_what_is_overdue(maps: Path) -> None:
    early = run_cli("actions", "maps", "--today", "2026-09-01", "-f", "json", "--overdue", cwd=maps)
    assert json.loads(early.stdout) == []
    real = run_cli("actions", "maps/en.cjm.yaml", "-f", "json", "--overdue", cwd=maps)
    assert "Enable guest checkout" in {r["task"] for r in json.loads(real.stdout)}


def test_fail_on_overdue(maps: Path) -> None:
    assert run_cli("actions", "maps", *TODAY, "--fail-on-overdue", cwd=maps).returncode == 1
    # Only listed items count: none of the Macedonian team's items is overdue.
    fine = run_cli("actions", "maps", *TODAY, "--fail-on-overdue", "--owner", "тим", cwd=maps)
    assert fine.returncode == 0, fine.stdout
    assert run_cli("actions", "maps", *TODAY, cwd=maps).returncode == 0  # without the flag


def test_csv_to_a_file_with_bom(maps: Path) -> None:
    done = run_cli("actions", "maps", *TODAY, "-f", "csv", "-o", "register.csv", cwd=maps)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    data = (maps / "register.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    read = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(read[0]) == [
        "file",
        "map",
        "stage",
        "stage_name",
        "opportunity",
        "opportunity_text",
        "task",
        "owner",
        "status",
        "due",
        "overdue",
    ]
    assert len(read) == 9
    assert {r["owner"] for r in read} >= {"客服部 · 张伟", "Команда сайта", "Дигитален тим"}


def test_ics_output_parses_and_is_stable(maps: Path) -> None:
    first = run_cli("actions", "maps", *TODAY, "-f", "ics", "-o", "a.ics", cwd=maps)
    second = run_cli("actions", "maps", *TODAY, "-f", "ics", "-o", "b.ics", cwd=maps)
    assert first.returncode == second.returncode == 0
    a, b = (maps / "a.ics").read_bytes(), (maps / "b.ics").read_bytes()
    assert a == b
    todos = list(Calendar.from_ical(a).walk("VTODO"))
    assert len(todos) == 6
    assert len({str(t["UID"]) for t in todos}) == 6


def test_a_map_with_errors_is_reported_and_left_out(maps: Path) -> None:
    (maps / "maps" / "broken.cjm.yaml").write_text(BROKEN, encoding="utf-8")
    done = run_cli("actions", "maps", *TODAY, "-f", "json", cwd=maps)
    assert done.returncode == 1
    assert "maps/broken.cjm.yaml:6:5: error: unknown key 'touchpionts'" in done.stderr
    assert "did you mean 'touchpoints'" in done.stderr
    assert "1 map with errors left out" in done.stderr
    assert len(json.loads(done.stdout)) == 9  # the others are still listed


def test_missing_path_is_a_usage_error(maps: Path) -> None:
    alone = run_cli("actions", "nope", *TODAY, cwd=maps)
    assert alone.returncode == 2
    assert "nope" in alone.stderr
    assert alone.stdout == ""
    mixed = run_cli("actions", "maps", "nope", *TODAY, "-f", "json", cwd=maps)
    assert mixed.returncode == 2
    assert len(json.loads(mixed.stdout)) == 9


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--status", "todoo"), "unknown status 'todoo' (did you mean 'todo'?)"),
        (("--status", "open"), "choose from todo, doing, done, dropped"),
        (("--today", "25.11.2026"), "--today '25.11.2026' is not a date"),
        (("--due-before", "soon"), "--due-before 'soon' is not a date"),
        (("-f", "xlsx"), "Invalid value"),
    ],
)
def test_usage_errors(maps: Path, args: tuple[str, ...], message: str) -> None:
    done = run_cli("actions", "maps", *args, cwd=maps)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stdout == ""


HOSTILE = """\
cjmap: 1
kind: current-state
title: "<script>alert('map')</script>"
stages:
  - name: "A | B"
    opportunities:
      - text: "=HYPERLINK(\\"http://x\\")"
        actions:
          - task: "=cmd|' /C calc'!A0"
            owner: "@evil\\nline two"
            due: 2026-01-01
          - task: "<img src=x onerror=alert(1)> | pipe\\nnew line \\e[31m"
            owner: "+team"
            status: doing
            due: 2026-02-01
"""


def test_hostile_text_stays_text_in_every_format(maps: Path) -> None:
    (maps / "maps" / "hostile.cjm.yaml").write_text(HOSTILE, encoding="utf-8")
    args = ("actions", "maps/hostile.cjm.yaml", *TODAY)
    data = json.loads(run_cli(*args, "-f", "json", cwd=maps).stdout)
    assert data[0]["task"] == "=cmd|' /C calc'!A0"
    assert data[1]["task"] == "<img src=x onerror=alert(1)> | pipe\nnew line \x1b[31m"
    sheet = run_cli(*args, "-f", "csv", cwd=maps).stdout
    read = list(csv.DictReader(io.StringIO(sheet.removeprefix("\ufeff"), newline="")))
    assert read[0]["task"] == "'=cmd|' /C calc'!A0"
    assert read[0]["owner"] == "'@evil\nline two"
    assert read[1]["owner"] == "'+team"
    assert read[0]["opportunity_text"] == '\'=HYPERLINK("http://x")'
    page = run_cli(*args, "-f", "markdown", cwd=maps).stdout
    assert len(page.splitlines()) == 4
    assert re.findall(r"(?<!\\)<(?!br>)", page) == []  # every < is escaped but our <br>
    assert "\\<script\\>" in page and "\\| pipe<br>new line \\\\u001b\\[31m" in page
    table = run_cli(*args, cwd=maps).stdout
    assert "\x1b" not in table
    assert "pipe\\u000anew" in table  # one line per item; the escape is clipped off here
    ics = run_cli(*args, "-f", "ics", cwd=maps).stdout
    todos = list(Calendar.from_ical(ics).walk("VTODO"))
    assert [str(t["SUMMARY"]) for t in todos] == [
        "=cmd|' /C calc'!A0",
        "<img src=x onerror=alert(1)> | pipe\nnew line \\u001b[31m",
    ]


def test_help_lists_the_formats() -> None:
    done = run_cli("actions", "--help")
    assert done.returncode == 0
    for name in ("table", "csv", "json", "markdown", "ics", "--fail-on-overdue"):
        assert name in done.stdout
