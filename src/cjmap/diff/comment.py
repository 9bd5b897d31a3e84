"""Post the Markdown journey diff as one pull-request comment, and update it on later pushes.

Run by action.yml as ``python -m cjmap.diff.comment``; standard library only (it runs in CI
next to whatever Python the workflow set up, and talks to the GitHub REST API with urllib).
It reads its inputs from the environment, never from arguments (which the runner would log):

    GITHUB_API_URL       the REST API (default https://api.github.com; GitHub Enterprise sets it)
    GITHUB_REPOSITORY    owner/name of the repository the pull request is in
    CJMAP_PR_NUMBER      the pull request's number
    CJMAP_COMMENT_TOKEN  a token allowed to write pull-request comments
    CJMAP_DIFF_FILE      the Markdown written by ``cjmap diff --format markdown``

Its own comment is the one whose body starts with :data:`MARKER` *and* whose author is a bot
(the workflow's GITHUB_TOKEN writes as ``github-actions[bot]``): a person who quotes the marker
never has their comment overwritten. The token goes only into the Authorization header of
requests to the API's own origin (a ``Link`` header pointing elsewhere is not followed), and
never into a URL or a log line.

Exit codes: 0 posted or updated, or refused with 403 (a read-only token: a notice, since the
job summary still has the diff); 1 any other failure (a warning annotation says which); 2 a
missing or malformed setting.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

MARKER = "<!-- cjmap-diff -->"
"""The first line of the comment; the same as :data:`cjmap.diff.markdown.MARKER` (a test
checks), repeated here to keep this module free of cjmap's models."""
MAX_COMMENT = 65_000
"""GitHub refuses a comment body over 65,536 characters; this leaves room for the notes."""
TOO_LONG = "too long for a comment: see the job summary"
PER_PAGE = 100
MAX_PAGES = 100
"""10,000 comments: a bound on paging, so a Link loop cannot keep the step running."""
TIMEOUT = 30
_NEXT = re.compile(r'<([^<>]+)>\s*;\s*rel="?next"?')
TITLE = "cjmap diff"


class ApiError(Exception):
    """A request that did not succeed: its HTTP status (0: no answer) and a short reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"HTTP {status}: {reason}" if status else reason)
        self.status = status


@dataclass(frozen=True)
class Settings:
    api: str
    repository: str
    number: int
    token: str
    markdown: str
    run_url: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """The settings, or ValueError naming the one that is missing or wrong."""
        api = env.get("GITHUB_API_URL") or "https://api.github.com"
        if urllib.parse.urlsplit(api).scheme not in ("https", "http"):
            raise ValueError("GITHUB_API_URL is not an http(s) URL")
        repository = env.get("GITHUB_REPOSITORY", "")
        if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repository):
            raise ValueError("GITHUB_REPOSITORY is not owner/name")
        number = env.get("CJMAP_PR_NUMBER", "")
        if not re.fullmatch(r"[1-9][0-9]{0,9}", number):
            raise ValueError("CJMAP_PR_NUMBER is not a pull request number")
        token = env.get("CJMAP_COMMENT_TOKEN", "")
        if not token:
            raise ValueError("CJMAP_COMMENT_TOKEN is empty")
        path = env.get("CJMAP_DIFF_FILE", "")
        if not path:
            raise ValueError("CJMAP_DIFF_FILE is empty")
        try:
            with open(path, encoding="utf-8") as file:
                markdown = file.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read CJMAP_DIFF_FILE ({exc.__class__.__name__})") from None
        server, run_id = env.get("GITHUB_SERVER_URL", ""), env.get("GITHUB_RUN_ID", "")
        run_url = f"{server}/{repository}/actions/runs/{run_id}" if server and run_id else ""
        return cls(api.rstrip("/"), repository, int(number), token, markdown, run_url)


def body_of(markdown: str, run_url: str = "") -> str:
    """The comment: the diff itself, or, when it is too long for one, the marker, its summary
    line and where to read the rest."""
    text = markdown if markdown.startswith(MARKER) else f"{MARKER}\n{markdown}"
    if len(text) <= MAX_COMMENT:
        return text
    summary = next(
        (line for line in text.splitlines() if line.startswith("**") and line.endswith("**")),
        "**The journey maps changed.**",
    )
    where = f"[the job summary]({run_url})" if run_url else "the job summary"
    return (
        f"{MARKER}\n## Journey diff\n\n{summary}\n\n{TOO_LONG.replace('the job summary', where)}\n"
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an error (its 3xx status), never followed with or without the token."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class Api:
    """The few calls of GitHub's REST API the comment needs, over urllib."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        origin = urllib.parse.urlsplit(settings.api)
        self.origin = (origin.scheme, origin.netloc)

    def request(self, method: str, url: str, payload: Any = None) -> tuple[Any, str]:
        """The decoded JSON answer and its Link header."""
        parts = urllib.parse.urlsplit(url)
        if (parts.scheme, parts.netloc) != self.origin:
            # The token is for the API only; a Link to another host is not followed.
            raise ApiError(0, "the API pointed to another host; not following it")
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        request.add_header("User-Agent", "cjmap-diff-comment")
        # Unredirected: urllib would otherwise send it on to wherever a redirect points.
        request.add_unredirected_header("Authorization", f"Bearer {self.settings.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json; charset=utf-8")
        try:
            with _OPENER.open(request, timeout=TIMEOUT) as answer:
                raw = answer.read()
                link = answer.headers.get("Link", "")
        except urllib.error.HTTPError as exc:
            raise ApiError(exc.code, _message(exc)) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ApiError(0, f"no answer from the API ({exc.__class__.__name__})") from None
        try:
            return (json.loads(raw) if raw else None), link
        except ValueError:
            raise ApiError(0, "the API's answer is not JSON") from None

    def comments(self) -> Iterator[dict[str, Any]]:
        """Every comment of the pull request, page by page (``Link: <...>; rel="next"``)."""
        s = self.settings
        url: str | None = (
            f"{s.api}/repos/{s.repository}/issues/{s.number}/comments?per_page={PER_PAGE}"
        )
        for _ in range(MAX_PAGES):
            if url is None:
                return
            page, link = self.request("GET", url)
            if not isinstance(page, list):
                raise ApiError(0, "the list of comments is not a list")
            yield from (c for c in page if isinstance(c, dict))
            found = _NEXT.search(link)
            url = found[1] if found else None

    def create(self, body: str) -> dict[str, Any]:
        s = self.settings
        made, _ = self.request(
            "POST", f"{s.api}/repos/{s.repository}/issues/{s.number}/comments", {"body": body}
        )
        return made if isinstance(made, dict) else {}

    def update(self, comment_id: int, body: str) -> dict[str, Any]:
        s = self.settings
        made, _ = self.request(
            "PATCH", f"{s.api}/repos/{s.repository}/issues/comments/{comment_id}", {"body": body}
        )
        return made if isinstance(made, dict) else {}


def _message(error: urllib.error.HTTPError) -> str:
    """GitHub's ``message`` from an error answer, cleaned for one log line."""
    try:
        message = str(json.loads(error.read() or b"{}").get("message", ""))
    except (ValueError, AttributeError, OSError):
        message = ""
    message = re.sub(r"[\x00-\x1f\x7f]+", " ", message)[:200]
    return message or str(error.reason)[:200]


def is_own(comment: Mapping[str, Any]) -> bool:
    """The comment this step wrote before: the marker first, and written by a bot."""
    body = comment.get("body")
    user = comment.get("user")
    return (
        isinstance(body, str)
        and body.startswith(MARKER)
        and isinstance(user, dict)
        and user.get("type") == "Bot"
    )


def post(settings: Settings) -> tuple[str, dict[str, Any]]:
    """Update this step's earlier comment, or create one: ("updated"|"created", comment)."""
    api = Api(settings)
    body = body_of(settings.markdown, settings.run_url)
    for comment in api.comments():
        if is_own(comment) and isinstance(comment.get("id"), int):
            return "updated", api.update(comment["id"], body)
    return "created", api.create(body)


def _workflow_text(text: str) -> str:
    """Text for a workflow command: no line break or % can end or forge it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def main(env: Mapping[str, str] | None = None, out: TextIO | None = None) -> int:
    env = os.environ if env is None else env
    out = sys.stdout if out is None else out
    try:
        settings = Settings.from_env(env)
    except ValueError as problem:
        print(f"::warning title={TITLE}::no comment posted: {problem}", file=out)
        return 2
    try:
        done, comment = post(settings)
    except ApiError as problem:
        if problem.status == 403:
            print(
                f"::notice title={TITLE}::no comment posted: the token may not write to pull "
                "requests (HTTP 403; give the job `pull-requests: write`); the journey diff is "
                "in the job summary",
                file=out,
            )
            return 0
        print(
            f"::warning title={TITLE}::no comment posted: {_workflow_text(str(problem))}; the "
            "journey diff is in the job summary",
            file=out,
        )
        return 1
    where = comment.get("html_url")
    shown = f": {where}" if isinstance(where, str) and where.startswith("http") else ""
    print(f"cjmap diff: comment {done}{_workflow_text(shown)}", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
