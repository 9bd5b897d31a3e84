"""The URL fetcher WeasyPrint gets: it refuses every URL.

A rendered map needs nothing from outside the page: the stylesheet and the icons are inline and
the fonts come from fontconfig, not from URLs. So whatever a map's text might smuggle in (an
``<img src=file:///etc/passwd>``, a ``url(http://...)``, a ``data:`` URI, a redirect), WeasyPrint
is never allowed to read a file or open a connection. Every refused URL is recorded.
"""

from __future__ import annotations

from typing import Any

from cjmap.render import weasy

URLFetcher: Any = weasy.load().urls.URLFetcher

BASE_URL = "cjmap-locked:/map/"
"""The base URL of every rendered page: relative references resolve inside this dead scheme."""


class FetchRefused(ValueError):
    """Raised for every URL; WeasyPrint logs it as a failed fetch and carries on without it."""


class LockedFetcher(URLFetcher):  # type: ignore[misc]
    """A WeasyPrint URL fetcher that fetches nothing and remembers what was asked for."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        self.refused.append(url)
        raise FetchRefused(f"cjmap renders offline and fetches no URL ({url[:80]})")

    def open(self, url: Any, data: Any = None, timeout: Any = None) -> Any:
        return self.fetch(getattr(url, "full_url", str(url)))
