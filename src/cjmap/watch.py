"""``cjmap watch`` as a library: re-render a map's HTML on every save, and reload the browser.

How the page reloads, and why this way
--------------------------------------
A tiny server on loopback (127.0.0.1) serves a *preview* of the page: the rendered HTML plus a
six-line script that listens on ``/events`` (Server-Sent Events) and calls
``location.reload()`` when the map has been rendered again. The browser keeps its scroll
position across that reload, the page reloads only when something changed, and an error page
replaces the preview while the map is broken, then turns back into the map once it is fixed.

The alternative, a ``<meta http-equiv="refresh">`` tag, was rejected: it reloads every few
seconds whether or not anything changed (flicker, lost scroll position, a busy CPU for a big
map), and it would have to be written into the HTML file on disk, which must stay exactly what
``cjmap render`` writes: script-free and without a self-reloading tag, because that file is what
people share.

So there are two outputs: the file (``-o``, optional) is always the plain render, written
atomically and only from a valid map (a broken save never clobbers the last good page); the
served preview is the only place a script appears. The preview's Content-Security-Policy is
the page's own, widened just enough for the script (a per-run nonce) and ``connect-src 'self'``.
The server answers only requests whose Host is the loopback address it listens on (no DNS
rebinding) and only the two paths it knows.
"""

from __future__ import annotations

import html as html_lib
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cjmap.diagnostics import Diagnostic, has_errors
from cjmap.output import OutputProblem, write_atomic

RELOAD_SCRIPT = """<script nonce="{nonce}">
(function () {{
  var seen = null, source = new EventSource("/events");
  source.onmessage = function (e) {{ if (seen !== null && e.data !== seen) location.reload(); seen = e.data; }};
}})();
</script>"""

_CSP = re.compile(
    r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")', re.IGNORECASE
)


@dataclass
class Outcome:
    """One render: the HTML (None when the map has errors), its diagnostics, the files it read."""

    html: str | None
    diagnostics: list[Diagnostic]
    sources: dict[str, str | None]
    files: set[Path]
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.html is not None


def render_map(path: Path, *, template: str | None = None) -> Outcome:
    """Load and render ``path``; never raises for a bad map, the outcome says what is wrong."""
    from cjmap.load.loader import Loader
    from cjmap.render import TemplateMismatch, render_html

    loaded = Loader().load(path)
    files = {path.absolute()}
    sources: dict[str, str | None] = {}
    read = [loaded.source, loaded.persona_source]
    if loaded.compares is not None:
        read += [loaded.compares.source, loaded.compares.persona_source]
    for source in read:
        if source is not None:
            files.add(source.path.absolute())
            sources.setdefault(source.file, source.text)
    diagnostics = list(loaded.diagnostics)
    if not loaded.ok or has_errors(diagnostics):
        return Outcome(None, diagnostics, sources, files)
    try:
        page = render_html(loaded, template=template)
    except TemplateMismatch as exc:
        return Outcome(None, diagnostics, sources, files, error=str(exc))
    return Outcome(page, diagnostics, sources, files)


def preview_html(page: str, nonce: str) -> str:
    """The served copy of ``page``: its CSP widened for one nonce'd script, and that script."""

    def widen(match: re.Match[str]) -> str:
        policy = match.group(2).rstrip("; ")
        return f"{match.group(1)}{policy}; script-src 'nonce-{nonce}'; connect-src 'self'{match.group(3)}"

    page = _CSP.sub(widen, page, count=1)
    script = RELOAD_SCRIPT.format(nonce=nonce)
    if "</body>" in page:
        return page.replace("</body>", script + "\n</body>", 1)
    return page + script


def error_page(title: str, lines: Iterable[str], nonce: str) -> str:
    """A page listing what is wrong with the map (all text escaped), which reloads when fixed."""
    items = "\n".join(f"<li><pre>{html_lib.escape(line)}</pre></li>" for line in lines)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; connect-src 'self'\">"
        f"<title>cjmap watch: {html_lib.escape(title)}</title>"
        "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#222}"
        "h1{color:#b00020;font-size:1.3rem}pre{white-space:pre-wrap;margin:0}"
        "li{margin:.6rem 0;padding:.5rem .8rem;background:#fff4f4;border-left:4px solid #b00020;"
        "list-style:none}</style></head><body>"
        f"<h1>{html_lib.escape(title)}</h1><p>The preview comes back when the map is fixed; "
        f"the last good page is left as it was.</p><ul>{items}</ul>"
        f"{RELOAD_SCRIPT.format(nonce=nonce)}</body></html>\n"
    )


@dataclass
class Preview:
    """What the server serves, and a version number that changes on every render."""

    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    page: str = "<!DOCTYPE html><title>cjmap watch</title><p>Rendering...</p>"
    version: int = 0
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, page: str) -> None:
        with self._changed:
            self.page = page
            self.version += 1
            self._changed.notify_all()

    def wait(self, after: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.version != after, timeout=timeout)
            return self.version


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, preview: Preview, host: str, port: int) -> None:
        self.preview = preview
        self.stopping = threading.Event()
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return  # no access log in the terminal: it would bury the map's errors

    def _host_ok(self) -> bool:
        host, port = self.server.server_address[:2]
        return self.headers.get("Host", "") in (f"{host!s}:{port}", f"localhost:{port}")

    def do_GET(self) -> None:
        if not self._host_ok():
            self.send_error(403, "cjmap watch answers only on its loopback address")
            return
        if self.path == "/":
            body = self.server.preview.page.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/events":
            self._events()
        else:
            self.send_error(404)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        preview = self.server.preview
        version = preview.version
        try:
            self.wfile.write(f"data: {version}\n\n".encode())
            self.wfile.flush()
            while not self.server.stopping.is_set():
                now = preview.wait(version, timeout=15)
                if now != version:
                    version = now
                    self.wfile.write(f"data: {version}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def problem_lines(outcome: Outcome) -> list[str]:
    """The outcome's problems as the lines `cjmap validate` prints."""
    import io

    from cjmap.report.text import print_text

    if outcome.error is not None:
        return [outcome.error]
    buffer = io.StringIO()
    errors = [d for d in outcome.diagnostics if d.severity == "error"]
    print_text(
        errors,
        outcome.sources.get,
        buffer,
        files=1,
        color=False,
        show_source=True,
    )
    return [block for block in buffer.getvalue().rstrip("\n").split("\n") if block]


@dataclass
class Watcher:
    """Renders ``path`` now and on every change of it or the files it reads."""

    path: Path
    output: Path | None = None
    template: str | None = None
    preview: Preview | None = None
    say: Callable[[str], None] = print
    files: set[Path] = field(default_factory=set)
    renders: int = 0
    stamps: dict[Path, tuple[int, int] | None] = field(default_factory=dict)

    def render(self) -> Outcome:
        outcome = render_map(self.path, template=self.template)
        self.files = outcome.files
        self.stamps = _stamps(self.files)
        self.renders += 1
        stamp = time.strftime("%H:%M:%S")
        if outcome.html is None:
            lines = problem_lines(outcome)
            self.say(f"[{stamp}] {self.path}: not rendered, the map has problems:")
            for line in lines:
                self.say(f"  {line}")
            if self.preview is not None:
                self.preview.publish(
                    error_page(f"{self.path.name} has problems", lines, self.preview.nonce)
                )
            return outcome
        if self.output is not None:
            try:
                write_atomic(self.output, outcome.html.encode("utf-8"))
            except OutputProblem as problem:
                self.say(f"[{stamp}] cjmap: {problem}")
                outcome.error = str(problem)
        if self.preview is not None:
            self.preview.publish(preview_html(outcome.html, self.preview.nonce))
        target = f" -> {self.output}" if self.output is not None else ""
        self.say(f"[{stamp}] rendered {self.path}{target}")
        return outcome

    def run(self, stop: threading.Event | None = None) -> None:
        """Render, then re-render on each change until ``stop`` is set (or Ctrl-C)."""
        from watchfiles import watch

        self.render()
        while stop is None or not stop.is_set():
            folders = sorted({f.parent for f in self.files if f.parent.is_dir()})
            watched = set(self.files)
            for changes in watch(
                *folders,
                recursive=False,
                stop_event=stop,
                debounce=150,
                raise_interrupt=True,
                # An empty batch every second: a file saved after the render read it but before
                # the watch was in place sends no event, and only its stamp shows the change.
                yield_on_timeout=True,
                rust_timeout=1000,
            ):
                touched = {Path(p).absolute() for _, p in changes}
                if touched & watched or _stamps(watched) != self.stamps:
                    self.render()
                    if self.files != watched:
                        break  # the map now reads other files: watch their folders


def _stamps(files: set[Path]) -> dict[Path, tuple[int, int] | None]:
    """Modification time and size of each file (None: gone), to see a change no event told of."""
    found: dict[Path, tuple[int, int] | None] = {}
    for path in files:
        try:
            info = path.stat()
        except OSError:
            found[path] = None
        else:
            found[path] = (info.st_mtime_ns, info.st_size)
    return found
