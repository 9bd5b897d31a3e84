"""Hostile text in every field of every kind of map: shown as text, never run, never fetched.

Each example map (and its persona file) is rewritten so that every text value carries a numbered
payload: a ``<script>``, an ``<img onerror>`` and an ``<iframe>`` to a local server, a
``</style>`` break-out, a ``<link rel=attachment>`` of ``/etc/passwd``, a ``javascript:`` URL,
a CSS ``url()``, Jinja (``{{ 7*7 }}``, ``{% include %}``) and an ``::error::`` line. The HTML
must hold no element from a map, the server must see no request (from WeasyPrint or from
Chromium opening the page), and the PDF must show the payloads as text and embed nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from cjmap.load.loader import LoadedMap, load_map
from cjmap.load.yamlsource import parse
from cjmap.render import render_html
from cjmap.render.pdf import RenderLog, render_pdf

from .conftest import EXAMPLES, Requests

ON = dt.date(2027, 2, 1)
# Keys whose values are not free text: ids, enums, dates, paths, numbers.
STRUCTURAL = {
    "cjmap",
    "kind",
    "lang",
    "id",
    "addresses",
    "resolves",
    "channel",
    "status",
    "icon",
    "due",
    "reviewed",
    "time",
    "persona",
    "compares",
    "review_every",
    "score",
    "value",
    "target",
    "feeling",
    "moment_of_truth",
    "with_brand",
}
MAPS = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*.cjm.yaml"))
ELEMENTS = re.compile(
    r"<(script|img|iframe|object|embed|link|a|image|form|input|base|meta http-equiv=.?refresh)\b",
    re.I,
)


def payload(n: int, base: str) -> str:
    """Payload ``n``: one attack (they take turns across fields) and a numbered ``<script>``."""
    attacks = [
        f"<img src={base}/img{n} onerror=leak({n})>",
        f'<iframe src="{base}/frame{n}"></iframe>',
        f'</style><style>@import "{base}/css{n}"; body {{ background: url({base}/bg{n}) }}</style>',
        '<link rel="attachment" href="file:///etc/passwd">',
        f'<a href="javascript:leak({n})">x</a>',
        f"url({base}/url{n})",
        f'<svg><image href="{base}/svg{n}"/></svg>',
        "{{ 7*7 }} {% include '/etc/passwd' %}",
        "\n::error file=x,line=1::forged",
    ]
    return f"#{n}# <script>leak({n})</script> {attacks[n % len(attacks)]}"


def _key_of(path: tuple[Any, ...]) -> Any:
    keys = [p for p in path if isinstance(p, str)]
    return keys[-1] if keys else None


def poison(data: Any, base: str, counter: list[int]) -> Any:
    """Every free-text string of ``data`` replaced by a numbered payload."""

    def walk(node: Any, path: tuple[Any, ...]) -> Any:
        if isinstance(node, dict):
            return {k: walk(v, (*path, k)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, (*path, i)) for i, v in enumerate(node)]
        if isinstance(node, str) and _key_of(path) not in STRUCTURAL and path[:1] != ("kind",):
            if len(path) >= 2 and path[-2] == "sources" and path[-1] == "kind":
                return node
            counter[0] += 1
            text = payload(counter[0], base)
            return text if _key_of(path) != "label" else text[:80]  # labels: 80 characters
        return node

    return walk(data, ())


def dump(data: Any) -> str:
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def server_module() -> Iterator[Requests]:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    seen = Requests()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.paths.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "6")
            self.end_headers()
            self.wfile.write(b"LEAKED")

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    seen.port = httpd.server_address[1]
    Thread(target=httpd.serve_forever, daemon=True).start()
    yield seen
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory, server_module: Requests
) -> dict[str, tuple[LoadedMap, int]]:
    """Every example map, poisoned: name -> (loaded map, number of payloads in it)."""
    out: dict[str, tuple[LoadedMap, int]] = {}
    root = tmp_path_factory.mktemp("hostile-examples")
    for folder in sorted({m.split("/")[0] for m in MAPS}):
        shutil.copytree(EXAMPLES / folder, root / folder)
    (root / ".git").mkdir()
    for path in sorted(root.rglob("*.yaml")):
        counter = [0]
        data = parse(path.read_text(encoding="utf-8"), str(path)).data
        path.write_text(dump(poison(data, server_module.base, counter)), encoding="utf-8")
    for name in MAPS:
        loaded = load_map(root / name)
        assert loaded.ok, (name, loaded.diagnostics[:3])
        text = loaded.source.text or ""
        out[name] = (loaded, text.count("<script>leak("))
    return out


@pytest.mark.parametrize("name", MAPS)
def test_html_shows_every_payload_as_text(
    hostile: dict[str, tuple[LoadedMap, int]], name: str
) -> None:
    loaded, count = hostile[name]
    html = render_html(loaded, on=ON)
    assert not ELEMENTS.search(html), ELEMENTS.search(html)
    assert "leak(" in html
    # The text of every payload that is shown is escaped, never markup.
    shown = set(re.findall(r"#(\d+)# ", html))
    assert shown, "no payload rendered"
    for n in shown:
        assert f"&lt;script&gt;leak({n})&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% include" in html
    # The `</style>` breakout stays text: the page has exactly the style elements a clean
    # render of the same map has, and the attack is there, escaped.
    clean = render_html(load_map(EXAMPLES / name), on=ON)
    assert html.count("<style") == clean.count("<style") and "</style" not in html.replace(
        "</style>", "", clean.count("</style>")
    )
    if any(int(n) % 9 == 2 for n in shown):
        assert "&lt;/style&gt;&lt;style&gt;@import" in html
    assert count > 10


# One map of each kind (a PDF takes seconds).
PDF_MAPS = [
    "colleen/current.cjm.yaml",
    "mk/future.cjm.yaml",
    "ru/day-in-the-life.cjm.yaml",
    "zh/empathy.cjm.yaml",
]


@pytest.mark.parametrize("name", PDF_MAPS)
def test_pdf_fetches_nothing_and_embeds_nothing(
    hostile: dict[str, tuple[LoadedMap, int]], server_module: Requests, name: str
) -> None:
    loaded, _ = hostile[name]
    log = RenderLog()
    data = render_pdf(loaded, on=ON, log=log, allow_missing_glyphs=True)
    assert log.refused == []
    assert server_module.paths == []
    reader = PdfReader(BytesIO(data))
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            assert annot.get_object().get("/Subtype") != "/FileAttachment"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "<script>leak(" in text.replace("\n", "")
    assert "LEAKED" not in text and "root:x:0:0" not in text


def test_browser_runs_nothing_and_requests_nothing(
    hostile: dict[str, tuple[LoadedMap, int]],
    server_module: Requests,
    tmp_path: Path,
    browser: Any,
) -> None:
    for name in MAPS:
        loaded, _ = hostile[name]
        page_file = tmp_path / (name.replace("/", "_") + ".html")
        page_file.write_text(render_html(loaded, on=ON), encoding="utf-8")
        page = browser.new_page()
        requests: list[str] = []
        dialogs: list[str] = []
        page.on("request", lambda r, seen=requests: seen.append(r.url))
        page.on("dialog", lambda d, seen=dialogs: seen.append(d.message))
        page.add_init_script("window.leak = (n) => { window.leaked = n; };")
        page.goto(page_file.as_uri(), wait_until="load")
        page.wait_for_timeout(200)
        assert page.evaluate("window.leaked === undefined"), name
        assert page.evaluate("document.querySelectorAll('script, img, iframe').length") == 0
        assert [r for r in requests if r != page_file.as_uri()] == [], name
        assert dialogs == []
        page.close()
    assert server_module.paths == []


def test_two_moments_at_the_same_time_render(tmp_path: Path) -> None:
    """Found by the fuzzer: equal times made the curve divide by zero (an internal error)."""
    (tmp_path / ".git").mkdir()
    path = tmp_path / "day.cjm.yaml"
    path.write_text(
        "cjmap: 1\nkind: day-in-the-life\ntitle: Same time\npersona: {name: Colleen}\n"
        "moments:\n"
        '  - {time: "07:00", activity: Wakes up, feeling: 1}\n'
        '  - {time: "07:00", activity: Makes coffee, feeling: -2}\n'
        '  - {time: "06:30", activity: Out of order, feeling: 0}\n'
    )
    loaded = load_map(path)
    assert loaded.ok, loaded.diagnostics
    assert "Makes coffee" in render_html(loaded, on=ON)
    assert render_pdf(loaded, on=ON, allow_missing_glyphs=True).startswith(b"%PDF-")
