"""Polite HTTP for feeds and pages: a User-Agent naming tidings, robots.txt obeyed, errors translated."""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

import httpx

from tidings import __version__

USER_AGENT = f"tidings/{__version__} (news event extraction; +https://github.com/tidings/tidings)"
ROBOTS_AGENT = "tidings"
ROBOTS_TTL_S = 3600.0


class FetchError(Exception):
    """A feed or page that could not be fetched; the message is one line."""


@dataclass
class Response:
    url: str
    status: int
    content: bytes
    headers: dict


class Fetcher:
    def __init__(self, timeout: float = 20.0, max_bytes: int = 10_000_000, client: Optional[httpx.Client] = None):
        self.client = client or httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=True)
        self.max_bytes = max_bytes
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, headers: Optional[dict] = None) -> Response:
        try:
            with self.client.stream("GET", url, headers=headers or {}) as r:
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"{url}: larger than {self.max_bytes} bytes")
                    chunks.append(chunk)
                return Response(str(r.url), r.status_code, b"".join(chunks), dict(r.headers))
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}") from None

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's site lets tidings fetch it (cached an hour per site)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(site)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL_S:
            cached = (time.monotonic(), self._read_robots(site))
            self._robots[site] = cached
        return cached[1].can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser:
        rp = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            r = self.get(site + "/robots.txt")
        except FetchError:
            rp.parse([])  # unreachable robots.txt: nothing is forbidden (as crawlers do)
            return rp
        if r.status in (401, 403):
            rp.disallow_all = True
        elif r.status >= 400:
            rp.parse([])
        else:
            rp.parse(r.content.decode("utf-8", "replace").splitlines())
        return rp
