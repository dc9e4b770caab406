"""``tidings watch``: poll feeds, fetch new articles, process and store them.

One round: for every feed not backing off, fetch it (conditional GET with
ETag/Last-Modified), and for each entry not seen before, check robots.txt,
fetch the page, process it and store the record. Near-duplicates of an
article already seen (a wire story on several sites) are not stored again:
the state notes which original they copy and its publisher. A feed that
fails waits interval x 2^(failures-1), at most six hours.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import Iterable, Optional

import feedparser

from tidings.config import Config
from tidings.dedup import DedupIndex
from tidings.feeds.fetch import FetchError, Fetcher
from tidings.feeds.state import State
from tidings.ingest import decode as decode_
from tidings.ingest.raw import RawArticle
from tidings.record import ErrorRecord
from tidings.runners.metrics import Metrics, get_metrics

log = logging.getLogger("tidings.watch")
BACKOFF_CAP_S = 6 * 3600.0
MAX_PAGE_ATTEMPTS = 3
# Syndicated copies appear within days of the original; older articles are
# dropped from the near-duplicate index so it does not grow without bound.
DEDUP_MAX_AGE_S = 14 * 86400.0


def read_feed_list(path) -> list[str]:
    """Feed URLs from a file: one per line, blank lines and # comments ignored."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


class Watcher:
    def __init__(self, feeds: Iterable[str], store, state: State, *, config: Optional[Config] = None,
                 interval: float = 300.0, fetcher: Optional[Fetcher] = None, metrics: Optional[Metrics] = None,
                 dedup_path: Optional[Path] = None, pipeline=None):
        self.feeds = list(feeds)
        self.store, self.state = store, state
        self.config = config or Config.from_env()
        self.interval = interval
        self.fetcher = fetcher or Fetcher()
        self.metrics = metrics or get_metrics()
        self.dedup_path = Path(dedup_path) if dedup_path else None
        self.dedup = DedupIndex.load(self.dedup_path) if self.dedup_path else DedupIndex()
        self._pipeline = pipeline

    @property
    def pipeline(self):
        if self._pipeline is None:
            from tidings.pipeline import get_pipeline

            self._pipeline = get_pipeline(self.config)
        return self._pipeline

    def run(self, once: bool = False, on_round=None) -> None:
        while True:
            counts = self.round()
            if on_round:
                on_round(counts)
            if once:
                return
            time.sleep(self.interval)

    def round(self) -> dict:
        counts = {"feeds": 0, "feed_errors": 0, "new": 0, "stored": 0, "duplicates": 0, "failed": 0, "disallowed": 0}
        now = time.time()
        for feed in self.feeds:
            info = self.state.feed(feed)
            if info["next_try"] > now:
                continue  # backing off
            counts["feeds"] += 1
            entries = self._read_feed(feed, info)
            if entries is None:
                counts["feed_errors"] += 1
                continue
            todo = []
            for entry in entries:
                url = entry.get("link")
                if not url or self.state.is_done(url):
                    continue
                counts["new"] += 1
                if not self.fetcher.allowed(url):
                    self.state.mark(url, "disallowed", feed)
                    counts["disallowed"] += 1
                    self.metrics.skipped.inc()
                    continue
                raw = self._fetch_page(url, entry, feed)
                if raw is None:
                    counts["failed"] += 1
                    continue
                todo.append(raw)
            self._process(todo, feed, counts)
        if self.dedup_path:
            self.dedup.prune(DEDUP_MAX_AGE_S)
            self.dedup.save(self.dedup_path)
        return counts

    # -- feeds -----------------------------------------------------------
    def _read_feed(self, feed: str, info: dict):
        try:
            if not self.fetcher.allowed(feed):
                raise FetchError(f"{feed}: robots.txt disallows it")
            headers = {}
            if info["etag"]:
                headers["If-None-Match"] = info["etag"]
            if info["modified"]:
                headers["If-Modified-Since"] = info["modified"]
            r = self.fetcher.get(feed, headers)
            if r.status == 304:
                self.state.feed_ok(feed, info["etag"], info["modified"])
                return []
            if r.status >= 400:
                raise FetchError(f"{feed}: HTTP {r.status}")
            parsed = feedparser.parse(r.content, response_headers={k.lower(): v for k, v in r.headers.items()})
            if parsed.bozo and not parsed.entries:
                raise FetchError(f"{feed}: not a readable RSS or Atom feed ({type(parsed.bozo_exception).__name__})")
        except FetchError as exc:
            wait = self.state.feed_failed(feed, str(exc), self.interval, BACKOFF_CAP_S)
            self.metrics.feed_errors.labels("feed").inc()
            log.warning("%s; next try in %.0fs", exc, wait)
            return None
        self.state.feed_ok(feed, r.headers.get("etag"), r.headers.get("last-modified"))
        return parsed.entries

    def _fetch_page(self, url: str, entry, feed: str) -> Optional[RawArticle]:
        try:
            r = self.fetcher.get(url)
            if r.status >= 400:
                raise FetchError(f"{url}: HTTP {r.status}")
            html = decode_.decode(r.content, url)
        except Exception as exc:  # noqa: BLE001 - FetchError or a TidingsError from decoding
            self.metrics.feed_errors.labels("page").inc()
            final = self.state.attempts(url) + 1 >= MAX_PAGE_ATTEMPTS
            self.state.mark(url, "failed" if final else "retry", feed, detail=" ".join(str(exc).split())[:300])
            return None
        return RawArticle(source=url, id=url, html=html, url=url, title=entry.get("title"), published=_published(entry))

    # -- processing ------------------------------------------------------
    def _process(self, raws: list[RawArticle], feed: str, counts: dict) -> None:
        if not raws:
            return
        for raw, result in zip(raws, self.pipeline.process(raws)):
            self.metrics.observe(result)
            if isinstance(result, ErrorRecord):
                self.store.record_failure(raw.url, result.error.code, result.error.message, record_id=result.id, source_path=feed)
                self.state.mark(raw.url, "failed", feed, detail=result.error.message)
                counts["failed"] += 1
                continue
            a = result.article
            original = self.dedup.add(raw.url, a.text, a.publisher, a.published, url=raw.url)
            if original is not None:
                group = self.dedup.group(raw.url)
                self.state.mark(raw.url, "copy", feed, original=original, publisher=group.publisher)
                self.metrics.duplicates.inc()
                counts["duplicates"] += 1
                continue
            added = self.store.add(result, source_path=feed)
            self.state.mark(raw.url, added.status if added.status in ("stored", "copy") else "duplicate", feed)
            counts["stored" if added.status == "stored" else "duplicates"] += 1


def _published(entry) -> Optional[str]:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc).isoformat()
