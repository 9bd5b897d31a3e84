"""cjmap.diff.comment against a fake of GitHub's issue-comment API: real HTTP on 127.0.0.1,
served from a thread, recording every request the module makes."""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from cjmap.diff import comment
from cjmap.diff.markdown import MARKER

TOKEN = "ghs_secret-token-for-the-tests"
REPO = "acme/maps"
PR = 7
BOT = {"login": "github-actions[bot]", "type": "Bot"}
PERSON = {"login": "colleen", "type": "User"}
DIFF = f"{MARKER}\n## Journey diff\n\n**1 map changed; feeling better at 1 stage.**\n\n### Shop\n"


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    authorization: str | None
    body: Any


@dataclass
class FakeGitHub:
    """The three endpoints the module uses, over comments kept in memory."""

    comments: list[dict[str, Any]] = field(default_factory=list)
    writes_fail_with: int | None = None
    next_link: str | None = None
    """A Link to send instead of the real next page (to test where it may lead)."""
    redirect_to: str | None = None
    seen: list[Seen] = field(default_factory=list)
    url: str = ""

    def add(self, body: str, user: dict[str, str]) -> dict[str, Any]:
        made = {"id": 1000 + len(self.comments), "body": body, "user": user}
        made["html_url"] = f"https://github.com/{REPO}/pull/{PR}#issuecomment-{made['id']}"
        self.comments.append(made)
        return made


def _handler(fake: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    listing = f"/repos/{REPO}/issues/{PR}/comments"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _answer(self, status: int, data: Any, link: str = "") -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            if link:
                self.send_header("Link", link)
            self.end_headers()
            self.wfile.write(raw)

        def _record(self) -> Seen:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            seen = Seen(
                self.command,
                parts.path,
                parse_qs(parts.query),
                self.headers.get("Authorization"),
                body,
            )
            fake.seen.append(seen)
            return seen

        def do_GET(self) -> None:
            seen = self._record()
            if fake.redirect_to and seen.path == listing:
                self.send_response(301)
                self.send_header("Location", fake.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if seen.path != listing:
                return self._answer(404, {"message": "Not Found"})
            per_page = int(seen.query.get("per_page", ["30"])[0])
            page = int(seen.query.get("page", ["1"])[0])
            chunk = fake.comments[(page - 1) * per_page : page * per_page]
            link = ""
            if page * per_page < len(fake.comments):
                link = (
                    f'<{fake.url}{listing}?per_page={per_page}&page={page + 1}>; rel="next", '
                    f'<{fake.url}{listing}?per_page={per_page}&page=99>; rel="last"'
                )
            self._answer(200, chunk, fake.next_link or link)

        def do_POST(self) -> None:
            seen = self._record()
            if fake.writes_fail_with:
                return self._answer(fake.writes_fail_with, {"message": "Resource not accessible"})
            if seen.path != listing:
                return self._answer(404, {"message": "Not Found"})
            self._answer(201, fake.add(seen.body["body"], BOT))

        def do_PATCH(self) -> None:
            seen = self._record()
            if fake.writes_fail_with:
                return self._answer(fake.writes_fail_with, {"message": "Resource not accessible"})
            found = re.fullmatch(rf"/repos/{REPO}/issues/comments/(\d+)", seen.path)
            target = [c for c in fake.comments if found and c["id"] == int(found[1])]
            if not target:
                return self._answer(404, {"message": "Not Found"})
            target[0]["body"] = seen.body["body"]
            self._answer(200, target[0])

    return Handler


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    fake = FakeGitHub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()
    thread.join(5)


def _run(fake: FakeGitHub, tmp_path: Path, markdown: str = DIFF) -> tuple[int, str]:
    diff = tmp_path / "cjmap-diff.md"
    diff.write_text(markdown, encoding="utf-8")
    env = {
        "GITHUB_API_URL": fake.url,
        "GITHUB_REPOSITORY": REPO,
        "CJMAP_PR_NUMBER": str(PR),
        "CJMAP_COMMENT_TOKEN": TOKEN,
        "CJMAP_DIFF_FILE": str(diff),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_RUN_ID": "42",
    }
    out = io.StringIO()
    code = comment.main(env, out)
    log = out.getvalue()
    assert TOKEN not in log
    for seen in fake.seen:
        assert TOKEN not in seen.path and TOKEN not in json.dumps(seen.query)
        assert seen.authorization == f"Bearer {TOKEN}"
    return code, log


def test_the_marker_is_the_one_the_markdown_printer_writes() -> None:
    assert comment.MARKER == MARKER


def test_the_first_run_creates_one_comment(github: FakeGitHub, tmp_path: Path) -> None:
    code, log = _run(github, tmp_path)
    assert code == 0, log
    assert [s.method for s in github.seen] == ["GET", "POST"]
    assert github.seen[0].query["per_page"] == ["100"]
    assert [c["body"] for c in github.comments] == [DIFF]
    assert log == f"cjmap diff: comment created: {github.comments[0]['html_url']}\n"


def test_a_later_push_updates_its_own_comment(github: FakeGitHub, tmp_path: Path) -> None:
    github.add("Looks good!", PERSON)
    own = github.add(f"{MARKER}\n## Journey diff\n\nold\n", BOT)
    code, log = _run(github, tmp_path)
    assert code == 0, log
    assert [s.method for s in github.seen] == ["GET", "PATCH"]
    assert github.seen[1].path == f"/repos/{REPO}/issues/comments/{own['id']}"
    assert [c["body"] for c in github.comments] == ["Looks good!", DIFF]
    assert "comment updated" in log


def test_a_persons_comment_with_the_marker_is_never_overwritten(
    github: FakeGitHub, tmp_path: Path
) -> None:
    quoted = f"{MARKER}\nI pasted the diff here to discuss it"
    github.add(quoted, PERSON)
    github.add(f"{MARKER}\nanother bot's text", {"login": "x", "type": "User"})
    code, log = _run(github, tmp_path)
    assert code == 0, log
    assert [s.method for s in github.seen] == ["GET", "POST"]
    assert [c["body"] for c in github.comments][:2] == [quoted, f"{MARKER}\nanother bot's text"]
    assert github.comments[2]["body"] == DIFF and github.comments[2]["user"] == BOT


def test_its_comment_is_found_on_a_later_page(github: FakeGitHub, tmp_path: Path) -> None:
    for n in range(150):
        github.add(f"comment {n}", PERSON if n % 2 else BOT)
    own = github.add(f"{MARKER}\nold", BOT)  # the 151st: on page 2
    github.add(f"{MARKER}\na later copy", BOT)
    code, log = _run(github, tmp_path)
    assert code == 0, log
    gets = [s for s in github.seen if s.method == "GET"]
    assert [s.query.get("page", ["1"]) for s in gets] == [["1"], ["2"]]
    assert all(s.query["per_page"] == ["100"] for s in gets)
    assert [s.method for s in github.seen][-1] == "PATCH"
    assert github.seen[-1].path.endswith(f"/comments/{own['id']}")
    assert len(github.comments) == 152 and own["body"] == DIFF


def test_a_diff_too_long_for_a_comment_points_to_the_job_summary(
    github: FakeGitHub, tmp_path: Path
) -> None:
    long = DIFF + "| Stage | Before | After | Change |\n" + "| x | -1 | +1 | ▲ +2 |\n" * 5000
    assert len(long) > 65_000
    code, log = _run(github, tmp_path, long)
    assert code == 0, log
    body = github.comments[0]["body"]
    assert body.startswith(MARKER + "\n")
    assert "**1 map changed; feeling better at 1 stage.**" in body
    assert (
        "too long for a comment: see [the job summary](https://github.com/acme/maps/actions/runs/42)"
        in body
    )
    assert len(body) < 500


def test_a_read_only_token_is_a_notice_not_a_failure(github: FakeGitHub, tmp_path: Path) -> None:
    github.writes_fail_with = 403
    code, log = _run(github, tmp_path)
    assert code == 0
    assert log.startswith("::notice title=cjmap diff::no comment posted")
    assert "HTTP 403" in log and "pull-requests: write" in log
    assert github.comments == []


def test_other_failures_are_a_warning_and_exit_1(github: FakeGitHub, tmp_path: Path) -> None:
    github.writes_fail_with = 500
    code, log = _run(github, tmp_path)
    assert code == 1
    assert log.startswith("::warning title=cjmap diff::no comment posted: HTTP 500")


def test_a_link_to_another_host_is_not_followed(github: FakeGitHub, tmp_path: Path) -> None:
    github.add("first", PERSON)
    github.next_link = '<http://localhost:1/steal?per_page=100&page=2>; rel="next"'
    code, log = _run(github, tmp_path)
    assert code == 1
    assert "another host" in log
    assert [s.method for s in github.seen] == ["GET"]


def test_a_redirect_is_not_followed(github: FakeGitHub, tmp_path: Path) -> None:
    # Followed, it would show up here as a second request (with or without the token).
    github.redirect_to = f"{github.url}/elsewhere"
    code, log = _run(github, tmp_path)
    assert code == 1
    assert log.startswith("::warning title=cjmap diff::no comment posted: HTTP 301")
    assert [s.path for s in github.seen] == [f"/repos/{REPO}/issues/{PR}/comments"]


def test_a_missing_setting_is_named(tmp_path: Path) -> None:
    out = io.StringIO()
    env = {"GITHUB_REPOSITORY": REPO, "CJMAP_PR_NUMBER": "7", "CJMAP_DIFF_FILE": "x"}
    assert comment.main(env, out) == 2
    assert (
        out.getvalue()
        == "::warning title=cjmap diff::no comment posted: CJMAP_COMMENT_TOKEN is empty\n"
    )
