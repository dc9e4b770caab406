"""Progress and statistics: one registry, shown on the terminal and at /metrics.

Counters live in a private prometheus-client registry (not the global one), so
an embedding application's own metrics never mix with tidings' and a test can
make a fresh one. Rates are left to Prometheus (``rate(tidings_articles_total[1m])``);
the terminal line computes its own.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Optional, TextIO

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest, make_asgi_app, start_http_server
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from tidings.record import ErrorRecord

__all__ = ["Metrics", "get_metrics", "metrics_app", "metrics_text", "serve_metrics", "Progress", "CONTENT_TYPE_LATEST"]


class Metrics:
    """The counters a runner updates; ``observe`` takes one result."""

    def __init__(self, registry: Optional[CollectorRegistry] = None):
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.articles = Counter("tidings_articles", "Articles processed (records and error records).", registry=r)
        self.events = Counter("tidings_events", "Events found in processed articles.", registry=r)
        self.failures = Counter("tidings_failures", "Articles that became error records.", registry=r)
        self.duplicates = Counter("tidings_duplicates", "Articles linked to an earlier original (near-duplicates).", registry=r)
        self.skipped = Counter("tidings_skipped", "Articles skipped because they were already stored or seen.", registry=r)
        self.queue_depth = Gauge("tidings_queue_depth", "Batches waiting for or inside worker processes.", registry=r)
        self.workers = Gauge("tidings_workers", "Worker processes running.", registry=r)
        self.feed_errors = Counter("tidings_feed_errors", "Failed feed or page fetches.", ["kind"], registry=r)
        self.started = time.monotonic()

    def observe(self, result) -> None:
        self.articles.inc()
        if isinstance(result, ErrorRecord):
            self.failures.inc()
        else:
            self.events.inc(len(result.events))

    def snapshot(self) -> dict:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        articles, events = self.articles._value.get(), self.events._value.get()
        return {
            "articles": int(articles),
            "events": int(events),
            "failures": int(self.failures._value.get()),
            "duplicates": int(self.duplicates._value.get()),
            "skipped": int(self.skipped._value.get()),
            "queue_depth": int(self.queue_depth._value.get()),
            "elapsed_s": elapsed,
            "articles_per_s": articles / elapsed,
            "events_per_s": events / elapsed,
        }


_default: Optional[Metrics] = None


def get_metrics() -> Metrics:
    """The process-wide Metrics (what ``/metrics`` shows)."""
    global _default
    if _default is None:
        _default = Metrics()
    return _default


def metrics_text(metrics: Optional[Metrics] = None) -> bytes:
    """The Prometheus text exposition of the metrics."""
    return generate_latest((metrics or get_metrics()).registry)


def metrics_app(metrics: Optional[Metrics] = None):
    """An ASGI app serving the metrics; mount it in FastAPI: ``app.mount("/metrics", metrics_app())``."""
    return make_asgi_app(registry=(metrics or get_metrics()).registry)


def serve_metrics(port: int, addr: str = "127.0.0.1", metrics: Optional[Metrics] = None):
    """Serve ``/metrics`` on its own port in a daemon thread (for ``watch``/``ingest``/``run``)."""
    return start_http_server(port, addr=addr, registry=(metrics or get_metrics()).registry)


class Progress:
    """A one-line progress display on a terminal, redrawn at most every ``every`` seconds."""

    def __init__(self, metrics: Metrics, total: Optional[int] = None, stream: Optional[TextIO] = None, every: float = 0.5, enabled: Optional[bool] = None):
        self.metrics, self.total, self.every = metrics, total, every
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._last = 0.0
        self._lock = threading.Lock()

    def line(self) -> str:
        s = self.metrics.snapshot()
        done = s["articles"] + s["skipped"]
        parts = [f"{s['articles']:,} articles" + (f"/{self.total:,}" if self.total else "")]
        parts.append(f"{s['articles_per_s']:.1f} art/s")
        parts.append(f"{s['events_per_s']:.1f} ev/s")
        parts.append(f"{s['failures']} failed")
        if s["skipped"]:
            parts.append(f"{s['skipped']:,} skipped")
        parts.append(f"queue {s['queue_depth']}")
        if self.total and s["articles_per_s"] > 0 and done < self.total:
            parts.append(f"ETA {_clock((self.total - done) / s['articles_per_s'])}")
        return " | ".join(parts)

    def update(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.every:
            return
        with self._lock:
            self._last = now
            self.stream.write("\r\x1b[K" + self.line())
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.update(force=True)
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
