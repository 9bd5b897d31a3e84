"""`cjmap watch` as a user runs it: a real process watching a real map. Saving the map rewrites
the HTML file and tells the preview to reload; a broken save prints the problem, keeps the last
good file and keeps watching; a real browser (Debian's chromium, driven by playwright) reloads
the preview by itself."""

from __future__ import annotations

import http.client
import os
import queue
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cjmap.watch import Outcome, Preview, Watcher, error_page, preview_html

from .helpers import VENV_BIN, copy_example

pytestmark = pytest.mark.posix_only  # stops `cjmap watch` with SIGINT, as Ctrl-C

CJMAP = str(VENV_BIN / "cjmap")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _wait(check: Callable[[], bool], timeout: float = 20, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Running:
    """A `cjmap watch` process and the lines it prints."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [CJMAP, "watch", *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def url(self) -> str:
        _wait(lambda: "preview at http" in self.text, what="the preview address")
        found = re.search(r"preview at (http://127\.0\.0\.1:\d+/)", self.text)
        assert found, self.text
        return found.group(1)

    def count(self, word: str) -> int:
        return sum(word in line for line in self.lines)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(timeout=20)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    copy_example("colleen", tmp_path / "maps")
    return tmp_path


@pytest.fixture
def running(team: Path) -> Iterator[Running]:
    proc = Running(["maps/current.cjm.yaml", "-o", "out.html"], team)
    yield proc
    proc.stop()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _get(url: str, path: str = "/", host: str | None = None) -> tuple[int, str]:
    address = url.split("//")[1].rstrip("/")
    conn = http.client.HTTPConnection(address, timeout=10)
    conn.request("GET", path, headers={"Host": host or address})
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8")


def _events(url: str, sink: queue.Queue[str]) -> None:
    address = url.split("//")[1].rstrip("/")
    conn = http.client.HTTPConnection(address, timeout=60)
    conn.request("GET", "/events")
    response = conn.getresponse()
    while True:
        line = response.readline().decode("utf-8")
        if not line:
            return
        if line.startswith("data: "):
            sink.put(line[6:].strip())


def test_save_rerenders_file_and_signals_reload(team: Path, running: Running) -> None:
    url = running.url()
    out = team / "out.html"
    _wait(out.exists, what="the first render")
    first = out.read_text(encoding="utf-8")
    assert "Buying a vacuum cleaner online" in first
    assert "<script" not in first.lower()  # the file on disk is the plain render

    events: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_events, args=(url, events), daemon=True).start()
    initial = events.get(timeout=10)

    _edit(team / "maps" / "current.cjm.yaml", "title: Buying a vacuum", "title: Choosing a vacuum")
    _wait(lambda: "Choosing a vacuum" in out.read_text(encoding="utf-8"), what="the re-render")
    assert events.get(timeout=10) != initial
    assert "<script" not in out.read_text(encoding="utf-8").lower()

    status, served = _get(url)
    assert status == 200
    assert "Choosing a vacuum" in served
    assert 'new EventSource("/events")' in served
    assert "connect-src 'self'" in served


def test_persona_file_change_rerenders(team: Path, running: Running) -> None:
    out = team / "out.html"
    _wait(out.exists, what="the first render")
    _edit(
        team / "maps" / "personas" / "colleen.yaml",
        "name: Curious Colleen",
        "name: Careful Colleen",
    )
    _wait(lambda: "Careful Colleen" in out.read_text(encoding="utf-8"), what="the persona change")


def test_broken_save_prints_problem_keeps_last_good_file_and_recovers(
    team: Path, running: Running
) -> None:
    url = running.url()
    out = team / "out.html"
    _wait(out.exists, what="the first render")
    good = out.read_text(encoding="utf-8")
    path = team / "maps" / "current.cjm.yaml"
    original = path.read_text(encoding="utf-8")

    path.write_text(original.replace("kind: current-state", "kind: current-state\nfeelin: -1", 1))
    _wait(lambda: running.count("not rendered") >= 1, what="the problem report")
    _wait(lambda: "feelin" in running.text, what="the unknown key in the report")
    assert re.search(r"maps/current\.cjm\.yaml:4:1: error: .*feelin", running.text), running.text
    assert running.proc.poll() is None  # still watching
    assert out.read_text(encoding="utf-8") == good  # never clobbered by a broken save
    status, served = _get(url)
    assert status == 200 and "has problems" in served and "feelin" in served

    path.write_text(original.replace("title: Buying", "title: Fixed, buying", 1))
    _wait(lambda: "Fixed, buying" in out.read_text(encoding="utf-8"), what="the recovery")
    assert "Traceback" not in running.text

    assert running.stop() == 0
    assert "stopped" in running.text


def test_preview_refuses_other_hosts_and_paths(running: Running) -> None:
    url = running.url()
    assert _get(url, host="evil.example:80")[0] == 403
    assert _get(url, "/../out.html")[0] == 404


def test_usage_errors_exit_2(team: Path) -> None:
    missing = subprocess.run(
        [CJMAP, "watch", "nope.cjm.yaml"], cwd=team, capture_output=True, text=True
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr
    nothing = subprocess.run(
        [CJMAP, "watch", "maps/current.cjm.yaml", "--no-serve"],
        cwd=team,
        capture_output=True,
        text=True,
    )
    assert nothing.returncode == 2 and "nothing to do" in nothing.stderr


def test_preview_html_widens_csp_for_its_nonce_only() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\"></head><body><p>map</p></body></html>"
    )
    served = preview_html(page, "n0nce")
    assert "script-src 'nonce-n0nce'; connect-src 'self'" in served
    assert served.count("<script") == 1 and '<script nonce="n0nce">' in served
    assert served.index("<script") < served.index("</body>")


def test_error_page_escapes_map_text() -> None:
    page = error_page("x", ['a.cjm.yaml:1:1: error: bad value "<img src=x onerror=alert(1)>"'], "n")
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_preview_wait_returns_on_publish() -> None:
    preview = Preview()
    start = preview.version
    threading.Timer(0.1, preview.publish, args=("<p>new</p>",)).start()
    assert preview.wait(start, timeout=5) == start + 1
    assert preview.page == "<p>new</p>"


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")
def test_browser_reloads_the_preview_by_itself(team: Path, running: Running) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    url = running.url()
    _wait((team / "out.html").exists, what="the first render")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(url)
            assert "Buying a vacuum cleaner online" in page.content()
            page.wait_for_timeout(500)  # the EventSource connects and reads the first version
            _edit(team / "maps" / "current.cjm.yaml", "title: Buying a vacuum", "title: Reloaded")

            # Poll from Python: the preview's CSP (rightly) forbids playwright's eval'd predicates.
            def reloaded() -> bool:
                try:
                    return "Reloaded" in page.content()
                except playwright.Error:  # caught mid-navigation: the reload is under way
                    return False

            _wait(reloaded, what="the browser to reload")
            assert page.url == url  # the page reloaded itself; the test never navigated
            assert not [e for e in errors if "Content Security Policy" in e], errors
        finally:
            browser.close()


def test_a_save_between_the_render_and_the_watch_is_not_lost(team: Path) -> None:
    # The edit lands after the first render read the persona, before the file watch is in
    # place, so no event ever reports it (seen in CI under load): the stamps must.
    out = team / "out.html"
    persona = team / "maps" / "personas" / "colleen.yaml"

    class EditAfterFirstRender(Watcher):
        def render(self) -> Outcome:
            outcome = super().render()
            if self.renders == 1:
                time.sleep(0.05)  # a new mtime even on a coarse clock
                _edit(persona, "name: Curious Colleen", "name: Careful Colleen")
            return outcome

    stop = threading.Event()
    watcher = EditAfterFirstRender(team / "maps" / "current.cjm.yaml", out, say=lambda _: None)
    thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
    thread.start()
    try:
        _wait(lambda: out.exists() and "Careful Colleen" in out.read_text("utf-8"), what="it")
        assert watcher.renders == 2
    finally:
        stop.set()
        thread.join(timeout=10)
