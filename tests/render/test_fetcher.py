"""The lock-down: a map can never make the renderer read a file or open a connection.

A local HTTP server counts requests. Map texts carry the usual payloads (an ``<img>`` of
``file:///etc/passwd``, a ``<link rel=attachment>``, ``url(http://127.0.0.1:PORT/)``, a
``</style><script>`` break-out); they must come out as plain text, the server must see nothing
and the PDF must embed nothing. The fetcher itself is also tested on raw HTML, without the
escaping in front of it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from cjmap.render.html import render_html
from cjmap.render.pdf import RenderLog, html_to_pdf, render_pdf

from .conftest import ON, load, pdf_text, squash, write_map


class Counter:
    def __init__(self) -> None:
        self.paths: list[str] = []
        self.port = 0


@pytest.fixture
def server() -> Iterator[Counter]:
    counter = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            counter.paths.append(self.path)
            body = b"<html><body>LEAKED</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    counter.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield counter
    httpd.shutdown()
    httpd.server_close()


def payloads(port: int) -> list[str]:
    base = f"http://127.0.0.1:{port}"
    return [
        '<img src="file:///etc/passwd">',
        f'<img src="{base}/img">',
        f'<link rel="attachment" href="{base}/attach">',
        '<link rel="attachment" href="file:///etc/passwd">',
        f'<link rel="stylesheet" href="{base}/css">',
        f"url({base}/url)",
        f'</style><style>@import "{base}/import"; body {{ background: url({base}/bg) }}</style>',
        "</style><script>alert(1)</script>",
        f'<svg><image href="{base}/svg"/></svg>',
        f'<iframe src="{base}/frame"></iframe>',
        f'<object data="{base}/object"></object>',
        f'<a rel="attachment" href="{base}/a">x</a>',
        "{{ 7*7 }} {% include '/etc/passwd' %}",
    ]


def hostile_map(folder: Path, port: int) -> Path:
    items = payloads(port)

    def q(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    listed = "\n".join(f"      - {q(p)}" for p in items)
    text = f"""cjmap: 1
kind: current-state
title: {q(items[0] + " " + items[5])}
lang: en
owner: {q(items[2])}
tags: [{q(items[7])}]
persona:
  name: {q(items[6])}
  quote: {q(items[1])}
  sources:
    - kind: interview
      note: {q(items[4])}
scenario: {q(items[8])}
stages:
  - name: {q(items[3])}
    actions:
{listed}
    feeling: {{score: -2, label: {q(items[7][:80])}}}
    touchpoints:
      - name: {q(items[9])}
        channel: website
    pain_points:
      - id: p1
        text: {q(items[10])}
    opportunities:
      - text: {q(items[11])}
        addresses: [p1]
        actions:
          - task: {q(items[12])}
            owner: {q(items[2])}
    owner: {q(items[5])}
  - name: Second
    feeling: 1
"""
    return write_map(folder, "hostile.cjm.yaml", text)


def _embedded_files(data: bytes) -> list[str]:
    reader = PdfReader(BytesIO(data))
    found = []
    names = reader.trailer["/Root"].get("/Names")
    if names is not None and "/EmbeddedFiles" in names.get_object():
        found.append("EmbeddedFiles")
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            subtype = annot.get_object().get("/Subtype")
            if subtype == "/FileAttachment":
                found.append("FileAttachment")
    return found


def test_map_texts_render_as_text_and_fetch_nothing(tmp_path: Path, server: Counter) -> None:
    loaded = load(hostile_map(tmp_path, server.port))
    html = render_html(loaded, on=ON)
    log = RenderLog()
    pdf = render_pdf(loaded, on=ON, log=log)

    assert server.paths == []
    assert log.refused == []  # escaped text never even reaches the fetcher
    assert _embedded_files(pdf) == []
    assert b"LEAKED" not in pdf and b"root:" not in pdf
    # Shown as text: every payload is in the HTML escaped, and readable in the PDF.
    for payload in payloads(server.port):
        if "<" in payload:
            assert payload not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()
    assert re.search(r"<img|<iframe|<object|<link", html, re.I) is None
    assert "{{ 7*7 }}" in html.replace("&#39;", "'")  # not evaluated as a template
    text = squash("".join(pdf_text(pdf)))
    assert squash('<img src="file:///etc/passwd">') in text
    assert squash(f"url(http://127.0.0.1:{server.port}/url)") in text


def test_the_fetcher_refuses_urls_in_raw_html(server: Counter) -> None:
    """Without escaping in front: WeasyPrint gets real tags and the fetcher must refuse them."""
    base = f"http://127.0.0.1:{server.port}"
    html = f"""<html><head>
      <link rel="stylesheet" href="{base}/sheet.css">
      <link rel="attachment" href="file:///etc/passwd">
      <link rel="attachment" href="{base}/attach.txt">
      <style>@import url({base}/import.css); body {{ background: url({base}/bg.png) }}
        @font-face {{ font-family: X; src: url({base}/font.woff) }} p {{ font-family: X }}</style>
    </head><body>
      <p>text</p>
      <img src="file:///etc/passwd"><img src="{base}/img.png"><img src="data:image/png;base64,iVBORw0KGgo=">
      <img src="relative.png">
      <a rel="attachment" href="{base}/a.txt">a</a>
      <svg width="10" height="10"><image href="{base}/svg.png" width="10" height="10"/></svg>
      <object data="{base}/object.html"></object><embed src="{base}/embed.html">
    </body></html>"""
    log = RenderLog()
    pdf = html_to_pdf(html, log=log)
    assert server.paths == []
    assert _embedded_files(pdf) == []
    refused = " ".join(log.refused)
    for what in (
        "sheet.css",
        "import.css",
        "img.png",
        "file:///etc/passwd",
        "data:image/png",
        "relative.png",
    ):
        assert what in refused, what
